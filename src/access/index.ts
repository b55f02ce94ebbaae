import type { Access, FieldAccess, PayloadRequest } from 'payload'

/** The roles a staff account can hold. The editorial workflow gives each its rights. */
export const ROLES = ['admin', 'editor', 'reviewer'] as const
export type Role = (typeof ROLES)[number]

/**
 * Every role an account can hold: the staff roles, and `reader` for a front end's service account
 * (an API key that reads drafts for previews; not staff: no admin panel, no writes).
 */
export const ACCOUNT_ROLES = [...ROLES, 'reader'] as const
export type AccountRole = (typeof ACCOUNT_ROLES)[number]

type MaybeUser = PayloadRequest['user']

export const hasRole = (user: MaybeUser, ...roles: Role[]): boolean => {
  const held = (user as { roles?: unknown } | null)?.roles
  return Array.isArray(held) && roles.some((role) => held.includes(role))
}

export const anyone: Access = () => true

export const authenticated: Access = ({ req }) => Boolean(req.user)

/** Staff: anyone signed in with a role (editor, reviewer or admin). */
export const staff: Access = ({ req }) => hasRole(req.user, ...ROLES)

export const authenticatedField: FieldAccess = ({ req }) => Boolean(req.user)

export const admins: Access = ({ req }) => hasRole(req.user, 'admin')

export const adminsField: FieldAccess = ({ req }) => hasRole(req.user, 'admin')

/** Staff see drafts; anonymous readers (the public front ends) only what is published. */
export const authenticatedOrPublished: Access = ({ req }) =>
  req.user ? true : { _status: { equals: 'published' } }
