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
 * The other documents that match `where`, published or as a draft (with the `select`ed fields;
 * `limit` per table). The database's unique index only guards the published table; a draft must
 * not claim an ID that another project's draft already uses, or the clash would only surface
 * when a reviewer publishes.
 */
const othersMatching = async ({ collection, where, id, req }: TakenArgs, select: Record<string, true>, limit: number) => {
  const conditions: Where[] = [where]
  if (id !== undefined && id !== null) conditions.push({ id: { not_equals: id } })
  const versioned = Boolean(req.payload.collections[collection]?.config.versions?.drafts)
  const docs: Record<string, unknown>[] = []
  for (const draft of versioned ? [false, true] : [false]) {
    const found = await req.payload.find({ collection, where: { and: conditions }, draft, depth: 0, limit, pagination: false, overrideAccess: true, select, req })
    docs.push(...(found.docs as unknown as Record<string, unknown>[]))
    if (limit === 1 && docs.length > 0) break
  }
  return docs
}

/** Whether another document matches `where`, published or as a draft. */
export const isTaken = async (args: TakenArgs): Promise<boolean> => (await othersMatching(args, {}, 1)).length > 0

/**
 * Which of these fields another document already holds the value of, published or as a draft:
 * one query per table for all of them (a project's save checks three).
 */
export const takenFields = async ({ values, ...args }: Omit<TakenArgs, 'where'> & { values: Record<string, string | number> }): Promise<Set<string>> => {
  const fields = Object.keys(values)
  if (!fields.length) return new Set()
  const where: Where = { or: fields.map((field) => ({ [field]: { equals: values[field] } })) }
  // Each value is unique: a handful of documents at most, read whole (no limit).
  const docs = await othersMatching({ ...args, where }, Object.fromEntries(fields.map((field) => [field, true as const])), 0)
  return new Set(fields.filter((field) => docs.some((doc) => String(doc[field]) === String(values[field]))))
}

/**
 * Refuses a write whose unique fields clash with another document, naming each field. Runs
 * after field validation, so the values are already in their final form.
 */
export const ensureUnique =
  (fields: FieldName[]): CollectionBeforeChangeHook =>
  async ({ collection, data, originalDoc, req }) => {
    const errors = []
    const values: Record<string, string | number> = {}
    for (const field of fields) {
      const value = data[field]
      if (value === undefined || value === null || value === '') continue
      // Drafts skip field validation: a value of the wrong kind is refused here, not sent to SQL.
      if (typeof value !== 'string' && typeof value !== 'number') {
        const label = translate(FIELD_LABELS[field], languageOf(req))
        errors.push({ path: field, label: FIELD_LABELS[field], message: message(req, 'notText', { field: label }) })
        continue
      }
      if (originalDoc && originalDoc[field] === value) continue
      values[field] = value
    }
    const taken = await takenFields({ collection: collection.slug, values, id: originalDoc?.id, req })
    for (const field of fields.filter((name) => taken.has(name))) {
      const label = translate(FIELD_LABELS[field], languageOf(req))
      errors.push({ path: field, label: FIELD_LABELS[field], message: message(req, 'taken', { field: label, value: String(values[field]) }) })
    }
    if (errors.length > 0) throw new ValidationError({ collection: collection.slug, errors, req })
    return data
  }
