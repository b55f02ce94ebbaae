import { dequal } from 'dequal'

import { relationIds } from '../domain/relations'
import { WORKFLOW_KEYS } from './states'

/** Fields that say nothing about the content: the admin form sends them back as they were. */
const NOT_CONTENT = new Set<string>([
  ...WORKFLOW_KEYS,
  'id',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
  'translatedLocales',
  'labels',
  'outcomes',
  'reviewHistory',
  'reviewEditors',
])

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)

/** Relationship values compare by ID whether populated or not, as strings. */
const comparable = (value: unknown): unknown => {
  if (Array.isArray(value) && value.some((item) => item && typeof item === 'object' && 'id' in item)) {
    return relationIds(value).map(String)
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'number' || typeof item === 'string')) {
    return value.map(String)
  }
  return value
}

/**
 * The content fields a write really changes, compared with the current draft. The admin form
 * sends every field on each save, so "sent" is not "edited": a reviewer who publishes from the
 * admin without touching the text has not edited the version they approve.
 */
export const changedFields = (incoming: Record<string, unknown>, current: Record<string, unknown> | null): string[] =>
  Object.keys(incoming).filter((key) => {
    if (NOT_CONTENT.has(key)) return false
    const next = incoming[key]
    const before = current?.[key]
    if (isEmpty(next) && isEmpty(before)) return false
    return !dequal(comparable(next), comparable(before))
  })
