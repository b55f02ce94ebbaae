/**
 * The fast path that writes a portfolio into a fresh database: Member States through the Local
 * API (a few hundred, with their hooks), then projects, outcomes and one published version of
 * each straight into the adapter's tables in bulk, in one transaction. Going through the Local
 * API would run every hook and validation per document: about 50 ms each, eight minutes for
 * 10,000 projects with their outcomes. The rows written are those the Local API would write for
 * a published, approved project (checked by test/bench.test.ts, which reads them back through
 * the API).
 */
import type { Payload } from 'payload'

import { optimizeDatabase } from '../src/database'
import { LOCALES, type Locale } from '../src/domain/locales'
import { paragraphsToLexical } from '../src/domain/richText'
import { rebuildProjectCards } from '../src/readModel/cards'
import { seedMemberStates } from '../src/seed'
import type { Portfolio, PortfolioProject } from './portfolio'

export type LoadProgress = (done: number, total: number) => void

type Row = Record<string, unknown>

/** A fixed clock: the same portfolio gives the same rows. */
const timestamp = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString()

const inLanguages = <T>(texts: Partial<Record<Locale, T>>) =>
  LOCALES.filter((locale) => texts[locale] !== undefined).map((locale) => [locale, texts[locale]!] as const)

/** The rows of one project's tables, keyed by the adapter's table names (versions included). */
const projectRows = (project: PortfolioProject, stateIds: Map<string, number | string>, firstOutcomeId: number) => {
  const at = timestamp(project.id)
  const main: Row = {
    id: project.id,
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
    reviewStatus: 'approved',
    createdAt: at,
    updatedAt: at,
    _status: 'published',
    firstPublishedAt: at,
  }
  const languages = inLanguages(project.title).map(([locale]) => locale)
  const locales = languages.map((locale) => ({
    title: project.title[locale],
    summary: project.summary[locale] ?? null,
    description: project.description[locale] ? paragraphsToLexical(project.description[locale]!) : null,
    _locale: locale,
  }))
  const states = project.memberStates.map((iso2, i) => ({ order: i + 1, id: stateIds.get(iso2) }))
  const partners = inLanguages(project.partners).flatMap(([locale, names]) =>
    names.map((text, i) => ({ order: i + 1, text, locale })),
  )
  const outcomes = project.outcomes.map((outcome, i) => ({
    // Its project is published too: public reads show the outcome (see publishedWithProject).
    main: { id: firstOutcomeId + i, project: project.id, order: i + 1, createdAt: at, updatedAt: at, _status: 'published', projectPublished: true, firstPublishedAt: at },
    locales: inLanguages(outcome.statement).map(([locale, statement]) => ({ statement, _locale: locale })),
    indicators: inLanguages(outcome.indicators).flatMap(([locale, texts]) => texts.map((text, n) => ({ order: n + 1, text, locale }))),
  }))
  return { main, languages, locales, states, partners, outcomes, at }
}

/** `version_` before each field of a document, as the versions tables name them. */
const asVersion = (row: Row) =>
  Object.fromEntries(Object.entries(row).filter(([key]) => key !== 'id').map(([key, value]) => [`version_${key}`, value]))

class Batches {
  private pending = new Map<string, Row[]>()
  constructor(private readonly flush: (table: string, rows: Row[]) => Promise<void>, private readonly size = 400) {}
  async add(table: string, ...rows: Row[]) {
    const list = this.pending.get(table) ?? []
    list.push(...rows)
    this.pending.set(table, list)
    if (list.length >= this.size) await this.drain()
  }
  /** Writes everything pending, parents before children (the order the tables were first filled). */
  async drain() {
    for (const [table, rows] of this.pending) {
      if (rows.length === 0) continue
      this.pending.set(table, [])
      await this.flush(table, rows)
    }
  }
}

/** Writes the projects' rows through drizzle, on SQLite or PostgreSQL. */
const loadIntoSql = async (payload: Payload, portfolio: Portfolio, stateIds: Map<string, number | string>, progress?: LoadProgress) => {
  const db = payload.db as unknown as {
    drizzle: { transaction: (work: (tx: any) => Promise<void>) => Promise<void>; execute?: (query: unknown) => Promise<unknown> }
    tables: Record<string, any>
    name: string
  }
  const total = portfolio.projects.length
  await db.drizzle.transaction(async (tx) => {
    // Column counts differ: keep every statement under SQLite's 32,766 bound parameters.
    const batches = new Batches(async (table, rows) => {
      const columns = Object.keys(rows[0]).length
      const chunk = Math.max(1, Math.floor(30_000 / columns))
      for (let i = 0; i < rows.length; i += chunk) await tx.insert(db.tables[table]).values(rows.slice(i, i + chunk))
    })
    let outcomeId = 1
    let versionId = 1
    let outcomeVersionId = 1
    for (const [index, project] of portfolio.projects.entries()) {
      const rows = projectRows(project, stateIds, outcomeId)
      outcomeId += rows.outcomes.length
      const version = { id: versionId++, parent: project.id, ...asVersion(rows.main), createdAt: rows.at, updatedAt: rows.at, latest: true }
      await batches.add('projects', rows.main)
      await batches.add('_projects_v', version)
      await batches.add('projects_locales', ...rows.locales.map((row) => ({ ...row, _parentID: project.id })))
      await batches.add('_projects_v_locales', ...rows.locales.map(({ _locale, ...row }) => ({ ...asVersion(row), _locale, _parentID: version.id })))
      await batches.add('projects_rels', ...rows.states.map(({ order, id }) => ({ order, parent: project.id, path: 'memberStates', 'member-statesID': id })))
      await batches.add('_projects_v_rels', ...rows.states.map(({ order, id }) => ({ order, parent: version.id, path: 'version.memberStates', 'member-statesID': id })))
      await batches.add('projects_texts', ...rows.partners.map((row) => ({ ...row, parent: project.id, path: 'partners' })))
      await batches.add('_projects_v_texts', ...rows.partners.map((row) => ({ ...row, parent: version.id, path: 'version.partners' })))
      await batches.add('projects_translated_locales', ...rows.languages.map((value, i) => ({ order: i + 1, parent: project.id, value })))
      await batches.add('_projects_v_version_translated_locales', ...rows.languages.map((value, i) => ({ order: i + 1, parent: version.id, value })))
      for (const outcome of rows.outcomes) {
        const outcomeVersion = { id: outcomeVersionId++, parent: outcome.main.id, ...asVersion(outcome.main), createdAt: rows.at, updatedAt: rows.at, latest: true }
        await batches.add('outcomes', outcome.main)
        await batches.add('_outcomes_v', outcomeVersion)
        await batches.add('outcomes_locales', ...outcome.locales.map((row) => ({ ...row, _parentID: outcome.main.id })))
        await batches.add('_outcomes_v_locales', ...outcome.locales.map(({ statement, _locale }) => ({ version_statement: statement, _locale, _parentID: outcomeVersion.id })))
        await batches.add('outcomes_texts', ...outcome.indicators.map((row) => ({ ...row, parent: outcome.main.id, path: 'indicators' })))
        await batches.add('_outcomes_v_texts', ...outcome.indicators.map((row) => ({ ...row, parent: outcomeVersion.id, path: 'version.indicators' })))
      }
      if ((index + 1) % 250 === 0 || index + 1 === total) progress?.(index + 1, total)
    }
    await batches.drain()
  })
  if (db.name === 'postgres') {
    // Rows were written with their ids: move each id sequence past them, or the next create collides.
    const { sql } = await import('drizzle-orm')
    for (const table of ['projects', '_projects_v', 'outcomes', '_outcomes_v']) {
      await (db.drizzle as any).execute(
        sql.raw(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), COALESCE((SELECT MAX(id) FROM "${table}"), 1))`),
      )
    }
  }
}

/**
 * MongoDB: the same documents through the adapter's mongoose models (localized fields as
 * { en, fr } objects, relations as ids). Written for parity; not run on these machines, which
 * have no MongoDB server (see docs/performance.md).
 */
const loadIntoMongo = async (payload: Payload, portfolio: Portfolio, stateIds: Map<string, number | string>, progress?: LoadProgress) => {
  const db = payload.db as unknown as {
    collections: Record<string, { insertMany: (docs: Row[]) => Promise<{ _id: unknown }[]> }>
    versions: Record<string, { insertMany: (docs: Row[]) => Promise<unknown> }>
  }
  const total = portfolio.projects.length
  for (let start = 0; start < total; start += 500) {
    const slice = portfolio.projects.slice(start, start + 500)
    const docs = slice.map((project) => {
      const rows = projectRows(project, stateIds, 0)
      const localized = (key: 'title' | 'summary') => Object.fromEntries(rows.locales.map((row) => [row._locale, row[key]]))
      const { id: _id, ...fields } = rows.main
      return {
        createdAt: rows.at,
        updatedAt: rows.at,
        ...fields,
        title: localized('title'),
        summary: localized('summary'),
        description: Object.fromEntries(rows.locales.map((row) => [row._locale, row.description])),
        memberStates: rows.states.map((state) => state.id),
        partners: Object.fromEntries(inLanguages(project.partners)),
        translatedLocales: rows.languages,
      }
    })
    const created = await db.collections.projects.insertMany(docs)
    await db.versions.projects.insertMany(
      created.map((doc, i) => ({ parent: doc._id, version: docs[i], latest: true, createdAt: docs[i].createdAt, updatedAt: docs[i].updatedAt })),
    )
    const outcomes = slice.flatMap((project, i) =>
      project.outcomes.map((outcome, order) => ({
        project: created[i]._id,
        order: order + 1,
        statement: Object.fromEntries(inLanguages(outcome.statement)),
        indicators: Object.fromEntries(inLanguages(outcome.indicators)),
        _status: 'published',
        projectPublished: true,
        firstPublishedAt: docs[i].createdAt,
        createdAt: docs[i].createdAt,
        updatedAt: docs[i].updatedAt,
      })),
    )
    const createdOutcomes = await db.collections.outcomes.insertMany(outcomes)
    await db.versions.outcomes.insertMany(
      createdOutcomes.map((doc, i) => ({ parent: doc._id, version: outcomes[i], latest: true, createdAt: outcomes[i].createdAt, updatedAt: outcomes[i].updatedAt })),
    )
    progress?.(Math.min(start + 500, total), total)
  }
}

export type LoadReport = { memberStates: number; projects: number; outcomes: number; seconds: number }

/**
 * Loads a portfolio into a migrated, empty database: its Member States (those missing), then the
 * projects with their outcomes, all published and approved; then their list cards (src/readModel).
 */
export const loadPortfolio = async (payload: Payload, portfolio: Portfolio, progress?: LoadProgress): Promise<LoadReport> => {
  const started = performance.now()
  const existing = await payload.count({ collection: 'projects' })
  if (existing.totalDocs > 0) throw new Error(`the database already has ${existing.totalDocs} projects: the benchmark loads into an empty one`)
  const memberStates = await seedMemberStates(
    payload,
    portfolio.memberStates.map((state) => ({
      iso2: state.iso2,
      iso3: state.iso3,
      name: { en: state.name.en!, fr: state.name.fr ?? state.name.en!, es: state.name.es ?? state.name.en! },
      membership: 'member',
      idfRegion: state.idfRegion as never,
      idfEligible: null,
    })),
  )
  const { docs } = await payload.find({ collection: 'member-states', limit: 0, pagination: false, depth: 0, select: { iso2: true } })
  const stateIds = new Map(docs.map((doc) => [doc.iso2 as string, doc.id]))
  const missing = portfolio.projects.flatMap((project) => project.memberStates).find((iso2) => !stateIds.has(iso2))
  if (missing) throw new Error(`Member State ${missing} is named by a project but is not in the portfolio's list`)
  if (payload.db.name === 'mongoose') await loadIntoMongo(payload, portfolio, stateIds, progress)
  else await loadIntoSql(payload, portfolio, stateIds, progress)
  // The fast path bypassed the hooks that keep the public list's read model: it is built here,
  // once the planner knows the new rows (without statistics the rebuild's reads take minutes).
  await optimizeDatabase(payload)
  await rebuildProjectCards(payload)
  return {
    memberStates,
    projects: portfolio.projects.length,
    outcomes: portfolio.projects.reduce((sum, project) => sum + project.outcomes.length, 0),
    seconds: (performance.now() - started) / 1000,
  }
}
