import type { CollectionBeforeChangeHook } from 'payload'

import { relationIds } from '../domain/relations'
import { BULK_EDIT } from './enforceProjectWorkflow'

/** A bulk edit of an approved project makes a draft that must be reviewed again, like any edit. */
export const reopenAfterBulkEdit: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  if (!req.context[BULK_EDIT] || !req.user) return data
  const editors = relationIds(originalDoc?.reviewEditors)
  const user = req.user.id
  return {
    ...data,
    reviewStatus: originalDoc?.reviewStatus === 'approved' ? 'draft' : data.reviewStatus,
    reviewEditors: editors.some((editor) => String(editor) === String(user)) ? editors : [...editors, user],
  }
}
