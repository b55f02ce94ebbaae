import type { CollectionBeforeChangeHook, CollectionSlug, PayloadRequest, Where } from 'payload'
import { ValidationError } from 'payload'

import type { FieldName } from '../domain/fieldLabels'
import { FIELD_LABELS } from '../domain/fieldLabels'
import { translate } from '../domain/locales'
import { languageOf, message } from '../domain/messages'

type TakenArgs = {
  collection: CollectionSlug
  /** What the other document would have to match, e.g. `{ slug: { equals: 'x' } }`. */
  where: Where
  /** The document being saved, which may hold the value itself. */
  id?: number | string
  req: PayloadRequest
}

/**
 * Whether another document matches `where`, published or as a draft. The database's
 * unique index only guards the published table; a draft must not claim an ID that another
 * project's draft already uses, or the clash would only surface when a reviewer publishes.
 */
export const isTaken = async ({ collection, where, id, req }: TakenArgs): Promise<boolean> => {
  const conditions: Where[] = [where]
  if (id !== undefined && id !== null) conditions.push({ id: { not_equals: id } })
  const versioned = Boolean(req.payload.collections[collection]?.config.versions?.drafts)
  for (const draft of versioned ? [false, true] : [false]) {
    const found = await req.payload.find({
      collection,
      where: { and: conditions },
      draft,
      depth: 0,
      limit: 1,
      pagination: false,
      overrideAccess: true,
      select: {},
      req,
    })
    if (found.docs.length > 0) return true
  }
  return false
}

/**
 * Refuses a write whose unique fields clash with another document, naming each field. Runs
 * after field validation, so the values are already in their final form.
 */
export const ensureUnique =
  (fields: FieldName[]): CollectionBeforeChangeHook =>
  async ({ collection, data, originalDoc, req }) => {
    const errors = []
    for (const field of fields) {
      const value = data[field]
      if (value === undefined || value === null || value === '') continue
      const label = translate(FIELD_LABELS[field], languageOf(req))
      // Drafts skip field validation: a value of the wrong kind is refused here, not sent to SQL.
      if (typeof value !== 'string' && typeof value !== 'number') {
        errors.push({ path: field, label: FIELD_LABELS[field], message: message(req, 'notText', { field: label }) })
        continue
      }
      if (originalDoc && originalDoc[field] === value) continue
      if (await isTaken({ collection: collection.slug, where: { [field]: { equals: value } }, id: originalDoc?.id, req })) {
        errors.push({ path: field, label: FIELD_LABELS[field], message: message(req, 'taken', { field: label, value: String(value) }) })
      }
    }
    if (errors.length > 0) throw new ValidationError({ collection: collection.slug, errors, req })
    return data
  }
