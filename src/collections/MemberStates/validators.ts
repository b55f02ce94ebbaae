import type { Validate } from 'payload'

import { isIso2, isIso3, iso3Of } from '../../domain/countries'
import { YEAR_MIN } from '../../domain/identifiers'
import { message } from '../../domain/messages'
import { toCode } from '../../hooks/normalizeCode'

export const validateIso2: Validate<string> = (value, { req }) => {
  const code = toCode(value)
  if (!code) return message(req, 'required', { field: 'ISO 3166-1 alpha-2' })
  return isIso2(code) ? true : message(req, 'iso2', { value: code })
}

/** The alpha-3 code must be real and belong to the same country as the alpha-2 code. */
export const validateIso3: Validate<string, { iso2?: string }> = (value, { data, req }) => {
  const code = toCode(value)
  if (!code) return message(req, 'required', { field: 'ISO 3166-1 alpha-3' })
  if (!isIso3(code)) return message(req, 'iso3', { value: code })
  const iso2 = toCode(data?.iso2)
  const expected = iso2 && isIso2(iso2) ? iso3Of(iso2) : undefined
  return !expected || expected === code ? true : message(req, 'isoMismatch', { iso2: iso2!, expected, value: code })
}

export const validateMemberSince: Validate<number> = (value, { req }) => {
  const thisYear = new Date().getFullYear()
  return value === undefined || value === null || (Number.isInteger(value) && value >= YEAR_MIN && value <= thisYear)
    ? true
    : message(req, 'year', { field: 'Member since', min: YEAR_MIN, max: thisYear })
}
