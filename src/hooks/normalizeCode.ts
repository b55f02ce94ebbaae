import type { FieldHook } from 'payload'

/** Trims and upper-cases an identifier; an empty one becomes null so optional unique fields stay free. */
export const toCode = (value: unknown): string | null | undefined => {
  if (value === undefined || value === null) return value
  const code = String(value).trim().toUpperCase()
  return code === '' ? null : code
}

/** Field hook: identifiers such as Prima IDs and ISO codes are stored trimmed and upper-case. */
export const normalizeCode: FieldHook = ({ value }) => toCode(value)
