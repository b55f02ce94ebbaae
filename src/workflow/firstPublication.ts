import type { Field, FieldHook } from 'payload'

import { authenticatedField } from '../access'

/**
 * When the document was first published, kept through every later save: what says it was ever
 * public. Its versions cannot say it: Payload's unpublish rewrites the latest version in place, so
 * a page published once and unpublished had no published version left, and an editor could then
 * delete it (with its history) as if it had never gone out. Computed here, never taken from a caller.
 */
const keepFirstPublication: FieldHook = ({ siblingData, originalDoc }) => {
  const before = (originalDoc as { firstPublishedAt?: string | null } | undefined)?.firstPublishedAt
  if (before) return before
  return siblingData?._status === 'published' ? new Date().toISOString() : null
}

export const firstPublishedAtField: Field = {
  name: 'firstPublishedAt',
  type: 'date',
  label: { en: 'First published', fr: 'Première publication', es: 'Primera publicación' },
  access: { read: authenticatedField },
  admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
  hooks: { beforeChange: [keepFirstPublication] },
}
