import type { Payload, PayloadRequest } from 'payload'
import { commitTransaction, createLocalReq, killTransaction } from 'payload'

import { startTransaction } from '../database'
import { relationIds } from '../domain/relations'
import { hasRole } from '../access'
import { LOCALES, type Locale } from '../domain/locales'
import type { ExportedProject, Localized, ProjectExport } from '../exporter/exportProjects'
import { seedMemberStates } from '../seed'
import { changedFields } from '../workflow/changes'
import { WORKFLOW_WRITE } from '../workflow/enforceProjectWorkflow'
import { forbidden } from '../workflow/errors'
import type { ReviewState } from '../workflow/states'
import { describeError, findExisting, hasPendingDraft, type ImportOptions, liveOutcomeNumbered, memberStateIdsByIso, outcomesOf, type PageResult, recordDraftKept, recordImportMove } from './importPages'
import { publishOverDraft } from './publishOverDraft'
import type { Problem } from './readProject'

const LOCALIZED = ['title', 'summary', 'description', 'partners'] as const

/** A localized export value in one language (an export in one language holds plain values). */
const inLocale = <T>(value: Localized<T>, data: ProjectExport, locale: Locale): T | null | undefined =>
  data.locale === 'all' ? (value as Partial<Record<Locale, T | null>> | null)?.[locale] : data.locale === locale ? (value as T) : undefined

/** The languages a project of the export is written in: those with a title. */
const localesOf = (project: ExportedProject, data: ProjectExport): Locale[] =>
  LOCALES.filter((locale) => Boolean(inLocale(project.title, data, locale)))

const isExport = (value: unknown): value is ProjectExport =>
  Boolean(value && typeof value === 'object' && (value as ProjectExport).format === 'iom-project-pages' && Array.isArray((value as ProjectExport).projects))

const importProject = async (
  payload: Payload,
  data: ProjectExport,
  project: ExportedProject,
  stateIds: Map<string, number | string>,
  options: ImportOptions,
  file: string,
  /** What the record is compared with: the project as last saved, or as published (a live version under a pending draft). */
  against: 'latest' | 'published' = 'latest',
): Promise<PageResult> => {
  const locales = localesOf(project, data)
  const problems: Problem[] = project.memberStates
    .filter((state) => !stateIds.has(state.iso2))
    .map((state) => ({ field: 'memberStates', value: state.iso2, reason: 'not-in-database' as const }))
  const result: PageResult = { file: `${file}#${project.slug}`, status: 'unchanged', locale: locales[0], changes: [], problems }
  if (!locales.length) return { ...result, status: 'failed', error: 'title: missing in every language' }

  const publish = Boolean(options.publish && project.publication === 'published')
  const req = await createLocalReq({ user: options.user ?? undefined }, payload)
  const began = options.dryRun ? false : await startTransaction(req)
  try {
    if (publish && !hasRole(options.user ?? null, 'reviewer', 'admin')) throw forbidden(req, 'forbiddenPublish')
    if (publish) req.context[WORKFLOW_WRITE] = true
    const write = { draft: !publish, req, user: options.user ?? undefined, overrideAccess: !options.user, depth: 0 }
    const status: { _status: 'published' | 'draft'; reviewStatus: ReviewState } = { _status: publish ? 'published' : 'draft', reviewStatus: publish ? 'approved' : 'draft' }
    let reviewRecorded = false
    const shared = {
      slug: project.slug,
      startYear: project.startYear,
      endYear: project.endYear,
      status: project.status,
      projectType: project.projectType,
      budgetUSD: project.budgetUSD,
      coverage: project.coverage,
      fundingYear: project.fundingYear,
      idfRegion: project.idfRegion,
      primaId: project.primaId,
      projectId: project.projectId,
      memberStates: project.memberStates.map((state) => stateIds.get(state.iso2)).filter((id) => id !== undefined),
    }

    const existing = await findExisting(req, project, locales[0]!)
    let id = existing?.id as number | string | undefined
    result.projectId = id
    // Published here with a draft pending over it: compared with, and published from, the live
    // version, the draft kept for its review (see importPage).
    const pendingDraft = publish && (await hasPendingDraft(req, 'projects', existing))
    const compareWith = pendingDraft ? 'published' : against
    // Whether the last publication left the pending draft on top (each language's may).
    let keptDraft = false
    for (const [n, locale] of locales.entries()) {
      // No partners is an empty list: a null leaves the stored ones in place.
      const text = Object.fromEntries(LOCALIZED.map((field) => [field, inLocale(project[field] as Localized<unknown>, data, locale) ?? (field === 'partners' ? [] : null)]))
      const incoming = n === 0 ? { ...shared, ...text } : text
      const current = id === undefined ? null : await payload.findByID({ collection: 'projects', id, draft: compareWith === 'latest', locale, fallbackLocale: false, depth: 0, req, overrideAccess: true })
      // The stored outcomes by their number: as published when the project is compared with its
      // live page (a draft that renumbers or adds outcomes does not shift them), else as last saved.
      const rows = await outcomesOf(req, id, locale)
      const liveRows = compareWith === 'published' ? await outcomesOf(req, id, locale, 'published') : null
      const changes = changedFields(incoming, current as Record<string, unknown> | null).map((field) => (LOCALIZED.includes(field as never) ? `${field} (${locale})` : field))
      // An outcome's text in this locale, and whether the stored one differs (indicators only
      // when the export has them: older exports carried statements alone).
      const outcomeIn = (outcome: (typeof project.outcomes)[number]) => {
        const statement = inLocale(outcome.statement, data, locale)
        const indicators = outcome.indicators === undefined ? undefined : (inLocale(outcome.indicators, data, locale) ?? [])
        const latestRow = rows.find((stored) => stored.order === outcome.order)
        const { row, stored } = liveRows ? liveOutcomeNumbered(outcome.order, rows, liveRows) : { row: latestRow, stored: latestRow }
        const changed = Boolean(statement) && (stored?.statement !== statement || (indicators !== undefined && JSON.stringify(stored?.indicators ?? []) !== JSON.stringify(indicators)))
        return { statement, indicators, changed, row }
      }
      project.outcomes.forEach((outcome, at) => {
        if (outcomeIn(outcome).changed) changes.push(`outcomes[${at}] (${locale})`)
      })
      result.changes.push(...changes)
      if (!changes.length || options.dryRun) continue

      const saved =
        id === undefined
          ? await payload.create({ collection: 'projects', locale, data: { ...incoming, ...status } as never, ...write })
          : pendingDraft
            ? await publishOverDraft(write, { collection: 'projects', id, locale, data: { ...incoming, ...status } }).then(({ doc, draftKept }) => ((keptDraft = draftKept), doc))
            : await payload.update({ collection: 'projects', id, locale, data: { ...incoming, ...status } as never, ...write })
      id = saved.id
      // Once per project, at its first write: the later languages' writes move nothing.
      if (!reviewRecorded) await recordImportMove(req, id, { was: existing?.reviewStatus, to: status.reviewStatus, publishing: publish, options, file })
      reviewRecorded = true
      for (const outcome of project.outcomes) {
        const { statement, indicators, changed, row } = outcomeIn(outcome)
        if (!changed) continue
        const fields = { statement, ...(indicators === undefined ? {} : { indicators }), _status: status._status }
        // Its draft (pending over it, or never published) stays a draft but for this text.
        if (row && publish && row._status === 'draft') await publishOverDraft(write, { collection: 'outcomes', id: row.id, locale, data: fields })
        else if (row) await payload.update({ collection: 'outcomes', id: row.id, locale, data: fields as never, ...write })
        else await payload.create({ collection: 'outcomes', locale, data: { ...fields, project: id, order: outcome.order } as never, ...write })
      }
    }
    if (keptDraft && id !== undefined) await recordDraftKept(req, id, existing?.reviewStatus, file)
    result.status = result.changes.length === 0 ? 'unchanged' : result.projectId === undefined ? 'created' : 'updated'
    result.projectId = id
    if (began) await commitTransaction(req)
    return result
  } catch (error) {
    if (began) await killTransaction(req)
    return { ...result, status: 'failed', error: describeError(error) }
  }
}

/** Links each project to its related projects, by slug, once all of them exist. */
const linkRelatedProjects = async (payload: Payload, records: ExportedProject[], results: PageResult[], options: ImportOptions) => {
  const bySlug = new Map(
    (await payload.find({ collection: 'projects', draft: true, depth: 0, limit: 0, pagination: false, select: { slug: true, relatedProjects: true, _status: true } })).docs.map(
      (doc: any) => [doc.slug, doc],
    ),
  )
  for (const [n, project] of records.entries()) {
    const doc = bySlug.get(project.slug)
    const result = results[n]!
    if (!doc || result.status === 'failed') continue
    const publish = Boolean(options.publish && project.publication === 'published')
    const req = await createLocalReq({ user: options.user ?? undefined }, payload)
    const began = options.dryRun ? false : await startTransaction(req)
    let committed = false
    try {
      // Live here with a draft pending over it, a publication compares with, and writes from, the live page.
      const overDraft = publish && (await hasPendingDraft(req, 'projects', doc))
      const live = overDraft ? await payload.findByID({ collection: 'projects', id: doc.id, depth: 0, overrideAccess: true, req }) : null
      const wanted = project.relatedProjects.map((slug) => bySlug.get(slug)?.id).filter((id) => id !== undefined)
      const current = relationIds((live ?? doc).relatedProjects)
      if (changedFields({ relatedProjects: wanted }, { relatedProjects: current }).length === 0) continue
      result.changes.push('relatedProjects')
      if (result.status === 'unchanged') result.status = 'updated'
      if (options.dryRun) continue
      if (publish) req.context[WORKFLOW_WRITE] = true
      const write = { req, user: options.user ?? undefined, overrideAccess: !options.user, depth: 0 }
      if (live) {
        // In a language the live page has: publishing one it lacks would need its title.
        const locale = ((live.translatedLocales as Locale[] | undefined) ?? [])[0] ?? LOCALES[0]
        await publishOverDraft(write, { collection: 'projects', id: doc.id, locale, data: { relatedProjects: wanted, _status: 'published' } })
      } else {
        await payload.update({ ...write, collection: 'projects', id: doc.id, data: { relatedProjects: wanted, _status: publish ? 'published' : 'draft' } as never, draft: !publish })
      }
      if (began) await commitTransaction(req)
      committed = true
    } catch (error) {
      Object.assign(result, { status: 'failed', error: `relatedProjects: ${describeError(error)}` })
    } finally {
      // Every way out but the commit (nothing to link, a failure) ends the transaction.
      if (began && !committed) await killTransaction(req)
    }
  }
}

/**
 * Imports a JSON export (see src/exporter) into this database: each project in its own
 * transaction, matched like pages by project ID, Prima ID or slug, every language the export
 * holds, outcomes in order, related projects by slug. Into an empty database it first loads the
 * reference list of Member States. Published projects are published again only with `publish`
 * (and a reviewer or admin); otherwise everything lands as drafts for review.
 */
export const importExport = async (payload: Payload, json: unknown, file = 'export.json', options: ImportOptions = {}): Promise<PageResult[]> => {
  if (!isExport(json)) return [{ file, status: 'failed', changes: [], problems: [], error: 'not a project export: no "format": "iom-project-pages"' }]
  if (!options.dryRun && (await payload.count({ collection: 'member-states' })).totalDocs === 0) await seedMemberStates(payload)
  const stateIds = await memberStateIdsByIso(payload)
  // Publishing, a page with a pending draft is imported as the public sees it first; its draft is
  // saved over it once every live page and link exists (a publication takes the latest version
  // whole, so a draft saved before the links were published would go live with them).
  const pending = options.publish && !options.dryRun ? json.projects.filter((project) => project.published) : []
  const records = json.projects.map((project): ExportedProject => (pending.includes(project) ? { ...project, ...project.published!, publication: 'published' } : project))
  const total = records.length + pending.length
  const results: PageResult[] = []
  for (const [n, project] of records.entries()) {
    const live = pending.includes(json.projects[n]!)
    results.push(await importProject(payload, json, project, stateIds, options, file, live ? 'published' : 'latest'))
    options.onPage?.(results.at(-1)!, results.length, total)
  }
  await linkRelatedProjects(payload, records, results, options)

  const drafts = pending.filter((project) => results[json.projects.indexOf(project)]!.status !== 'failed')
  const draftResults: PageResult[] = []
  for (const project of drafts) {
    draftResults.push(await importProject(payload, json, { ...project, published: undefined }, stateIds, options, file))
    options.onPage?.(draftResults.at(-1)!, results.length + draftResults.length, total)
  }
  await linkRelatedProjects(payload, drafts, draftResults, options)
  for (const [n, project] of drafts.entries()) {
    const result = results[json.projects.indexOf(project)]!
    const draft = draftResults[n]!
    result.changes.push(...draft.changes.map((change) => `${change} (draft)`))
    result.problems.push(...draft.problems.filter((problem) => !result.problems.some((known) => known.value === problem.value)))
    if (draft.status === 'failed') Object.assign(result, { status: 'failed', error: `draft: ${draft.error}` })
    else if (result.status === 'unchanged' && draft.status !== 'unchanged') result.status = 'updated'
  }
  return results
}
