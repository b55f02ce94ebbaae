import type { CollectionBeforeOperationHook } from 'payload'

import { hasRole } from '../access'
import { isPublishedRow } from '../hooks/publishedRow'
import { WORKFLOW_WRITE } from './enforceProjectWorkflow'
import { forbidden } from './errors'

/**
 * Outcomes go live through their project's review: an editor's outcome, or change to one, is
 * always a draft, published when a reviewer approves the project. Editors cannot publish or
 * unpublish outcomes themselves; reviewers and admins can. Restoring an old version is for admins.
 */
export const enforceOutcomeWorkflow: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const user = req.user
  if (!user || req.context[WORKFLOW_WRITE]) return args
  // Payload restores onto the live outcome: an old version would go public without review, as for
  // projects, admins only.
  if (operation === 'restoreVersion' && !hasRole(user, 'admin')) throw forbidden(req, 'forbiddenRestore')
  if (hasRole(user, 'reviewer', 'admin')) return args
  if (operation !== 'create' && operation !== 'update') return args
  const data: Record<string, unknown> = { ...((args as { data?: Record<string, unknown> }).data ?? {}) }
  if (data._status === 'published') throw forbidden(req, 'forbiddenPublish')
  const id = (args as { id?: number | string }).id
  if (operation === 'update' && data._status === 'draft' && !args.draft && id !== undefined && (await isPublishedRow(req, 'outcomes', id))) {
    throw forbidden(req, 'forbiddenUnpublish')
  }
  return { ...args, draft: true, data: { ...data, _status: 'draft' } }
}
