import { franc } from 'franc-min'

import type { Locale } from '../domain/locales'

const BY_ISO639_3: Record<string, Locale> = { eng: 'en', fra: 'fr', spa: 'es' }

/**
 * The language a piece of the page's own text is written in, among the CMS's three, or null when
 * the text is too short to tell (franc needs a sentence or so; a two-word title says nothing).
 */
export const languageOfText = (text: string, minLength = 20): Locale | null =>
  BY_ISO639_3[franc(text, { only: Object.keys(BY_ISO639_3), minLength })] ?? null
