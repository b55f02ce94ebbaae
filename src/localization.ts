import type { LocalizationConfig } from 'payload'

import { FALLBACKS, LOCALES } from './domain/locales'

const LOCALE_NAMES = { en: 'English', fr: 'Français', es: 'Español' } as const

/**
 * Content locales en (default), fr and es. Untranslated text falls back: French and Spanish to
 * English first, English to French then Spanish; the remaining language is the last resort, so
 * a page that exists in any language never reads as empty. `translatedLocales` on each project
 * says which languages are real.
 */
export const localization: LocalizationConfig = {
  locales: LOCALES.map((code) => ({ code, label: LOCALE_NAMES[code], fallbackLocale: [...FALLBACKS[code]] })),
  defaultLocale: 'en',
  fallback: true,
}
