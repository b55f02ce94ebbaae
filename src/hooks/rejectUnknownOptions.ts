import type { CollectionBeforeOperationHook, FlattenedField } from 'payload'
import { APIError } from 'payload'

import { isJunction } from './whereJunctions'

const VALUE_OPERATORS = new Set(['equals', 'not_equals', 'in', 'not_in', 'all'])

/** The values each select field of these fields may hold, by field name. */
export const selectOptions = (fields: readonly FlattenedField[]) =>
  new Map(
    fields
      .filter((field) => field.type === 'select')
      .map((field) => [field.name, new Set(((field as { options?: unknown[] }).options ?? []).map((option) => (typeof option === 'object' && option ? (option as { value: string }).value : String(option))))]),
  )

/**
 * A filter on a select field (`status`, `idfRegion`, `_status`…) with a value that is not one of
 * its options is answered with a 400 naming the field and the options. On PostgreSQL such a value
 * reached the database as an enum and failed there with a 500 (`where[status][equals]=finished`);
 * on SQLite it silently matched nothing.
 */
export const rejectUnknownOptions: CollectionBeforeOperationHook = ({ args, collection, operation }) => {
  if (operation !== 'read' && operation !== 'count') return args
  const where = (args as { where?: unknown }).where
  if (!where) return args
  const options = selectOptions(collection.flattenedFields)
  if (options.size === 0) return args

  const check = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(check)
    if (!node || typeof node !== 'object') return
    for (const [key, value] of Object.entries(node)) {
      if (isJunction(key)) {
        check(value)
        continue
      }
      const allowed = options.get(key)
      if (!allowed || !value || typeof value !== 'object') continue
      for (const [operator, operand] of Object.entries(value)) {
        if (!VALUE_OPERATORS.has(operator)) continue
        const values = Array.isArray(operand) ? operand : operator === 'in' || operator === 'not_in' || operator === 'all' ? String(operand ?? '').split(',') : [operand]
        const bad = values.find((item) => item !== null && item !== undefined && !allowed.has(String(item)))
        if (bad !== undefined) {
          throw new APIError(`where.${key}.${operator}: “${String(bad)}” is not one of ${[...allowed].join(', ')}.`, 400, undefined, true)
        }
      }
    }
  }
  check(where)
  return args
}
