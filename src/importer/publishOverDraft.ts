import { dequal } from 'dequal'
import type { PayloadRequest } from 'payload'
import { ValidationError } from 'payload'

import { TRANSLATED_LOCALES_BEFORE } from '../collections/Projects/hooks/populateTranslatedLocales'
import { LOCALES, type Locale } from '../domain/locales'
import { isPublishedRow } from '../hooks/publishedRow'
import { changedFields } from '../workflow/changes'

type Collection = 'projects' | 'outcomes'
type Doc = Record<string, unknown>
type Field = { name: string; localized: boolean; hasMany: boolean }

/** How the importer writes: its request (transaction), user, access and depth. */
export type ImportWrite = { req: PayloadRequest; user?: PayloadRequest['user']; overrideAccess: boolean; depth: number }

/** Fields a write does not set: Payload's, and those the hooks compute whatever the caller sends. */
const NOT_WRITTEN = new Set(['id', 'createdAt', 'updatedAt', '_status', 'createdBy', 'updatedBy', 'firstPublishedAt', 'projectPublished', 'translatedLocales'])

/** The fields a write sets (no virtual, join or computed field). */
const writableFields = (req: PayloadRequest, collection: Collection): Field[] =>
  req.payload.collections[collection].config.flattenedFields
    .filter((field) => !NOT_WRITTEN.has(field.name) && !('virtual' in field && field.virtual) && field.type !== 'join')
    .map((field) => ({ name: field.name, localized: Boolean('localized' in field && field.localized), hasMany: Boolean('hasMany' in field && field.hasMany) }))

/** No value, as a write clears a field: an empty list for a list (a `null` leaves its stored rows in place). */
const emptyOf = (field: Field) => (field.hasMany ? [] : null)

/**
 * Every writable field with the document's value, empty where it has none: a field left out of a
 * write is filled by Payload from the latest version, the draft. Without a document (never
 * published), the shared fields of `fallback` (its project, its number) and no text.
 */
const valuesOf = (fields: Field[], doc: Doc | null, fallback: Doc) =>
  Object.fromEntries(fields.map((field) => [field.name, (doc ? doc[field.name] : field.localized ? null : fallback[field.name]) ?? emptyOf(field)]))

/** Two values of a field alike: an empty list and no value are the same. */
const alike = (a: unknown, b: unknown) => {
  const normal = (value: unknown) => (value === undefined || (Array.isArray(value) && value.length === 0) ? null : value)
  return dequal(normal(a), normal(b))
}

/**
 * Publishes what an import says of one language of a document whose latest version is a draft
 * (changes pending review over the live page, or an outcome never published), without putting
 * that draft live, and keeps the draft pending on top.
 *
 * Payload's publication starts from the latest version: a field the write does not send, in any
 * language, would go live as the draft has it. Here the publication is the live page in this
 * language and its shared fields, with the import's values over them; Payload's
 * `publishSpecificLocale` keeps the other languages as published. The draft is then saved again as
 * it was but for the fields the import changed (the import wins there), in its own review state,
 * as a normal draft the admin shows and a reviewer approves as usual. A draft holding nothing the
 * live page (as the import leaves it) does not is simply published over. Says whether a draft was kept.
 */
export const publishOverDraft = async (write: ImportWrite, { collection, id, locale, data }: { collection: Collection; id: number | string; locale: Locale; data: Doc }) => {
  const { req } = write
  const callerLocale = req.locale
  const fields = writableFields(req, collection)
  const read = async (draft: boolean, inLocale: Locale) =>
    (await req.payload.findByID({ collection, id, draft, locale: inLocale, fallbackLocale: false, depth: 0, overrideAccess: true, req })) as unknown as Doc
  const published = await isPublishedRow(req, collection, id)
  const draftIn = new Map<Locale, Doc>()
  const liveIn = new Map<Locale, Doc>()
  for (const code of LOCALES) {
    draftIn.set(code, await read(true, code))
    liveIn.set(code, published ? await read(false, code) : valuesOf(fields, null, draftIn.get(code)!))
  }
  const draft = draftIn.get(locale)!
  const live = published ? liveIn.get(locale)! : null
  // What the import changes of the live page wins over the draft; the draft keeps the rest.
  const changed = new Set(changedFields(data, live))
  const wins = (field: Field, code: Locale) => changed.has(field.name) && (!field.localized || code === locale)
  const pending = LOCALES.some((code) => {
    const differs = new Set(changedFields(draftIn.get(code)!, liveIn.get(code)!))
    return fields.some((field) => differs.has(field.name) && !wins(field, code))
  })
  const startingFrom = (doc: Doc | null) => {
    if (collection === 'projects') req.context[TRANSLATED_LOCALES_BEFORE] = { id, locales: (doc?.translatedLocales as string[] | undefined) ?? [] }
  }
  const publishing = { ...write, collection, id, locale, data: { ...valuesOf(fields, live, draft), ...data } as never, draft: false }
  try {
    // Nothing pending but what the import says: an ordinary publication, no draft left over it.
    if (!pending) return { doc: await req.payload.update(publishing), draftKept: false }
    startingFrom(live)
    const result = await req.payload.update({ ...publishing, publishSpecificLocale: locale })
    startingFrom(draft)
    const kept = Object.fromEntries(fields.filter((field) => !wins(field, locale)).map((field) => [field.name, draft[field.name] ?? emptyOf(field)]))
    await saveDraft(() => req.payload.update({ ...write, collection, id, locale, data: { ...kept, _status: 'draft' } as never, draft: true }), collection, req)
    // From here each save reads the languages off the draft it starts from, as usual.
    delete req.context[TRANSLATED_LOCALES_BEFORE]
    await restoreOtherLanguages(write, collection, id, locale, fields, draftIn, wins)
    return { doc: result, draftKept: true }
  } finally {
    delete req.context[TRANSLATED_LOCALES_BEFORE]
    req.locale = callerLocale
  }
}

/**
 * The draft's other languages as they were pending. The draft save starts from Payload's latest
 * version, the snapshot it saved of the draft with the publication; a publication and its
 * snapshot written in the same millisecond both stay "latest", and the save may start from the
 * published one instead. Checked, and rewritten where they differ.
 */
const restoreOtherLanguages = async (
  write: ImportWrite,
  collection: Collection,
  id: number | string,
  saved: Locale,
  fields: Field[],
  pending: Map<Locale, Doc>,
  wins: (field: Field, code: Locale) => boolean,
) => {
  const { req } = write
  for (const locale of LOCALES.filter((code) => code !== saved)) {
    const now = (await req.payload.findByID({ collection, id, draft: true, locale, fallbackLocale: false, depth: 0, overrideAccess: true, req })) as unknown as Doc
    const was = pending.get(locale)!
    const lost = fields.filter((field) => field.localized && !wins(field, locale) && !alike(was[field.name], now[field.name]))
    if (!lost.length) continue
    const values = Object.fromEntries(lost.map((field) => [field.name, was[field.name] ?? emptyOf(field)]))
    await saveDraft(() => req.payload.update({ ...write, collection, id, locale, data: { ...values, _status: 'draft' } as never, draft: true }), collection, req)
  }
}

/**
 * The pending draft saved again; a refusal says where it comes from. Drafts are validated, and
 * the import's changes with the draft's own values can disagree (an imported start year after the
 * draft's end year): the page fails (its transaction rolled back) naming the field and the draft.
 */
const saveDraft = async (save: () => Promise<unknown>, collection: Collection, req: PayloadRequest) => {
  try {
    await save()
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    const errors = error.data.errors.map((field) => ({ ...field, message: `${field.message} (in the draft pending review over it, with this import's changes: publish or withdraw that draft first, or import without publishing)` }))
    throw new ValidationError({ collection, errors, req })
  }
}
