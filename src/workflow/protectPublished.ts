import type { CollectionBeforeDeleteHook } from 'payload'

import { hasRole } from '../access'
import { wasEverPublished } from './documents'
import { forbidden } from './errors'

/** Editors and reviewers delete drafts that never went public; what was ever published, only admins. */
export const protectPublished: CollectionBeforeDeleteHook = async ({ collection, id, req }) => {
  if (!req.user || hasRole(req.user, 'admin')) return
  if (await wasEverPublished(req, collection.slug, id)) throw forbidden(req, 'forbiddenDelete')
}
