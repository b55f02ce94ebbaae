import { readFile } from 'node:fs/promises'
import path from 'node:path'

import type { Payload, PayloadRequest } from 'payload'
import { appendVersionToQueryKey, commitTransaction, createLocalReq, killTransaction } from 'payload'

import { startTransaction } from '../database'
import type { Locale } from '../domain/locales'
import { paragraphsToLexical } from '../domain/richText'
import { hasRole } from '../access'
import { isPublishedRow } from '../hooks/publishedRow'
import { changedFields } from '../workflow/changes'
import { WORKFLOW_WRITE } from '../workflow/enforceProjectWorkflow'
import { forbidden } from '../workflow/errors'
import { recordReviewEvent } from '../workflow/recordTransition'
import { isReviewState, type ReviewState } from '../workflow/states'
import { htmlToPageText } from './htmlText'
import { parsePage } from './parsePage'
import { publishOverDraft } from './publishOverDraft'
import { importConcurrency } from './concurrency'
import { claimQueue, type KeyHolder, pageClaims, pageKeys, type ProjectKeys, semaphore } from './pageOrder'
import { type ProjectReading, type Problem, readProject } from './readProject'

export type PageResult = {
  file: string
  status: 'created' | 'updated' | 'unchanged' | 'failed'
  locale?: Locale
  projectId?: number | string
  /** Field by field, what the import changes (or, with dryRun, would change). */
  changes: string[]
  problems: Problem[]
  error?: string
}

export type ImportOptions = {
  /** Show what would be created or changed, write nothing. */
  dryRun?: boolean
  /** Publish instead of leaving drafts for review; needs a `user` who may publish. */
  publish?: boolean
  /** Who runs the import (recorded as author); without one it runs as the system. */
  user?: PayloadRequest['user']
  onPage?: (result: PageResult, done: number, total: number) => void
  /** Pages written at once (see importPages); by default importConcurrency's for the database. */
  concurrency?: number
}

type ExistingProject = Record<string, any> | undefined

/**
 * The importer's writes need only the saved document's ID back: without this, every create and
 * update read its document back at depth 2 (the project with its Member States, related projects
 * and outcomes; each outcome with its project).
 */
const writeOnly = { depth: 0 } as const

const KEYS = ['projectId', 'primaId', 'slug'] as const

/**
 * The projects whose latest version, draft or published (where their keys are as last saved),
 * holds one of these keys: at most one a key, each being unique. One query of the adapter, in
 * `req`'s transaction when given.
 */
export const projectsHoldingKeys = async (payload: Payload, keys: ProjectKeys, locale: Locale, req?: PayloadRequest) => {
  const keyed = KEYS.filter((key) => keys[key])
  if (!keyed.length) return []
  const { docs } = await payload.db.queryDrafts({
    collection: 'projects',
    where: appendVersionToQueryKey({ or: keyed.map((key) => ({ [key]: { equals: keys[key] } })) }),
    select: { parent: true, version: { projectId: true, primaId: true, slug: true } },
    limit: keyed.length,
    pagination: false,
    locale,
    req,
  })
  return docs as KeyHolder[]
}

/**
 * The project a page is about: same project ID, else same Prima ID, else same slug (drafts
 * included), unless that project has another project ID or Prima ID than the page. The keys are
 * looked up in one query of the adapter (most pages of a first import match none, and a Local API
 * find ran a whole operation to say so), and only the matching project is read through the Local
 * API.
 */
export const findExisting = async (req: PayloadRequest, keys: ProjectKeys, locale: Locale): Promise<ExistingProject> => {
  const keyed = KEYS.filter((key) => keys[key])
  const candidates = await projectsHoldingKeys(req.payload, keys, locale, req)
  for (const [n, key] of keyed.entries()) {
    const match = candidates.find((doc) => String(doc[key]) === String(keys[key]))
    // Matched by a weaker key but holding another value of a stronger one, it is another project
    // (a new page whose title makes an existing page's slug): updating it would rewrite its IDs.
    const stronger = keyed.slice(0, n)
    if (match && !stronger.some((other) => match[other] && String(match[other]) !== String(keys[other]))) {
      return req.payload.findByID({ collection: 'projects', id: match.id, draft: true, depth: 0, locale, fallbackLocale: false, overrideAccess: true, req })
    }
  }
  return undefined
}

/**
 * The outcomes of a project in order, in one locale without fallback: as last saved (drafts
 * included), or as the public sees them.
 */
export const outcomesOf = async (req: PayloadRequest, projectId: number | string | undefined, locale: Locale, version: 'latest' | 'published' = 'latest') =>
  projectId === undefined
    ? []
    : (
        await req.payload.find({
          collection: 'outcomes',
          where: version === 'latest' ? { project: { equals: projectId } } : { and: [{ project: { equals: projectId } }, { _status: { equals: 'published' } }] },
          draft: version === 'latest',
          sort: 'order',
          locale,
          fallbackLocale: false,
          depth: 0,
          limit: 0,
          pagination: false,
          overrideAccess: true,
          req,
        })
      ).docs

/**
 * Records in a project's history the review state an import moved it to. The review gate records
 * the moves of a signed-in user's draft import itself; the system's import (no user) and a
 * publishing import pass the gate, so theirs are recorded here, noted with the file.
 */
export const recordImportMove = async (
  req: PayloadRequest,
  project: number | string,
  { was, to, publishing, options, file }: { was: unknown; to: ReviewState; publishing: boolean; options: ImportOptions; file: string },
) => {
  const from: ReviewState = isReviewState(was) ? was : 'draft'
  if ((!options.user || publishing) && from !== to) await recordReviewEvent(req, project, { from, to, note: `Imported from ${path.basename(file)}` })
}

type StoredOutcome = Awaited<ReturnType<typeof outcomesOf>>[number]

/**
 * The outcome numbered `order` when a page is compared with its live version: the live one (its
 * row as last saved to write, its live text to compare with), else one that was only ever a draft.
 * A draft that renumbers or adds outcomes does not shift them.
 */
export const liveOutcomeNumbered = (order: number, latest: StoredOutcome[], live: StoredOutcome[]) => {
  const liveRow = live.find((outcome) => outcome.order === order)
  const row = liveRow
    ? (latest.find((outcome) => outcome.id === liveRow.id) ?? liveRow)
    : latest.find((outcome) => outcome.order === order && !live.some((known) => known.id === outcome.id))
  return { row, stored: liveRow }
}

/** Whether a document read as last saved (drafts included) is a draft over a published row. */
export const hasPendingDraft = async (req: PayloadRequest, collection: 'projects' | 'outcomes', latest: { id?: number | string; _status?: unknown } | null | undefined) =>
  latest?._status === 'draft' && (await isPublishedRow(req, collection, latest.id))

/**
 * A publishing import put a page live under a draft pending review and saved that draft again in
 * the review state it had (publishOverDraft): the publication approved the live version, not the
 * pending text, and the history says so.
 */
export const recordDraftKept = async (req: PayloadRequest, project: number | string, was: unknown, file: string) => {
  if (!isReviewState(was) || was === 'approved') return
  await recordReviewEvent(req, project, { from: 'approved', to: was, note: `Imported from ${path.basename(file)}: the draft pending over the page stays in review` })
}

/** A failed write as one line: the fields a ValidationError names, or the error's message. */
export const describeError = (error: unknown) => {
  const data = (error as { data?: { errors?: { path: string; message: string }[] } }).data
  return data?.errors?.map((field) => `${field.path}: ${field.message}`).join('; ') || (error as Error).message
}

/** The Member States' IDs by ISO code (reference data: 183 rows), read in `req`'s transaction when given. */
export const memberStateIdsByIso = async (payload: Payload, req?: PayloadRequest) => {
  const { docs } = await payload.find({
    collection: 'member-states',
    depth: 0,
    limit: 0,
    pagination: false,
    // Only the codes: a State's join of its projects is a subquery over every project's links.
    joins: false,
    select: { iso2: true },
    req,
  })
  return new Map(docs.map((state) => [String(state.iso2), state.id]))
}

type MemberStateIds = (req: PayloadRequest) => Promise<Map<string, number | string>>

/**
 * memberStateIdsByIso once for a whole run, by the first page's request. A State deleted
 * meanwhile fails its pages by the relation check, with the field named.
 */
const memberStateIds = (): MemberStateIds => {
  let read: Promise<Map<string, number | string>> | undefined
  return (req) => (read ??= memberStateIdsByIso(req.payload, req))
}

/** A page read and understood, or why it is no project page. */
const readPage = (file: string, raw: string): ProjectReading | PageResult => {
  const page = parsePage(/\.html?$/i.test(file) ? htmlToPageText(raw) : raw)
  if (!page || !page.title) return { file, status: 'failed', changes: [], problems: [], error: 'not a project page: no metadata block' }
  return readProject(page)
}

/** Writes one page read by readPage, in a transaction of its own. */
const importPage = async (payload: Payload, file: string, reading: ProjectReading, options: ImportOptions, memberStates: MemberStateIds): Promise<PageResult> => {
  const locale: Locale = reading.locale ?? 'en'
  const result: PageResult = { file, status: 'unchanged', locale, changes: [], problems: [...reading.problems] }

  const req = await createLocalReq({ locale, user: options.user ?? undefined }, payload)
  const began = options.dryRun ? false : await startTransaction(req)
  let committed = false
  try {
    const byIso = await memberStates(req)
    for (const iso2 of reading.memberStates.filter((code) => !byIso.has(code))) {
      result.problems.push({ field: 'memberStates', value: iso2, reason: 'not-in-database' })
    }
    const data: Record<string, unknown> = {
      ...reading.project,
      memberStates: reading.memberStates.map((iso2) => byIso.get(iso2)).filter((id) => id !== undefined),
      description: paragraphsToLexical(reading.paragraphs),
    }
    // What the import changes is reviewed like any edit, unless it is published at once.
    const review: { reviewStatus: ReviewState } = { reviewStatus: options.publish ? 'approved' : 'draft' }
    const existing = await findExisting(req, pageKeys(reading), locale)
    // A live page with a draft pending over it (say a translation in review). Publishing, the
    // import is compared with what the public sees, puts this language live from the published
    // version, and leaves the pending draft (with this language's new text) to its review:
    // Payload's plain publication starts from the latest version and would put that draft's
    // unreviewed text live.
    const pendingDraft = Boolean(options.publish) && (await hasPendingDraft(req, 'projects', existing))
    const live = pendingDraft ? await payload.findByID({ collection: 'projects', id: existing!.id, draft: false, locale, fallbackLocale: false, depth: 0, overrideAccess: true, req }) : existing
    result.changes = changedFields(data, (live as Record<string, unknown> | undefined) ?? null)
    const latest = await outcomesOf(req, existing?.id, locale)
    // Over a pending draft, the page's nth outcome is the live one numbered n; otherwise the nth as last saved.
    const liveOutcomes = pendingDraft ? await outcomesOf(req, existing!.id, locale, 'published') : null
    const outcomes = reading.outcomes.map((_, n) => (liveOutcomes ? liveOutcomeNumbered(n + 1, latest, liveOutcomes) : { row: latest[n], stored: latest[n] }))
    // Named by their place on the page (outcomes[2] is the third), not among the changed ones.
    result.changes.push(...reading.outcomes.flatMap((statement, n) => (outcomes[n]!.stored?.statement !== statement ? [`outcomes[${n}]`] : [])))
    result.projectId = existing?.id
    if (existing && result.changes.length === 0) return result
    result.status = existing ? 'updated' : 'created'
    if (options.dryRun) return result

    const status = options.publish ? 'published' : 'draft'
    if (options.publish && !hasRole(options.user ?? null, 'reviewer', 'admin')) throw forbidden(req, 'forbiddenPublish')
    // Publishing existing pages is a migration of what is already public: a reviewer's import
    // goes live without a second reviewer, so its writes bypass the review gate.
    if (options.publish) req.context[WORKFLOW_WRITE] = true
    const write = { draft: !options.publish, locale, req, user: options.user ?? undefined, overrideAccess: !options.user, ...writeOnly }
    const fields = { ...data, ...review, _status: status }
    let keptDraft = false
    const project = !existing
      ? await payload.create({ collection: 'projects', data: fields as any, ...write })
      : pendingDraft
        ? await publishOverDraft(write, { collection: 'projects', id: existing.id, locale, data: fields }).then(({ doc, draftKept }) => ((keptDraft = draftKept), doc))
        : await payload.update({ collection: 'projects', id: existing.id, data: fields as any, ...write })
    result.projectId = project.id
    await recordImportMove(req, project.id, { was: existing?.reviewStatus, to: review.reviewStatus, publishing: Boolean(options.publish), options, file })
    for (const [n, statement] of reading.outcomes.entries()) {
      const { row: current, stored } = outcomes[n]!
      if (stored?.statement === statement) continue
      if (current && options.publish && current._status === 'draft') {
        // Its draft (pending over it, or never published) stays a draft but for this statement.
        await publishOverDraft(write, { collection: 'outcomes', id: current.id, locale, data: { statement, _status: status } })
      } else if (current) {
        await payload.update({ collection: 'outcomes', id: current.id, data: { statement, _status: status }, ...write })
      } else {
        await payload.create({ collection: 'outcomes', data: { project: project.id, order: n + 1, statement, _status: status } as any, ...write })
      }
    }
    if (keptDraft) await recordDraftKept(req, project.id, existing!.reviewStatus, file)
    if (began) await commitTransaction(req)
    committed = true
    return result
  } catch (error) {
    return { ...result, status: 'failed', error: describeError(error) }
  } finally {
    // Every way out but the commit (a failure, an unchanged page) ends the transaction: left
    // open, it would hold SQLite's write lock and stall every later page.
    if (began && !committed) await killTransaction(req)
  }
}

/**
 * Imports project pages saved from the organisation's sites: each page in its own transaction
 * (a page that fails leaves nothing and the run goes on), matched to an existing project by
 * project ID, Prima ID or slug so its other locales are kept, idempotent (a page imported twice
 * changes nothing the second time), as drafts for review unless asked to publish. Results come in
 * the files' order; `onPage` hears of each page as it ends.
 *
 * On PostgreSQL several pages are written at once (src/importer/concurrency.ts), each in its own
 * transaction on its own connection: a page's time there is a third waiting for its statements,
 * which other pages' work then fills. Pages that may touch the same project or slug still run one
 * after the other, in file order (pageClaims): what a page claims is its own keys and those of the
 * projects holding any of them when it is queued. Pages are queued a few slots ahead, so that the
 * languages of one project, next to each other in a folder, leave the slots to other projects.
 */
export const importPages = async (payload: Payload, files: string[], options: ImportOptions = {}): Promise<PageResult[]> => {
  const results: PageResult[] = new Array(files.length)
  let done = 0
  const memberStates = memberStateIds()
  const concurrency = importConcurrency(payload, options.concurrency)
  const inOrder = claimQueue()
  const slots = semaphore(concurrency)
  const queued = new Set<Promise<void>>()
  let stopped: { error: unknown } | undefined
  // Each file is read while the page before it is written (a read waited about a millisecond for
  // the thread pool and the event loop, a twentieth of a page's import).
  const reading = (index: number) => {
    const read = index < files.length ? readFile(files[index]!, 'utf8') : undefined
    read?.catch(() => undefined) // awaited (and its failure reported) when its page's turn comes
    return read
  }
  const failure = (file: string) => (error: Error): PageResult => ({ file, status: 'failed', changes: [], problems: [], error: error.message })
  const finish = (index: number, result: PageResult) => {
    results[index] = result
    options.onPage?.(result, ++done, files.length)
  }
  // One at a time, a page's own keys are all it could share with the one before it, which has ended.
  const claimsOf = async (page: ProjectReading) =>
    pageClaims(page, concurrency > 1 ? await projectsHoldingKeys(payload, pageKeys(page), page.locale ?? 'en') : [])
  let next = reading(0)
  for (const [index, file] of files.entries()) {
    if (stopped) break
    const read = next!
    next = reading(index + 1)
    const claimed = await read
      .then(async (raw) => {
        const page = readPage(file, raw)
        return 'status' in page ? page : { page, claims: await claimsOf(page) }
      })
      .catch(failure(file))
    if ('status' in claimed) {
      finish(index, claimed)
      continue
    }
    const { page, claims } = claimed
    while (queued.size >= concurrency * 4) await Promise.race(queued)
    const writing = inOrder(claims, () => slots.use(() => importPage(payload, file, page, options, memberStates)))
      .catch(failure(file))
      .then((result) => finish(index, result))
      // A failing `onPage` stops the run (as it did one page at a time): no page is queued after it.
      .catch((error: unknown) => void (stopped ??= { error }))
      .finally(() => queued.delete(writing))
    queued.add(writing)
  }
  await Promise.all(queued)
  if (stopped) throw stopped.error
  return results
}
