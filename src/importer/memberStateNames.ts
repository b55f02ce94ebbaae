import countries from 'i18n-iso-countries'

import { LOCALES } from '../domain/locales'
import { readMemberStates } from '../seed/memberStates'
import { fold } from '../domain/fold'

/** Marks the names of countries that are not Member States. */
const NOT_A_MEMBER = '-'

/** The longest name, in words, worth trying ("Saint Vincent and the Grenadines" has five). */
const MAX_WORDS = 8

/** Spellings seen on the sites that neither the organisation's list nor the ISO package has. */
const SITE_SPELLINGS: Record<string, string> = {
  'Federated States of Micronesia': 'FM',
  Micronesia: 'FM',
  Turkey: 'TR',
  Turquie: 'TR',
  Turquía: 'TR',
  Bolivia: 'BO',
  Bolivie: 'BO',
  Iran: 'IR',
  Venezuela: 'VE',
  'South Korea': 'KR',
  'Czech Republic': 'CZ',
  'Republic of Moldova': 'MD',
  Moldova: 'MD',
  'Ivory Coast': 'CI',
  "Cote d'Ivoire": 'CI',
  Swaziland: 'SZ',
  'Cape Verde': 'CV',
  'Lao PDR': 'LA',
  'Viet Nam': 'VN',
  'United Republic of Tanzania': 'TZ',
  Tanzania: 'TZ',
  'DR Congo': 'CD',
  'Republic of the Congo': 'CG',
}

/**
 * Names of the organisation's States in the three languages, the ISO package's aliases, and the
 * sites' own spellings. Official names are added last so that an alias ("Congo" for the DRC)
 * never takes a name that is another State's own.
 */
const buildIndex = () => {
  const index = new Map<string, string>()
  const states = readMemberStates()
  const known = new Set(states.map((state) => state.iso2))
  // Countries that are not Member States are known too, so that "Equatorial Guinea" is reported
  // as not a Member State rather than read as "Guinea" plus a stray word.
  for (const locale of LOCALES) {
    for (const [iso2, names] of Object.entries(countries.getNames(locale, { select: 'all' }))) {
      if (!known.has(iso2)) for (const name of names) index.set(fold(name), NOT_A_MEMBER)
    }
  }
  for (const state of states) {
    for (const locale of LOCALES) {
      const names = countries.getName(state.iso2, locale, { select: 'all' }) as string[] | undefined
      for (const name of names ?? []) index.set(fold(name), state.iso2)
    }
  }
  for (const [name, iso2] of Object.entries(SITE_SPELLINGS)) if (known.has(iso2)) index.set(fold(name), iso2)
  for (const state of states) for (const name of Object.values(state.name)) index.set(fold(name), state.iso2)
  return index
}

let cached: Map<string, string> | undefined
const nameIndex = () => (cached ??= buildIndex())

export type MatchedStates = { iso2: string[]; unmatched: string[] }

/**
 * Reads the Member States named on one or more lines, several per line separated only by spaces
 * ("Burkina Faso Burundi Cameroon"): at each word the longest known name wins, a name repeated
 * counts once, and words that make no known name are reported, never guessed.
 */
export const matchMemberStates = (text: string): MatchedStates => {
  const index = nameIndex()
  const words = text.split(/[\s,;]+/).filter(Boolean)
  const iso2: string[] = []
  const unmatched: string[] = []
  let pending: string[] = []
  const flush = () => {
    if (pending.length) unmatched.push(pending.join(' '))
    pending = []
  }
  for (let at = 0; at < words.length; ) {
    let found: { code: string; length: number } | undefined
    for (let length = Math.min(MAX_WORDS, words.length - at); length >= 1 && !found; length--) {
      const code = index.get(fold(words.slice(at, at + length).join(' ')))
      if (code) found = { code, length }
    }
    if (found) {
      flush()
      if (found.code === NOT_A_MEMBER) unmatched.push(words.slice(at, at + found.length).join(' '))
      else if (!iso2.includes(found.code)) iso2.push(found.code)
      at += found.length
    } else {
      pending.push(words[at]!)
      at++
    }
  }
  flush()
  return { iso2, unmatched }
}

/** A line that holds nothing but Member State names ("Burkina Faso Burundi"): more of a beneficiaries value. */
export const namesOnly = (line: string): boolean => {
  if (line.trim().length > 300 || /[.!?:]$/.test(line.trim())) return false
  const { iso2, unmatched } = matchMemberStates(line)
  return iso2.length > 0 && unmatched.length === 0
}
