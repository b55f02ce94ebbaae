import { franc } from 'franc-min'

import type { Locale } from '../domain/locales'

const BY_ISO639_3: Record<string, Locale> = { eng: 'en', fra: 'fr', spa: 'es' }

/**
 * What franc reads of a longer text: its first thousand characters (a paragraph or two, about 150
 * words) tell English, French and Spanish apart, and franc's time grows with the text (0.7 ms
 * for a page's 1,800 characters, 0.4 for the first thousand).
 */
const SAMPLE_LENGTH = 1000

/**
 * The language a piece of the page's own text is written in, among the CMS's three, or null when
 * the text is too short to tell (franc needs a sentence or so; a two-word title says nothing).
 */
export const languageOfText = (text: string, minLength = 20): Locale | null =>
  BY_ISO639_3[franc(text.slice(0, SAMPLE_LENGTH), { only: Object.keys(BY_ISO639_3), minLength })] ?? null
