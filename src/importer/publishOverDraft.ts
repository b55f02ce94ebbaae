import { dequal } from 'dequal'
import type { PayloadRequest } from 'payload'

import { TRANSLATED_LOCALES_BEFORE } from '../collections/Projects/hooks/populateTranslatedLocales'
import { LOCALES, type Locale } from '../domain/locales'
import { isPublishedRow } from '../hooks/publishedRow'
import { changedFields } from '../workflow/changes'

type Collection = 'projects' | 'outcomes'
type Doc = Record<string, unknown>

/** How the importer writes: its request (transaction), user, access and depth. */
export type ImportWrite = { req: PayloadRequest; user?: PayloadRequest['user']; overrideAccess: boolean; depth: number }

/** Fields a write does not set: Payload's, and those the hooks compute whatever the caller sends. */
const NOT_WRITTEN = new Set(['id', 'createdAt', 'updatedAt', '_status', 'createdBy', 'updatedBy', 'firstPublishedAt', 'projectPublished', 'translatedLocales'])

/** The fields a write sets (no virtual, join or computed field), with whether each is localized. */
const writableFields = (req: PayloadRequest, collection: Collection) =>
  req.payload.collections[collection].config.flattenedFields
    .filter((field) => !NOT_WRITTEN.has(field.name) && !('virtual' in field && field.virtual) && field.type !== 'join')
    .map((field) => ({ name: field.name, localized: Boolean('localized' in field && field.localized) }))

/**
 * Every writable field with the document's value, `null` where it has none: a field left out of
 * a write is filled by Payload from the latest version, the draft. Without a document, the shared
 * fields of `fallback` (a never-published document's project and number) and no text.
 */
const valuesOf = (req: PayloadRequest, collection: Collection, doc: Doc | null, fallback: Doc) =>
  Object.fromEntries(writableFields(req, collection).map(({ name, localized }) => [name, (doc ? doc[name] : localized ? null : fallback[name]) ?? null]))

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
 * as a normal draft the admin shows and a reviewer approves as usual.
 */
export const publishOverDraft = async (write: ImportWrite, { collection, id, locale, data }: { collection: Collection; id: number | string; locale: Locale; data: Doc }) => {
  const { req } = write
  const read = async (draft: boolean, inLocale: Locale | 'all') =>
    (await req.payload.findByID({ collection, id, draft, locale: inLocale, fallbackLocale: false, depth: 0, overrideAccess: true, req })) as unknown as Doc
  const draft = await read(true, locale)
  const pendingEverywhere = await read(true, 'all')
  const live = (await isPublishedRow(req, collection, id)) ? await read(false, locale) : null
  const startingFrom = (doc: Doc | null) => {
    if (collection === 'projects') req.context[TRANSLATED_LOCALES_BEFORE] = { id, locales: (doc?.translatedLocales as string[] | undefined) ?? [] }
  }
  try {
    startingFrom(live)
    const published = await req.payload.update({ ...write, collection, id, locale, data: { ...valuesOf(req, collection, live, draft), ...data } as never, draft: false, publishSpecificLocale: locale })
    // The draft again, but for what the import changed of the live page.
    const changed = new Set(changedFields(data, live))
    const pending = Object.fromEntries(Object.entries(valuesOf(req, collection, draft, draft)).filter(([name]) => !changed.has(name)))
    const nowLive = await read(false, 'all')
    const nothingPending = writableFields(req, collection).every(({ name }) => changed.has(name) || dequal(pendingEverywhere[name] ?? null, nowLive[name] ?? null))
    if (nothingPending) return published
    startingFrom(draft)
    await req.payload.update({ ...write, collection, id, locale, data: { ...pending, _status: 'draft' } as never, draft: true })
    await restoreOtherLanguages(write, collection, id, locale, pendingEverywhere)
    return published
  } finally {
    delete req.context[TRANSLATED_LOCALES_BEFORE]
  }
}

/**
 * The draft's other languages as they were pending. The draft save starts from Payload's latest
 * version, the snapshot it saved of the draft with the publication; a publication and its
 * snapshot written in the same millisecond both stay "latest", and the save may start from the
 * published one instead. Checked, and rewritten where they differ.
 */
const restoreOtherLanguages = async (write: ImportWrite, collection: Collection, id: number | string, saved: Locale, pending: Doc) => {
  const { req } = write
  const localized = writableFields(req, collection).filter((field) => field.localized)
  for (const locale of LOCALES.filter((code) => code !== saved)) {
    const now = (await req.payload.findByID({ collection, id, draft: true, locale, fallbackLocale: false, depth: 0, overrideAccess: true, req })) as unknown as Doc
    const lost = localized.filter(({ name }) => !dequal((pending[name] as Record<string, unknown> | null)?.[locale] ?? null, now[name] ?? null))
    if (!lost.length) continue
    const values = Object.fromEntries(lost.map(({ name }) => [name, (pending[name] as Record<string, unknown> | null)?.[locale] ?? null]))
    await req.payload.update({ ...write, collection, id, locale, data: { ...values, _status: 'draft' } as never, draft: true })
  }
}
