import type { CollectionAfterChangeHook } from 'payload'
import { appendVersionToQueryKey } from 'payload'

import { hasRole } from '../access'
import { relationIds } from '../domain/relations'
import { asWorkflow, pendingKey, type PendingTransition, WORKFLOW_WRITE } from './enforceProjectWorkflow'

/**
 * An editor's change to an outcome of an approved project is an edit of that project: the project
 * goes back to draft for review (recorded, the editor among those who cannot approve it), as an
 * edit of the project itself does. Without it the change waited as a draft and went live,
 * unreviewed, with the project's scheduled publication (which publishes its waiting outcomes).
 */
export const reopenProjectForOutcomeEdit: CollectionAfterChangeHook = async ({ doc, req }) => {
  const user = req.user
  if (!user || req.context[WORKFLOW_WRITE] || hasRole(user, 'reviewer', 'admin')) return doc
  const [projectId] = relationIds(doc.project)
  if (projectId === undefined) return doc
  // The project's latest version, from the adapter: a Local API read with this request would
  // change its locale for the rest of the outcome's save.
  const { docs } = await req.payload.db.queryDrafts({ collection: 'projects', where: appendVersionToQueryKey({ id: { equals: projectId } }), limit: 1, pagination: false, req })
  const project = docs[0] as { reviewStatus?: string; reviewEditors?: unknown } | undefined
  if (project?.reviewStatus !== 'approved') return doc
  const editors = relationIds(project.reviewEditors)
  req.context[pendingKey(projectId)] = { from: 'approved', to: 'draft' } satisfies PendingTransition
  await asWorkflow(req, () =>
    req.payload.update({
      collection: 'projects',
      id: projectId,
      data: { reviewStatus: 'draft', reviewEditors: editors.some((editor) => String(editor) === String(user.id)) ? editors : [...editors, user.id] } as never,
      draft: true,
      depth: 0,
      overrideAccess: true,
      req,
    }),
  )
  return doc
}
