import type { CollectionBeforeChangeHook } from 'payload'

import { isLocale, LOCALES } from '../../../domain/locales'

const hasText = (value: unknown) => typeof value === 'string' && value.trim() !== ''

/**
 * Set by a write that does not start from the latest version (a publication of one language from
 * the live page, src/importer/publishOverDraft.ts): which project, and the languages the page it
 * starts from is in (another project saved in the same request keeps its own).
 */
export const TRANSLATED_LOCALES_BEFORE = 'projects:translatedLocalesBefore'

/**
 * Keeps `translatedLocales` true: the locales in which the project has a title. Payload saves one
 * locale at a time, so the locale being saved is recomputed and the others are carried over.
 * Front ends read it to say "not available in English" instead of showing fallback text unmarked.
 */
export const populateTranslatedLocales: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const title = data.title ?? originalDoc?.title
  let locales: string[]
  if (title && typeof title === 'object') {
    locales = LOCALES.filter((code) => hasText((title as Record<string, unknown>)[code]))
  } else {
    const saved = req.locale
    const given = req.context[TRANSLATED_LOCALES_BEFORE] as { id: number | string; locales: string[] } | undefined
    const previous: string[] = (given && String(given.id) === String(originalDoc?.id) ? given.locales : originalDoc?.translatedLocales) ?? []
    locales = previous.filter((code) => code !== saved)
    if (isLocale(saved) && hasText(title)) locales.push(saved)
  }
  return { ...data, translatedLocales: LOCALES.filter((code) => locales.includes(code)) }
}
