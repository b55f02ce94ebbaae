import type { PayloadRequest } from 'payload'

import { TRANSLATED_LOCALES_BEFORE } from '../collections/Projects/hooks/populateTranslatedLocales'
import type { Locale } from '../domain/locales'
import { isPublishedRow } from '../hooks/publishedRow'

type Collection = 'projects' | 'outcomes'
type Doc = Record<string, unknown>

/** How the importer writes: its request (transaction), user, access and depth. */
export type ImportWrite = { req: PayloadRequest; user?: PayloadRequest['user']; overrideAccess: boolean; depth: number }

const SYSTEM_FIELDS = new Set(['id', 'createdAt', 'updatedAt', '_status'])

/** A document's own values as a write takes them (no system, virtual or join field); its shared ones only, or with this locale's text too. */
const ownValues = (req: PayloadRequest, collection: Collection, doc: Doc | null | undefined, { withText }: { withText: boolean }): Doc =>
  Object.fromEntries(
    req.payload.collections[collection].config.flattenedFields
      .filter((field) => !SYSTEM_FIELDS.has(field.name) && !('virtual' in field && field.virtual) && field.type !== 'join')
      .filter((field) => withText || !('localized' in field && field.localized))
      .filter((field) => doc?.[field.name] !== undefined)
      .map((field) => [field.name, doc![field.name]]),
  )

/**
 * Publishes what an import says of one language of a document whose latest version is a draft
 * (changes pending review over the live page, or a document never published), without putting
 * that draft live, then saves the draft again on top.
 *
 * Payload's publication starts from the latest version: every field the write does not send, in
 * every language, would go live as the draft has it. Here the publication starts from the live
 * page (its shared fields and this language; Payload's `publishSpecificLocale` keeps the other
 * languages as published), with the import's values over it. The draft is then saved again as it
 * was, but for what the import wrote (`keep`: fields it wrote that stay as the draft had them,
 * such as the review state), a normal draft the admin shows and a reviewer approves as usual.
 */
export const publishOverDraft = async (
  write: ImportWrite,
  { collection, id, locale, data, keep = [] }: { collection: Collection; id: number | string; locale: Locale; data: Doc; keep?: string[] },
) => {
  const { req } = write
  const read = async (draft: boolean) => (await req.payload.findByID({ collection, id, draft, locale, fallbackLocale: false, depth: 0, overrideAccess: true, req })) as unknown as Doc
  const draft = await read(true)
  const live = (await isPublishedRow(req, collection, id)) ? await read(false) : null
  // Never published: nothing live to start from but the document's shared fields (its project, its number).
  const base = live ? ownValues(req, collection, live, { withText: true }) : ownValues(req, collection, draft, { withText: false })
  const startingFrom = (doc: Doc | null) => {
    if (collection === 'projects') req.context[TRANSLATED_LOCALES_BEFORE] = (doc?.translatedLocales as string[] | undefined) ?? []
  }
  try {
    startingFrom(live)
    const published = await req.payload.update({ ...write, collection, id, locale, data: { ...base, ...data } as never, draft: false, publishSpecificLocale: locale })
    startingFrom(draft)
    const written = new Set(Object.keys(data).filter((key) => !keep.includes(key)))
    const pending = Object.fromEntries(Object.entries(ownValues(req, collection, draft, { withText: true })).filter(([key]) => !written.has(key)))
    await req.payload.update({ ...write, collection, id, locale, data: { ...pending, _status: 'draft' } as never, draft: true })
    return published
  } finally {
    delete req.context[TRANSLATED_LOCALES_BEFORE]
  }
}
