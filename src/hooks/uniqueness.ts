import type { CollectionBeforeChangeHook, CollectionSlug, PayloadRequest, Where } from 'payload'
import { appendVersionToQueryKey, ValidationError } from 'payload'

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
 * The other documents that match `where`, published or as a draft (with their `id` and the
 * `fields` asked for; `limit` per table, 0 for all). The database's unique index only guards the
 * published table; a draft must not claim an ID that another project's draft already uses, or the
 * clash would only surface when a reviewer publishes.
 *
 * Asked of the adapter itself: these are the hooks' own checks, with no caller whose access would
 * apply and nothing to show. A Local API find ran the whole operation around them (access, query
 * validation with field permissions, the collection's hooks, afterRead): about a millisecond each,
 * and a page import made ten of them.
 */
const othersMatching = async ({ collection, where, id, req }: TakenArgs, fields: string[], limit: number) => {
  const conditions: Where[] = [where]
  if (id !== undefined && id !== null) conditions.push({ id: { not_equals: id } })
  const wanted = Object.fromEntries(fields.map((field) => [field, true as const]))
  const { docs } = await req.payload.db.find({ collection, where: { and: conditions }, limit, pagination: false, select: { id: true, ...wanted }, req })
  const found = [...(docs as Record<string, unknown>[])]
  if (limit === 1 && found.length > 0) return found
  if (req.payload.collections[collection]?.config.versions?.drafts) {
    // The latest version of each document, where a draft saved over a published page lives.
    const drafts = await req.payload.db.queryDrafts({
      collection,
      where: appendVersionToQueryKey({ and: conditions }),
      limit,
      pagination: false,
      select: fields.length ? { parent: true, version: wanted } : { parent: true },
      req,
    })
    found.push(...(drafts.docs as Record<string, unknown>[]))
  }
  return found
}

/** Whether another document matches `where`, published or as a draft. */
export const isTaken = async (args: TakenArgs): Promise<boolean> => (await othersMatching(args, [], 1)).length > 0

/**
 * Which of these fields another document already holds the value of, published or as a draft:
 * one query per table for all of them (a project's save checks three).
 */
export const takenFields = async ({ values, ...args }: Omit<TakenArgs, 'where'> & { values: Record<string, string | number> }): Promise<Set<string>> => {
  const fields = Object.keys(values)
  if (!fields.length) return new Set()
  const where: Where = { or: fields.map((field) => ({ [field]: { equals: values[field] } })) }
  // Each value is unique: a handful of documents at most, read whole (no limit).
  const docs = await othersMatching({ ...args, where }, fields, 0)
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
