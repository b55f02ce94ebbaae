import type { Validate } from 'payload'

import type { Term } from '../../domain/vocabularies'
import { FIELD_LABELS, type FieldName } from '../../domain/fieldLabels'
import {
  BUDGET_MAX,
  isProjectId,
  PRIMA_ID,
  typeCodeOf,
  YEAR_MAX,
  YEAR_MIN,
} from '../../domain/identifiers'
import { translate } from '../../domain/locales'
import { languageOf, message } from '../../domain/messages'
import { relationIds } from '../../domain/relations'
import { toCode } from '../../hooks/normalizeCode'

/**
 * Pure checks of a project's fields. Payload runs them on every write (admin, REST, GraphQL,
 * Local API) and in the admin's form as the user types, so they never touch the database.
 */

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)

const labelIn = (req: Parameters<typeof languageOf>[0], field: FieldName) =>
  translate(FIELD_LABELS[field], languageOf(req))

export const TITLE_MAX = 300
export const SUMMARY_MAX = 600

type ProjectData = {
  title?: unknown
  summary?: unknown
  description?: unknown
  partners?: unknown
  status?: unknown
  projectId?: unknown
  projectType?: unknown
  coverage?: unknown
  startYear?: unknown
  translatedLocales?: string[] | null
}

/**
 * The title is required in the locale being saved. A save that carries no text in a locale
 * without a translation (say, a reviewer changing the budget while the admin shows English on a
 * French-only page) leaves that locale untranslated instead of failing.
 */
export const validateTitle: Validate<string, ProjectData> = (value, { data, operation, req }) => {
  const title = typeof value === 'string' ? value.trim() : ''
  if (title.length > TITLE_MAX) {
    return message(req, 'tooLong', { field: labelIn(req, 'title'), max: TITLE_MAX, length: title.length })
  }
  if (title) return true
  const locale = req?.locale
  const otherLocales = (data?.translatedLocales ?? []).filter((code) => code !== locale)
  const carriesText = !isEmpty(data?.summary) || !isEmpty(data?.description) || !isEmpty(data?.partners)
  if (operation === 'create' || otherLocales.length === 0 || carriesText) {
    return message(req, 'titleRequired', { locale: String(locale ?? 'en') })
  }
  return true
}

export const maxLength =
  (field: FieldName, max: number): Validate<string> =>
  (value, { req }) =>
    typeof value === 'string' && value.length > max
      ? message(req, 'tooLong', { field: labelIn(req, field), max, length: value.length })
      : true

export const validateYear =
  (field: FieldName): Validate<number> =>
  (value, { req }) =>
    isEmpty(value) || (Number.isInteger(value) && value! >= YEAR_MIN && value! <= YEAR_MAX)
      ? true
      : message(req, 'year', { field: labelIn(req, field), min: YEAR_MIN, max: YEAR_MAX })

export const validateEndYear: Validate<number, ProjectData> = (value, options) => {
  const yearCheck = validateYear('endYear')(value, options)
  if (yearCheck !== true) return yearCheck
  const start = options.data?.startYear
  if (typeof value === 'number' && typeof start === 'number' && value < start) {
    return message(options.req, 'endBeforeStart', { end: value, start })
  }
  return true
}

export const validateBudget: Validate<number> = (value, { req }) => {
  if (isEmpty(value)) return true
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > BUDGET_MAX) {
    return message(req, 'budgetRange')
  }
  // Compare in cents with a tolerance: 0.1 + 0.2 must still count as two decimals.
  const cents = value * 100
  return Math.abs(cents - Math.round(cents)) < 1e-6 ? true : message(req, 'budgetDecimals')
}

export const validatePrimaId: Validate<string> = (value, { req }) => {
  const code = toCode(value)
  return !code || PRIMA_ID.test(code) ? true : message(req, 'primaIdFormat')
}

export const validateProjectId: Validate<string, ProjectData> = (value, { data, req }) => {
  const code = toCode(value)
  if (!code) return data?.status === 'pipeline' ? true : message(req, 'projectIdRequired')
  return isProjectId(code) ? true : message(req, 'projectIdFormat')
}

export const validateProjectType =
  (types: readonly Term[]): Validate<string, ProjectData> =>
  (value, { data, req }) => {
    const code = toCode(value)
    if (!code) return true
    if (!types.some((type) => type.value === code)) {
      return message(req, 'projectTypeUnknown', { value: code, codes: types.map((t) => t.value).join(', ') })
    }
    const prefix = typeCodeOf(toCode(data?.projectId))
    if (prefix && prefix !== code) {
      return message(req, 'projectTypeMismatch', { type: code, id: String(toCode(data?.projectId)), prefix })
    }
    return true
  }

/** National coverage names exactly one beneficiary, regional at least two, global any number. */
export const validateBeneficiaries: Validate<unknown[], ProjectData> = (value, { data, req }) => {
  const count = new Set(relationIds(value).map(String)).size
  if (data?.coverage === 'national' && count !== 1) return message(req, 'coverageNational', { count })
  if (data?.coverage === 'regional' && count < 2) return message(req, 'coverageRegional', { count })
  return true
}

export const validateRelatedProjects: Validate<unknown[]> = (value, { id, req }) =>
  id !== undefined && relationIds(value).some((related) => String(related) === String(id))
    ? message(req, 'relatedSelf')
    : true
