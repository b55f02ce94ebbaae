import type { Access } from 'payload'

import { hasRole } from '../../../access'

/** Admins manage every account; everyone else sees and edits only their own. */
export const adminOrSelf: Access = ({ req }) => {
  if (!req.user) return false
  if (hasRole(req.user, 'admin')) return true
  return { id: { equals: req.user.id } }
}
