import type { PayloadRequest } from 'payload'

import { translate } from '../domain/locales'
import { relationIds } from '../domain/relations'
import type { PendingTransition } from './enforceProjectWorkflow'
import { lastSubmitter } from './history'
import { REVIEW_STATES } from './states'

type Project = { id: number | string; title?: unknown; projectId?: unknown; createdBy?: unknown }

const titleOf = (project: Project) =>
  [project.projectId, typeof project.title === 'string' ? project.title : undefined].filter(Boolean).join(' ') || `#${project.id}`

/** The person who submitted the project last, else its author: who hears the reviewer's decision. */
const submitterOf = async (req: PayloadRequest, project: Project) =>
  (await lastSubmitter(req, project.id)) ?? relationIds([project.createdBy])[0]

const emailsOf = async (req: PayloadRequest, where: Parameters<PayloadRequest['payload']['find']>[0]['where']) => {
  const { docs } = await req.payload.find({ collection: 'users', where, depth: 0, limit: 0, pagination: false, overrideAccess: true, req })
  return docs.map((user) => user.email).filter((email): email is string => Boolean(email))
}

/**
 * Tells the people concerned about a review step: reviewers when something is submitted, the
 * submitter when a reviewer decides. A mail that cannot be sent is logged; it never undoes the
 * review step itself.
 */
export const notifyTransition = async (req: PayloadRequest, project: Project, transition: PendingTransition) => {
  // An approved project published ahead of its date: the approval was told already.
  if (transition.from === transition.to) return
  const actor = req.user?.id
  const state = (value: string) => translate(REVIEW_STATES.find((s) => s.value === value)!.label, 'en')
  let to: string[] = []
  let subject = ''
  if (transition.to === 'in-review') {
    to = await emailsOf(req, { and: [{ roles: { in: ['reviewer'] } }, ...(actor ? [{ id: { not_equals: actor } }] : [])] })
    subject = `Review requested: ${titleOf(project)}`
  } else if (transition.to === 'approved' || transition.to === 'changes-requested') {
    const submitter = await submitterOf(req, project)
    if (submitter === undefined || String(submitter) === String(actor)) return
    to = await emailsOf(req, { id: { equals: submitter } })
    subject = `${state(transition.to)}: ${titleOf(project)}`
  }
  if (to.length === 0) return
  const by = req.user ? `${(req.user as { name?: string }).name || req.user.email}` : 'the system'
  const text = [
    `${titleOf(project)} moved from “${state(transition.from)}” to “${state(transition.to)}” (by ${by}).`,
    transition.note ? `Note: ${transition.note}` : '',
    transition.publishAt ? `It goes live on ${transition.publishAt}.` : '',
  ]
    .filter(Boolean)
    .join('\n\n')
  try {
    await req.payload.sendEmail({ to, subject, text })
  } catch (error) {
    req.payload.logger.error({ err: error, msg: `Could not send the review email “${subject}”` })
  }
}
