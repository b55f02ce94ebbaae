import type { CollectionBeforeChangeHook } from 'payload'

import { relationIds } from '../domain/relations'
import { REOPEN_FOR_REVIEW } from './enforceProjectWorkflow'

/**
 * A bulk edit is a draft that must be reviewed again, like any edit:
 * the project goes back to `draft` and the user joins those who cannot approve it.
 */
export const reopenForReview: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  if (!req.context[REOPEN_FOR_REVIEW] || !req.user) return data
  const editors = relationIds(originalDoc?.reviewEditors)
  const user = req.user.id
  return {
    ...data,
    _status: 'draft',
    reviewStatus: 'draft',
    reviewEditors: editors.some((editor) => String(editor) === String(user)) ? editors : [...editors, user],
  }
}
