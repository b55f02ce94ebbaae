import type { CollectionBeforeChangeHook, CollectionSlug, Field } from 'payload'

import { authenticatedField } from '../access'
import { FIELD_LABELS } from '../domain/fieldLabels'

/**
 * `createdBy` and `updatedBy`, read-only in the admin and hidden from anonymous readers. The
 * values a client sends are always overwritten by `populateAuthors`.
 */
export const authorFields = (usersSlug: CollectionSlug): Field[] =>
  (['createdBy', 'updatedBy'] as const).map((name) => ({
    name,
    type: 'relationship',
    relationTo: usersSlug,
    label: FIELD_LABELS[name],
    access: { read: authenticatedField },
    admin: { position: 'sidebar', readOnly: true },
  }))

/**
 * Records who created and who last edited a document. Writes without a user (seed, scripts)
 * keep what was there.
 */
export const populateAuthors: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  const userId = req.user?.id ?? null
  const previous = (value: unknown) =>
    value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value
  return {
    ...data,
    createdBy: operation === 'create' ? userId : (previous(originalDoc?.createdBy) ?? null),
    updatedBy: userId ?? previous(originalDoc?.updatedBy) ?? null,
  }
}
