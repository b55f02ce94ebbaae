/** The content locales and admin languages the organisation publishes in. */
export const LOCALES = ['en', 'fr', 'es'] as const
export type Locale = (typeof LOCALES)[number]

/** A text in each of the three languages. */
export type Translations = Record<Locale, string>

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value)

/**
 * Reading a locale with no translation falls back in this order (the organisation's rule:
 * French and Spanish readers get English; English readers get French, then Spanish; the
 * remaining language is the last resort).
 */
export const FALLBACKS: Record<Locale, Locale[]> = {
  en: ['fr', 'es'],
  fr: ['en', 'es'],
  es: ['en', 'fr'],
}

/** Picks a translation, falling back like the content does. */
export const translate = (text: Translations, locale: string | undefined): string => {
  const wanted: Locale = isLocale(locale) ? locale : 'en'
  for (const candidate of [wanted, ...FALLBACKS[wanted]]) {
    if (text[candidate]) return text[candidate]
  }
  return text.en
}
