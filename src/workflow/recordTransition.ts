import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import { asWorkflow, pendingKey, type PendingTransition } from './enforceProjectWorkflow'
import { notifyTransition } from './notify'
import { PUBLISH_SCHEDULED } from './publishScheduled'

/**
 * After a successful write, records the review transition it made (who, from, to, the note, an
 * admin override), mails the people concerned and, on approval, publishes the project's outcomes
 * that were waiting as drafts (outcomes go live through their project's review, in the same
 * transaction) or, for an approval with a publish date, queues the publishing job.
 */
export const recordTransition: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  const key = pendingKey(doc.id)
  let pending = req.context[key] as PendingTransition | undefined
  delete req.context[key]
  if (!pending && operation === 'create' && req.user && doc.reviewStatus === 'in-review') {
    pending = { from: 'draft', to: 'in-review' }
  }
  if (!pending) return doc

  await recordReviewEvent(req, doc.id, pending)

  if (pending.to === 'approved' && pending.publishAt) {
    await req.payload.jobs.queue({
      task: PUBLISH_SCHEDULED,
      input: { project: String(doc.id), publishAt: pending.publishAt },
      waitUntil: new Date(pending.publishAt),
      req,
    })
  } else if (pending.to === 'approved') {
    await publishWaitingOutcomes(doc.id, req)
  }
  await notifyTransition(req, doc, pending)
  return doc
}

/** Appends a transition to the project's review history, by the request's user (none: the system). */
export const recordReviewEvent = (req: PayloadRequest, project: number | string, transition: PendingTransition) =>
  req.payload.create({
    collection: 'review-events',
    data: {
      project: project as number,
      kind: 'transition',
      from: transition.from,
      to: transition.to,
      note: transition.note || undefined,
      by: req.user?.id,
      override: transition.override ?? false,
    },
    depth: 0,
    overrideAccess: true,
    req,
  })

/** Publishes the outcomes of a project whose latest version is a draft (they were waiting for its approval). */
export const publishWaitingOutcomes = async (project: number | string, req: PayloadRequest) => {
  const { docs } = await req.payload.find({
    collection: 'outcomes',
    where: { project: { equals: project } },
    draft: true,
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const waiting = docs.filter((outcome) => outcome._status !== 'published')
  if (waiting.length === 0) return
  await asWorkflow(req, async () => {
    for (const outcome of waiting) {
      await req.payload.update({
        collection: 'outcomes',
        id: outcome.id,
        data: { _status: 'published' },
        draft: false,
        overrideAccess: true,
        req,
      })
    }
  })
}
