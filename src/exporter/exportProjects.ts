import { isDeepStrictEqual } from 'node:util'

import type { Payload, PayloadRequest, Where } from 'payload'

import { LOCALES, type Locale, type Translations } from '../domain/locales'
import { lexicalToParagraphs } from '../domain/richText'
import { COVERAGES, configuredProjectTypes, IDF_REGIONS, labelOf, PROJECT_STATUSES, type Term } from '../domain/vocabularies'

/** One language, or every language at once (localized values become `{ en, fr, es }`). */
export type ExportLocale = Locale | 'all'
/** Which projects: those with a published version (as published), those still drafts, or all as last saved. */
export type ExportStatus = 'published' | 'draft' | 'all'

export type ExportOptions = {
  locale?: ExportLocale
  status?: ExportStatus
  /** Whose export this is: without one, the export runs as the system (CLI). */
  req?: PayloadRequest
}

/** A text in one language, or in each (missing translations are null). */
export type Localized<T> = T | Partial<Record<Locale, T | null>>

export type ExportedProject = {
  slug: string
  title: Localized<string | null>
  summary: Localized<string | null>
  /** Lexical rich text, as stored. */
  description: Localized<unknown>
  startYear: number | null
  endYear: number | null
  status: string | null
  statusLabel: Localized<string | null>
  projectType: string | null
  projectTypeLabel: Localized<string | null>
  budgetUSD: number | null
  coverage: string | null
  coverageLabel: Localized<string | null>
  fundingYear: number | null
  idfRegion: string | null
  idfRegionLabel: Localized<string | null>
  primaId: string | null
  projectId: string | null
  memberStates: { iso2: string; name: Localized<string | null> }[]
  partners: Localized<string[]>
  /** By slug, so the export does not depend on database ids. */
  relatedProjects: string[]
  outcomes: { order: number; statement: Localized<string | null>; indicators: Localized<string[]> }[]
  translatedLocales: Locale[]
  /** `published` when the export shows the published version, `draft` for unpublished changes. */
  publication: 'published' | 'draft'
  /**
   * In an export of all projects, the version the public sees when the record is a draft pending
   * over a live page (the page's or one of its outcomes' changes): `import --publish` publishes
   * it, then saves the record over it as a draft, so the page stays online with its draft.
   */
  published?: ExportedVersion
}

/** A project's content without its publication state. */
export type ExportedVersion = Omit<ExportedProject, 'publication' | 'published'>

export type ProjectExport = {
  format: 'iom-project-pages'
  version: 1
  exportedAt: string
  locale: ExportLocale
  status: ExportStatus
  projects: ExportedProject[]
}

const translated = <T>(value: T, locale: ExportLocale, map: (value: T, locale: Locale) => unknown = (v) => v): any =>
  locale === 'all'
    ? Object.fromEntries(LOCALES.map((code) => [code, (map((value as any)?.[code] ?? null, code) ?? null) as unknown]))
    : (map(value, locale) ?? null)

/** The label of a coded value: in the export's language, or in each language. */
const labelled = (terms: readonly Term[], code: unknown, locale: ExportLocale) =>
  locale === 'all' ? (code ? Object.fromEntries(LOCALES.map((l) => [l, labelOf(terms, code, l)])) : null) : labelOf(terms, code, locale)

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: number | string }).id : (value as number | string))

/**
 * Every project (or the published or draft ones) with its coded values and their labels, its
 * Member States as ISO codes and names, its partners and its outcomes in order; in one locale
 * (no fallback: an untranslated field is null) or in all. Read through the Local API with the
 * caller's access when a request is given.
 */
export const exportProjects = async (payload: Payload, options: ExportOptions = {}): Promise<ProjectExport> => {
  const locale = options.locale ?? 'all'
  const status = options.status ?? 'all'
  const projectTypes = configuredProjectTypes(payload.config)
  const access = options.req ? { req: options.req, overrideAccess: false, user: options.req.user } : { overrideAccess: true }
  const read = { locale, fallbackLocale: false as const, depth: 0, limit: 0, pagination: false as const, ...access }

  const where: Where | undefined = status === 'all' ? undefined : { _status: { equals: status } }
  const idsIn = (docs: { id: number | string }[]) => docs.map((doc) => doc.id)
  const { docs: projects } = await payload.find({
    collection: 'projects',
    ...read,
    draft: status !== 'published',
    where,
    sort: 'slug',
    joins: false,
  })
  const ids = idsIn(projects)
  // One after the other: Local API calls sharing a request also share its locale and transaction.
  // The published pages go with their published outcomes and relations only: an outcome's or a
  // project's own row is also where a draft never published lives (read without draft: true,
  // they came along, and `import --publish` would then have published them).
  const publishedOnly = (and: Where[]): Where => ({ and: status === 'published' ? [...and, { _status: { equals: 'published' } }] : and })
  const { docs: outcomes } = await payload.find({ collection: 'outcomes', ...read, draft: status !== 'published', where: publishedOnly([{ project: { in: ids } }]), sort: 'order' })
  const { docs: states } = await payload.find({ collection: 'member-states', ...read, joins: false })
  const { docs: slugs } = await payload.find({ collection: 'projects', ...read, draft: status !== 'published', where: publishedOnly([]), select: { slug: true } })
  // All projects: the live versions of the pages with a pending draft (or whose outcomes have
  // one), and their published outcomes. The main rows are the published versions.
  const pendingIds = status === 'all' ? idsIn(projects.filter((project) => project._status !== 'published')) : []
  const withPendingOutcome = status === 'all' ? outcomes.filter((outcome) => outcome._status !== 'published').map((outcome) => idOf(outcome.project)) : []
  const maybeLive = [...new Set([...pendingIds, ...withPendingOutcome])]
  const { docs: live } = maybeLive.length
    ? await payload.find({ collection: 'projects', ...read, where: { and: [{ id: { in: maybeLive } }, { _status: { equals: 'published' } }] }, joins: false })
    : { docs: [] }
  const { docs: liveOutcomes } = live.length
    ? await payload.find({ collection: 'outcomes', ...read, where: { and: [{ project: { in: idsIn(live) } }, { _status: { equals: 'published' } }] }, sort: 'order' })
    : { docs: [] }
  const stateById = new Map(states.map((state) => [state.id, state]))
  const slugById = new Map(slugs.map((project) => [project.id, project.slug]))

  const versionOf = (project: any, outcomesOfAll: typeof outcomes): ExportedVersion => ({
    slug: project.slug,
    title: translated(project.title, locale),
    summary: translated(project.summary, locale),
    description: translated(project.description, locale),
    startYear: project.startYear ?? null,
    endYear: project.endYear ?? null,
    status: project.status ?? null,
    statusLabel: labelled(PROJECT_STATUSES, project.status, locale),
    projectType: project.projectType ?? null,
    projectTypeLabel: labelled(projectTypes, project.projectType, locale),
    budgetUSD: project.budgetUSD ?? null,
    coverage: project.coverage ?? null,
    coverageLabel: labelled(COVERAGES, project.coverage, locale),
    fundingYear: project.fundingYear ?? null,
    idfRegion: project.idfRegion ?? null,
    idfRegionLabel: labelled(IDF_REGIONS, project.idfRegion, locale),
    primaId: project.primaId ?? null,
    projectId: project.projectId ?? null,
    memberStates: (project.memberStates ?? [])
      .map((ref: unknown) => stateById.get(idOf(ref) as never) as any)
      .filter(Boolean)
      .map((state: any) => ({ iso2: state.iso2, name: translated(state.name, locale) })),
    partners: translated(project.partners, locale, (value) => (value as string[] | null) ?? []),
    relatedProjects: (project.relatedProjects ?? []).map((ref: unknown) => slugById.get(idOf(ref) as never)).filter(Boolean),
    outcomes: outcomesOfAll
      .filter((outcome: any) => idOf(outcome.project) === project.id)
      .map((outcome: any) => ({
        order: outcome.order,
        statement: translated(outcome.statement, locale),
        indicators: translated(outcome.indicators, locale, (value) => (value as string[] | null) ?? []),
      })),
    translatedLocales: project.translatedLocales ?? [],
  })
  const liveById = new Map(live.map((project) => [project.id, versionOf(project, liveOutcomes)]))
  const exported = projects.map((project): ExportedProject => {
    const version = versionOf(project, outcomes)
    const published = liveById.get(project.id)
    if (published && !isDeepStrictEqual(published, version)) return { ...version, publication: 'draft', published }
    return { ...version, publication: project._status === 'published' ? 'published' : 'draft' }
  })
  return { format: 'iom-project-pages', version: 1, exportedAt: new Date().toISOString(), locale, status, projects: exported }
}

/** The text of a localized value in one language (CSV and other flat forms). */
const textIn = (value: unknown, locale: Locale) =>
  value && typeof value === 'object' && !Array.isArray(value) && locale in (value as object) ? (value as Translations)[locale] : value

export const CSV_COLUMNS = [
  'slug',
  'title',
  'summary',
  'description',
  'startYear',
  'endYear',
  'status',
  'statusLabel',
  'projectType',
  'projectTypeLabel',
  'budgetUSD',
  'coverage',
  'coverageLabel',
  'fundingYear',
  'idfRegion',
  'idfRegionLabel',
  'primaId',
  'projectId',
  'memberStates',
  'memberStateNames',
  'partners',
  'relatedProjects',
  'outcomes',
  'translatedLocales',
  'publication',
] as const

/**
 * One row per project in one language, for spreadsheets: lists joined with "; ", the description
 * as plain paragraphs, outcomes numbered in order.
 */
export const toCsvRows = (data: ProjectExport, locale: Locale): Record<(typeof CSV_COLUMNS)[number], string | number | null>[] =>
  data.projects.map((project) => ({
    ...project,
    title: textIn(project.title, locale) as string | null,
    summary: textIn(project.summary, locale) as string | null,
    description: lexicalToParagraphs(textIn(project.description, locale)).join('\n\n'),
    statusLabel: textIn(project.statusLabel, locale) as string | null,
    projectTypeLabel: textIn(project.projectTypeLabel, locale) as string | null,
    coverageLabel: textIn(project.coverageLabel, locale) as string | null,
    idfRegionLabel: textIn(project.idfRegionLabel, locale) as string | null,
    memberStates: project.memberStates.map((state) => state.iso2).join('; '),
    memberStateNames: project.memberStates.map((state) => textIn(state.name, locale)).join('; '),
    partners: ((textIn(project.partners, locale) as string[] | null) ?? []).join('; '),
    relatedProjects: project.relatedProjects.join('; '),
    outcomes: project.outcomes.map((outcome) => `${outcome.order}. ${textIn(outcome.statement, locale) ?? ''}`).join('\n'),
    translatedLocales: project.translatedLocales.join('; '),
  }))
