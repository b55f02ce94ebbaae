import type { CollectionBeforeChangeHook } from 'payload'

import { relationIds } from '../domain/relations'
import { pendingKey, type PendingTransition, REOPEN_FOR_REVIEW } from './enforceProjectWorkflow'
import { isReviewState } from './states'

/**
 * A bulk edit is a draft that must be reviewed again, like any edit:
 * the project goes back to `draft` (recorded in its history, as a single edit's return to draft
 * is) and the user joins those who cannot approve it.
 */
export const reopenForReview: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  if (!req.context[REOPEN_FOR_REVIEW] || !req.user) return data
  const editors = relationIds(originalDoc?.reviewEditors)
  const user = req.user.id
  const from = originalDoc?.reviewStatus
  if (originalDoc?.id !== undefined && isReviewState(from) && from !== 'draft') {
    req.context[pendingKey(originalDoc.id)] = { from, to: 'draft' } satisfies PendingTransition
  }
  return {
    ...data,
    _status: 'draft',
    reviewStatus: 'draft',
    reviewEditors: editors.some((editor) => String(editor) === String(user)) ? editors : [...editors, user],
  }
}
