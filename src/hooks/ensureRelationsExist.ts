import type { CollectionBeforeChangeHook, CollectionSlug } from 'payload'
import { ValidationError } from 'payload'

import { FIELD_LABELS, type FieldName } from '../domain/fieldLabels'
import { translate } from '../domain/locales'
import { languageOf, message } from '../domain/messages'
import { relationIds } from '../domain/relations'
import { couldBeNumericId } from './rejectMalformedIds'

/**
 * Relationship fields may only name documents that exist. Without this a wrong ID is a foreign-key
 * failure in SQL (a 500) and a dangling reference in MongoDB.
 */
export const ensureRelationsExist =
  (fields: { name: FieldName; collection: CollectionSlug }[]): CollectionBeforeChangeHook =>
  async ({ collection, data, req }) => {
    const errors = []
    for (const { name, collection: target } of fields) {
      if (!(name in data)) continue
      const ids = [...new Set(relationIds(data[name]).map(String))]
      if (ids.length === 0) continue
      // An ID that cannot exist here (not a number, or past the column's range) is not looked up:
      // the query would fail in SQL instead of finding nothing.
      const possible = req.payload.db.defaultIDType === 'number' ? ids.filter(couldBeNumericId) : ids
      const found = possible.length === 0 ? { docs: [] } : await req.payload.find({
        collection: target,
        where: { id: { in: possible } },
        depth: 0,
        limit: possible.length,
        pagination: false,
        overrideAccess: true,
        select: {},
        draft: false,
        req,
      })
      const existing = new Set(found.docs.map((doc) => String(doc.id)))
      const missing = ids.filter((id) => !existing.has(id))
      if (missing.length > 0) {
        const field = translate(FIELD_LABELS[name], languageOf(req))
        errors.push({ path: name, label: FIELD_LABELS[name], message: message(req, 'notFound', { field, value: missing.join(', ') }) })
      }
    }
    if (errors.length > 0) throw new ValidationError({ collection: collection.slug, errors, req })
    return data
  }
