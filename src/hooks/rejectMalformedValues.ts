import type { CollectionBeforeOperationHook, CollectionBeforeValidateHook } from 'payload'
import { APIError, ValidationError } from 'payload'

import { selectOptions } from './rejectUnknownOptions'

/** The first path in `value` holding a string with a NUL character, if any. */
const pathWithNul = (value: unknown, path: string): string | null => {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null
  if (Array.isArray(value)) {
    for (const [n, item] of value.entries()) {
      const found = pathWithNul(item, `${path}.${n}`)
      if (found) return found
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = pathWithNul(item, path ? `${path}.${key}` : key)
      if (found) return found
    }
  }
  return null
}

/** Whether a select field's value is of a kind it can hold (its options are checked by validation). */
const selectShapeOk = (value: unknown, hasMany: boolean) =>
  value === undefined || value === null || (hasMany ? Array.isArray(value) && value.every((item) => typeof item === 'string') : typeof value === 'string')

/**
 * Values no form sends and the database cannot store are refused, naming the field, before
 * anything else looks at them (drafts skip field validation, so this runs for them too): text with
 * a NUL character (U+0000; PostgreSQL refuses it, which was a 500), a choice (select) that is
 * not text (`false` reached PostgreSQL's enum, another 500), and one a hidden select does not offer.
 */
export const rejectMalformedValues: CollectionBeforeValidateHook = ({ collection, data, originalDoc, req }) => {
  const path = pathWithNul(data, '')
  if (path) {
    throw new ValidationError({ collection: collection.slug, errors: [{ path, message: `${path} contains a NUL character (U+0000), which text cannot hold.` }], req })
  }
  const badSelect = collection.flattenedFields.find(
    (field) => field.type === 'select' && data && field.name in data && !selectShapeOk(data[field.name], Boolean(field.hasMany)),
  )
  if (badSelect) {
    throw new ValidationError({ collection: collection.slug, errors: [{ path: badSelect.name, message: `${badSelect.name} must be one of its options, given as text.` }], req })
  }
  // Payload validates no field its admin condition hides (the review state, driven by the review
  // panel): a choice it does not offer would be stored (on PostgreSQL, refused by its enum: a 500).
  // A value already stored (Payload passes it along in `data`) is not the caller's to answer for.
  const hidden = collection.flattenedFields.filter(
    (field) => field.type === 'select' && field.admin?.condition && data && field.name in data && JSON.stringify(data[field.name]) !== JSON.stringify(originalDoc?.[field.name]),
  )
  for (const [name, allowed] of selectOptions(hidden)) {
    const value = data![name]
    const bad = (Array.isArray(value) ? value : [value]).find((item) => item !== null && item !== undefined && !allowed.has(item))
    if (bad !== undefined) {
      throw new ValidationError({ collection: collection.slug, errors: [{ path: name, message: `${name}: “${String(bad)}” is not one of ${[...allowed].join(', ')}.` }], req })
    }
  }
  return data
}

/**
 * A filter with a NUL character in a value is answered with a 400 naming it: on PostgreSQL the
 * query failed with a 500 (`where[slug][equals]=a%00b`), and no stored text holds one.
 */
export const rejectNulInQueries: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'read' && operation !== 'count') return args
  const path = pathWithNul((args as { where?: unknown }).where, 'where')
  if (path) throw new APIError(`${path} contains a NUL character (U+0000), which text cannot hold.`, 400, undefined, true)
  return args
}
