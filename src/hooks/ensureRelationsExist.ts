import type { CollectionBeforeChangeHook, CollectionSlug, PayloadRequest } from 'payload'
import { ValidationError } from 'payload'

import { FIELD_LABELS, type FieldName } from '../domain/fieldLabels'
import { translate } from '../domain/locales'
import { languageOf, message } from '../domain/messages'
import { relationIds } from '../domain/relations'
import { couldBeNumericId } from './rejectMalformedIds'

/**
 * Which of `ids` name no document. One count straight from the adapter when all of them exist (a
 * save's usual case: no operation, hooks or afterRead for a yes), the IDs read only when some do not.
 */
const missingIds = async (req: PayloadRequest, collection: CollectionSlug, ids: string[], possible: string[]): Promise<string[]> => {
  if (possible.length === 0) return ids
  const where = { id: { in: possible } }
  if (possible.length === ids.length && (await req.payload.db.count({ collection, where, req })).totalDocs === ids.length) return []
  const { docs } = await req.payload.db.find({ collection, where, limit: possible.length, pagination: false, select: { id: true }, req })
  const existing = new Set(docs.map((doc) => String(doc.id)))
  return ids.filter((id) => !existing.has(id))
}

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
      const missing = await missingIds(req, target, ids, possible)
      if (missing.length > 0) {
        const field = translate(FIELD_LABELS[name], languageOf(req))
        errors.push({ path: name, label: FIELD_LABELS[name], message: message(req, 'notFound', { field, value: missing.join(', ') }) })
      }
    }
    if (errors.length > 0) throw new ValidationError({ collection: collection.slug, errors, req })
    return data
  }
