import type { CollectionBeforeOperationHook } from 'payload'
import { APIError } from 'payload'

import { isJunction } from './whereJunctions'

const ID_OPERATORS = new Set(['equals', 'not_equals', 'in', 'not_in', 'all'])

/** The largest ID a PostgreSQL `serial` column holds: beyond it the query itself fails. */
const MAX_SERIAL = 2_147_483_647

/** Whether `id` can be an ID where IDs are numbers: digits only, within the column's range. */
export const couldBeNumericId = (id: unknown) => /^\d+$/.test(String(id).trim()) && Number(id) <= MAX_SERIAL

/**
 * A filter on an ID (the document's own, or a relationship's) whose value cannot be an ID in this
 * database ("abc" where IDs are numbers), with any operator but `exists`, is answered with a 400
 * naming the field, instead of reaching the SQL driver and failing there with a 500.
 */
export const rejectMalformedIds: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation !== 'read' && operation !== 'count') return args
  const where = (args as { where?: unknown }).where
  if (!where || req.payload.db.defaultIDType !== 'number') return args
  const idFields = new Set(['id', ...collection.flattenedFields.filter((field) => field.type === 'relationship' || field.type === 'upload').map((field) => field.name)])

  const check = (node: unknown, path: string) => {
    if (Array.isArray(node)) return node.forEach((item, n) => check(item, `${path}.${n}`))
    if (!node || typeof node !== 'object') return
    for (const [key, value] of Object.entries(node)) {
      if (isJunction(key)) {
        check(value, `${path}.${key}`)
      } else if (idFields.has(key.split('.')[0]!) && !key.includes('.') && value && typeof value === 'object') {
        for (const [operator, operand] of Object.entries(value)) {
          // `exists` takes a yes or no; every other operator compares with the ID column, which
          // the SQL adapters feed with Number(value): NaN for "abc", and the driver fails.
          if (operator === 'exists') continue
          const values = Array.isArray(operand) ? operand : ID_OPERATORS.has(operator) ? String(operand ?? '').split(',') : [operand]
          const bad = values.find((item) => item !== null && item !== '' && !couldBeNumericId(item))
          if (bad !== undefined) throw new APIError(`where.${key}.${operator}: “${String(bad)}” is not an ID.`, 400, undefined, true)
        }
      }
    }
  }
  check(where, 'where')
  return args
}
