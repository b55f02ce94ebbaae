import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import { hasRole } from '../access'
import { relationIds } from '../domain/relations'
import { isPublishedRow } from '../hooks/publishedRow'
import { latestVersion } from './documents'
import { forbidden, invalidField } from './errors'
import { changedFields } from './changes'
import { lastSubmitter } from './history'
import { isReviewState, type ReviewState, SYSTEM_KEYS } from './states'
import { allowedFrom, TRANSITIONS } from './transitions'

/** A transition decided before the write, recorded in the history once the write succeeded. */
export type PendingTransition = {
  from: ReviewState
  to: ReviewState
  note?: string
  override?: boolean
  /** Approved to go live later: the publishing job runs at this time (ISO date). */
  publishAt?: string
}

export const pendingKey = (id: number | string) => `workflow:projects:${id}`

/** Set while the workflow itself writes (publishing approved outcomes): those writes are not re-checked. */
export const WORKFLOW_WRITE = 'workflow:system'

/** Runs the workflow's own writes (publishing what a reviewer approved) past the gates. */
export const asWorkflow = async <T>(req: PayloadRequest, write: () => Promise<T>): Promise<T> => {
  req.context[WORKFLOW_WRITE] = true
  try {
    return await write()
  } finally {
    delete req.context[WORKFLOW_WRITE]
  }
}

/**
 * Set for writes whose content the gate cannot see (bulk edits): they are saved as drafts and
 * the per-document hook reopens each project for review.
 */
export const REOPEN_FOR_REVIEW = 'workflow:reopen'

/** A date as milliseconds, or null when there is none (the same moment may come written two ways). */
const timeOf = (value: unknown): number | null => {
  if (value === undefined || value === null || value === '') return null
  const time = new Date(value as string).getTime()
  return Number.isNaN(time) ? -1 : time
}

const withoutSystemFields = (data: Record<string, unknown> | undefined) => {
  const clean = { ...(data ?? {}) }
  for (const key of SYSTEM_KEYS) delete clean[key]
  return clean
}

/** A publish date in the future, as ISO text; a past or missing one means "now". */
const scheduledTime = (value: unknown): string | undefined => {
  if (typeof value !== 'string' && !(value instanceof Date)) return undefined
  const time = new Date(value)
  return Number.isNaN(time.getTime()) || time.getTime() <= Date.now() ? undefined : time.toISOString()
}

/**
 * The editorial workflow of projects, enforced on every write by a signed-in user (admin, REST,
 * GraphQL, Local API): nothing goes live except by a reviewer's approval of a submitted version.
 *
 * - Every save is a draft: the published page stays as it is until a reviewer approves.
 * - `reviewStatus` moves along TRANSITIONS; requesting changes needs a `reviewNote`.
 * - Approving (or a reviewer's publish, which is the same) publishes the latest draft, and is
 *   refused to anyone who edited that draft, except an admin, whose override is recorded.
 * - Publishing or unpublishing by an editor, or publishing unreviewed changes, is a 403.
 *
 * Writes without a user (seed, importer, scripts with `overrideAccess`) are the system's own.
 */
export const enforceProjectWorkflow: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const user = req.user
  if (!user || req.context[WORKFLOW_WRITE]) return args
  const reviewer = hasRole(user, 'reviewer', 'admin')

  if (operation === 'create') {
    const data = withoutSystemFields(args.data)
    if (data._status === 'published') throw forbidden(req, 'forbiddenPublish')
    const to = data.reviewStatus ?? 'draft'
    if (to !== 'draft' && to !== 'in-review') {
      throw forbidden(req, 'forbiddenTransition', { from: 'draft', to: String(to) })
    }
    return { ...args, draft: true, data: { ...data, _status: 'draft', reviewStatus: to, reviewEditors: [user.id] } }
  }

  if (operation === 'restoreVersion') {
    // Payload restores onto the live document (even "as draft", which unpublishes it), so an old
    // version would go public, or the page offline, without review: admins only.
    if (!hasRole(user, 'admin')) throw forbidden(req, 'forbiddenRestore')
    return args
  }

  if (operation !== 'update') return args
  const data = withoutSystemFields(args.data)

  const id = (args as { id?: number | string }).id
  if (id === undefined || id === null) {
    // Bulk edits: content only, saved as drafts.
    if ('reviewStatus' in data || data._status === 'published' || ('_status' in data && !args.draft)) {
      throw forbidden(req, 'bulkWorkflow')
    }
    req.context[REOPEN_FOR_REVIEW] = true
    return { ...args, draft: true, data: { ...data, _status: 'draft' } }
  }

  const current = await latestVersion(req, 'projects', id)
  if (!current) return args // Payload answers 404
  const from: ReviewState = isReviewState(current.reviewStatus) ? current.reviewStatus : 'draft'
  const publishing = data._status === 'published'
  const contentEdit = changedFields(data, current).length > 0
  const editors = relationIds(current.reviewEditors)
  const edited = (candidates: (number | string)[]) => candidates.some((editor) => String(editor) === String(user.id))
  const withEditor = contentEdit && !edited(editors) ? [...editors, user.id] : editors
  const note = typeof data.reviewNote === 'string' ? data.reviewNote.trim() : undefined

  if (data._status === 'draft' && !args.draft && (await isPublishedRow(req, 'projects', id))) {
    if (!reviewer) throw forbidden(req, 'forbiddenUnpublish')
    req.context[pendingKey(id)] = { from, to: 'draft', note } satisfies PendingTransition
    return { ...args, data: { ...data, reviewStatus: 'draft', reviewEditors: withEditor } }
  }

  if (publishing && !reviewer) throw forbidden(req, 'forbiddenPublish')
  // The publish date is part of an approval: an editor clearing it cancelled a scheduled
  // publication without a trace (the job then found another date and published nothing).
  if (!reviewer && 'publishAt' in data && timeOf(data.publishAt) !== timeOf(current.publishAt)) throw forbidden(req, 'forbiddenSchedule')
  const requested = data.reviewStatus as unknown
  if (requested !== undefined && !isReviewState(requested)) return args // refused, named, by rejectMalformedValues
  // A publish that sends the review state back unchanged (the admin form sends every field) is an approval.
  const to: ReviewState =
    publishing && (requested === undefined || requested === from) ? 'approved' : ((requested as ReviewState | undefined) ?? from)
  if (publishing && to !== 'approved') throw forbidden(req, 'forbiddenPublish')

  if (to === from) {
    if (publishing) {
      // Publishing again what was approved (only reviewers get here): changes would be unreviewed.
      if (contentEdit) throw forbidden(req, 'publishUnreviewed')
      if (current.publishAt) {
        // Published ahead of its publish date: recorded, its waiting outcomes go live with it (as at
        // the date), and the date is cleared so the job finds nothing left to publish.
        req.context[pendingKey(id)] = { from, to } satisfies PendingTransition
        return { ...args, draft: false, data: { ...data, publishAt: null } }
      }
      return { ...args, draft: false }
    }
    const reopened = contentEdit && from === 'approved'
    if (reopened) req.context[pendingKey(id)] = { from, to: 'draft' } satisfies PendingTransition
    return {
      ...args,
      draft: true,
      data: { ...data, _status: 'draft', reviewStatus: reopened ? 'draft' : from, reviewEditors: withEditor },
    }
  }

  const rule = TRANSITIONS[from][to]
  if (!rule) {
    throw invalidField(req, 'projects', 'reviewStatus', 'invalidTransition', { from, to, allowed: allowedFrom(from).join(', ') })
  }
  if (!hasRole(user, ...rule.roles)) {
    const withdrawing = from === 'in-review' && to === 'draft'
    if (!withdrawing) throw forbidden(req, 'forbiddenTransition', { from, to })
    if (String(await lastSubmitter(req, id)) !== String(user.id)) throw forbidden(req, 'forbiddenWithdraw')
  }
  if (rule.note && !note) throw invalidField(req, 'projects', 'reviewNote', 'noteRequired')

  if (to === 'approved') {
    let override = false
    if (edited(withEditor)) {
      if (!hasRole(user, 'admin')) throw forbidden(req, 'fourEyes')
      override = true
    }
    const publishAt = scheduledTime(data.publishAt)
    req.context[pendingKey(id)] = { from, to, note, override, publishAt } satisfies PendingTransition
    if (publishAt) {
      // Approved now, published by the jobs queue at `publishAt`.
      return { ...args, draft: true, data: { ...data, _status: 'draft', reviewStatus: 'approved', publishAt, reviewEditors: [] } }
    }
    return {
      ...args,
      draft: false,
      data: { ...data, _status: 'published', reviewStatus: 'approved', publishAt: null, reviewEditors: [] },
    }
  }

  req.context[pendingKey(id)] = { from, to, note } satisfies PendingTransition
  return { ...args, draft: true, data: { ...data, _status: 'draft', reviewStatus: to, reviewEditors: withEditor } }
}
