import type { Term } from '../domain/vocabularies'
import { fold } from '../domain/fold'

/** A year written anywhere in a value ("2024", "Décembre 2024"). */
export const parseYear = (text: string): number | undefined => {
  const match = text.match(/\b(19[5-9]\d|20\d\d|2100)\b/)
  return match ? Number(match[1]) : undefined
}

/**
 * An amount as the sites write it: "150000.00", "150,000", "1.000.000,00", "USD 1 250 000". The
 * last separator is the decimal one when one or two digits follow it; otherwise all are
 * thousands separators.
 */
export const parseAmount = (text: string): number | undefined => {
  const raw = text.replace(/[^\d.,]/g, '')
  if (!/\d/.test(raw)) return undefined
  const last = Math.max(raw.lastIndexOf('.'), raw.lastIndexOf(','))
  const decimals = last >= 0 ? raw.slice(last + 1) : ''
  const separators = raw.match(/[.,]/g) ?? []
  const decimal = last >= 0 && /^\d{1,2}$/.test(decimals) && (separators.length === 1 || raw[last] !== separators[0])
  const integer = (decimal ? raw.slice(0, last) : raw).replace(/[.,]/g, '')
  const value = Number(decimal ? `${integer}.${decimals}` : integer)
  return Number.isFinite(value) ? value : undefined
}

/** The code of a vocabulary term from its label in any language, or from the code itself. */
export const termOf = (terms: readonly Term[], text: string): string | undefined => {
  const wanted = fold(text)
  return terms.find((term) => fold(term.value) === wanted || Object.values(term.label).some((label) => fold(label) === wanted))?.value
}
