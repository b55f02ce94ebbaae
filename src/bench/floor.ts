/**
 * The benchmark's floor: the answers of the public queries (bench/queries.ts) computed by
 * hand-written SQL through the plain driver (libsql for SQLite, pg for PostgreSQL), with the same
 * JSON a front end gets from the API. What the API costs over this is what our stack costs over
 * the database. Served only when BENCH_FLOOR=1 (src/app/bench-floor), never in production.
 */
import { createClient, type Client } from '@libsql/client'
import pg from 'pg'

import { databaseKind, DEFAULT_DATABASE_URL } from '../database'
import { FALLBACKS, isLocale, type Locale, translate } from '../domain/locales'
import { COVERAGES, DEFAULT_PROJECT_TYPES, IDF_REGIONS, PROJECT_STATUSES, type Term } from '../domain/vocabularies'

type Row = Record<string, any>
type Run = (sql: string, params: unknown[]) => Promise<Row[]>

let runner: Run | undefined

/** One connection (SQLite) or pool (PostgreSQL) for the process, opened on first use. */
const run: Run = async (sql, params) => {
  if (!runner) {
    const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
    const kind = databaseKind(url)
    if (kind === 'sqlite') {
      const client: Client = createClient({ url })
      runner = async (text, args) => (await client.execute({ sql: text, args: args as any[] })).rows as unknown as Row[]
    } else if (kind === 'postgres') {
      const pool = new pg.Pool({ connectionString: url, max: 10 })
      runner = async (text, args) => {
        let n = 0
        return (await pool.query(text.replace(/\?/g, () => `$${++n}`), args)).rows
      }
    } else {
      throw new Error('the floor has no MongoDB form yet: compare MongoDB against its API figures only')
    }
  }
  return runner(sql, params)
}

/** A localized column read with the content's fallback order, as Payload reads it. */
const localized = (alias: string, column: string, locale: Locale) =>
  `COALESCE(${[locale, ...FALLBACKS[locale]].map((code) => `${alias}_${code}.${column}`).join(', ')})`
const localeJoins = (table: string, alias: string, parent: string) =>
  (['en', 'fr', 'es'] as const)
    .map((code) => `LEFT JOIN ${table} ${alias}_${code} ON ${alias}_${code}._parent_id = ${parent} AND ${alias}_${code}._locale = '${code}'`)
    .join(' ')

const number = (value: unknown) => (value === null || value === undefined ? null : Number(value))

const CARD_COLUMNS = (locale: Locale) => `p.id, ${localized('l', 'title', locale)} AS title, p.slug, ${localized('l', 'summary', locale)} AS summary,
  p.status, p.project_type, p.idf_region, p.coverage, p.start_year, p.end_year, p.budget_u_s_d`

const card = (row: Row) => ({
  id: Number(row.id),
  title: row.title,
  slug: row.slug,
  summary: row.summary,
  status: row.status,
  projectType: row.project_type,
  idfRegion: row.idf_region,
  coverage: row.coverage,
  startYear: number(row.start_year),
  endYear: number(row.end_year),
  budgetUSD: number(row.budget_u_s_d),
})

/** Member States of the projects, in their order, as the API populates them (name, ISO code, slug). */
const memberStatesOf = async (projectIds: number[], locale: Locale) => {
  if (projectIds.length === 0) return new Map<number, Row[]>()
  const rows = await run(
    `SELECT r.parent_id, m.id, ${localized('ml', 'name', locale)} AS name, m.iso2, m.slug
     FROM projects_rels r JOIN member_states m ON m.id = r.member_states_id ${localeJoins('member_states_locales', 'ml', 'm.id')}
     WHERE r.path = 'memberStates' AND r.parent_id IN (${projectIds.map(() => '?').join(',')})
     ORDER BY r.parent_id, r."order"`,
    projectIds,
  )
  const byProject = new Map<number, Row[]>()
  for (const row of rows) {
    const list = byProject.get(Number(row.parent_id)) ?? []
    list.push({ id: Number(row.id), name: row.name, iso2: row.iso2, slug: row.slug })
    byProject.set(Number(row.parent_id), list)
  }
  return byProject
}

const withMemberStates = async (rows: Row[], locale: Locale) => {
  const states = await memberStatesOf(rows.map((row) => Number(row.id)), locale)
  return rows.map((row) => ({ ...card(row), memberStates: states.get(Number(row.id)) ?? [] }))
}

export const floorList = async ({ idfRegion, status, locale, limit }: { idfRegion: string; status: string; locale: Locale; limit: number }) => {
  const rows = await run(
    `SELECT ${CARD_COLUMNS(locale)} FROM projects p ${localeJoins('projects_locales', 'l', 'p.id')}
     WHERE p._status = 'published' AND p.idf_region = ? AND p.status = ?
     ORDER BY p.end_year DESC, p.created_at DESC LIMIT ?`,
    [idfRegion, status, limit],
  )
  return { docs: await withMemberStates(rows, locale) }
}

/** Payload's `like`: case-insensitive on both databases (SQLite's LIKE is, for ASCII). */
const likeOperator = () => (databaseKind(process.env.DATABASE_URL || DEFAULT_DATABASE_URL) === 'postgres' ? 'ILIKE' : 'LIKE')

/** As the API searches a localized field: in the locale's own text (no fallback), newest first. */
export const floorSearch = async ({ q, locale, limit }: { q: string; locale: Locale; limit: number }) => {
  const like = likeOperator()
  const rows = await run(
    `SELECT ${CARD_COLUMNS(locale)} FROM projects p ${localeJoins('projects_locales', 'l', 'p.id')}
     WHERE p._status = 'published' AND l_${locale}.title ${like} ?
     ORDER BY p.updated_at DESC, p.created_at DESC LIMIT ?`,
    [`%${q}%`, limit],
  )
  return { docs: await withMemberStates(rows, locale) }
}

/**
 * As the read model searches (src/readModel/findCards.ts): the word in the title or summary shown
 * in the locale (with fallback) or in an ID. Needs the projects' locale joins as `l`.
 */
const searchAllCondition = (q: string, locale: Locale) => {
  const like = likeOperator()
  return {
    condition: `(${localized('l', 'title', locale)} ${like} ? OR ${localized('l', 'summary', locale)} ${like} ? OR p.project_id ${like} ? OR p.prima_id ${like} ?)`,
    params: [`%${q}%`, `%${q}%`, `%${q}%`, `%${q}%`],
  }
}

/** The read model's search (searchAllCondition), by end year then slug. */
export const floorSearchAll = async ({ q, locale, limit }: { q: string; locale: Locale; limit: number }) => {
  const search = searchAllCondition(q, locale)
  const rows = await run(
    `SELECT ${CARD_COLUMNS(locale)} FROM projects p ${localeJoins('projects_locales', 'l', 'p.id')}
     WHERE p._status = 'published' AND ${search.condition}
     ORDER BY p.end_year DESC, p.slug LIMIT ?`,
    [...search.params, limit],
  )
  return { docs: await withMemberStates(rows, locale) }
}

export const floorPage = async ({ slug, locale }: { slug: string; locale: Locale }) => {
  const [row] = await run(
    `SELECT p.*, ${localized('l', 'title', locale)} AS title, ${localized('l', 'summary', locale)} AS summary,
       ${localized('l', 'description', locale)} AS description
     FROM projects p ${localeJoins('projects_locales', 'l', 'p.id')}
     WHERE p._status = 'published' AND p.slug = ? LIMIT 1`,
    [slug],
  )
  if (!row) return { docs: [] }
  const id = Number(row.id)
  const [states, outcomes, texts, translated] = await Promise.all([
    memberStatesOf([id], locale),
    run(
      `SELECT o.id, o."order", ${localized('ol', 'statement', locale)} AS statement, o.updated_at, o.created_at
       FROM outcomes o ${localeJoins('outcomes_locales', 'ol', 'o.id')}
       WHERE o.project_id = ? AND o._status = 'published' AND o.project_published ORDER BY o."order"`,
      [id],
    ),
    run(`SELECT path, text, locale FROM projects_texts WHERE parent_id = ? ORDER BY "order"`, [id]),
    run(`SELECT value FROM projects_translated_locales WHERE parent_id = ? ORDER BY "order"`, [id]),
  ])
  const partnersIn = (code: Locale) => texts.filter((text) => text.path === 'partners' && text.locale === code).map((text) => text.text)
  const partners = [locale, ...FALLBACKS[locale]].map(partnersIn).find((list) => list.length > 0) ?? []
  const description = typeof row.description === 'string' ? JSON.parse(row.description) : row.description
  return {
    docs: [
      {
        id,
        slug: row.slug,
        translatedLocales: translated.map((value) => value.value),
        title: row.title,
        summary: row.summary,
        startYear: number(row.start_year),
        endYear: number(row.end_year),
        status: row.status,
        projectType: row.project_type,
        budgetUSD: number(row.budget_u_s_d),
        coverage: row.coverage,
        fundingYear: number(row.funding_year),
        idfRegion: row.idf_region,
        primaId: row.prima_id,
        projectId: row.project_id,
        memberStates: states.get(id) ?? [],
        description,
        outcomes: {
          docs: outcomes.map((outcome) => ({
            id: Number(outcome.id),
            project: id,
            order: number(outcome.order),
            statement: outcome.statement,
            updatedAt: outcome.updated_at,
            createdAt: outcome.created_at,
          })),
          hasNextPage: false,
        },
        partners,
        relatedProjects: [],
        updatedAt: row.updated_at,
        createdAt: row.created_at,
        _status: row._status,
      },
    ],
  }
}

const FACET_COLUMNS = { status: 'status', projectType: 'project_type', idfRegion: 'idf_region', coverage: 'coverage', startYear: 'start_year', endYear: 'end_year' } as const
const CODED: Record<'status' | 'coverage' | 'idfRegion' | 'projectType', readonly Term[]> = {
  status: PROJECT_STATUSES,
  coverage: COVERAGES,
  idfRegion: IDF_REGIONS,
  projectType: DEFAULT_PROJECT_TYPES,
}

/** The published projects of a region and, with `q`, holding the word as the read model's search finds it. */
const facetsFilter = ({ idfRegion, q, locale }: { idfRegion?: string; q?: string; locale: Locale }) => {
  const conditions = [`p._status = 'published'`, ...(idfRegion ? ['p.idf_region = ?'] : [])]
  const params: unknown[] = idfRegion ? [idfRegion] : []
  if (q) {
    const search = searchAllCondition(q, locale)
    conditions.push(search.condition)
    params.push(...search.params)
  }
  return { from: `projects p${q ? ` ${localeJoins('projects_locales', 'l', 'p.id')}` : ''}`, where: conditions.join(' AND '), params }
}

export const floorFacets = async ({ idfRegion, q, locale }: { idfRegion?: string; q?: string; locale: Locale }) => {
  const { from, where: filter, params } = facetsFilter({ idfRegion, q, locale })
  const grouped = await run(
    Object.entries(FACET_COLUMNS)
      .map(([facet, column]) => `SELECT '${facet}' AS facet, CAST(p.${column} AS TEXT) AS value, COUNT(*) AS n FROM ${from} WHERE ${filter} GROUP BY p.${column}`)
      .join(' UNION ALL '),
    Object.keys(FACET_COLUMNS).flatMap(() => params),
  )
  const [total] = await run(`SELECT COUNT(*) AS n FROM ${from} WHERE ${filter}`, params)
  const states = await run(
    `SELECT m.iso2, MIN(${localized('ml', 'name', locale)}) AS name, COUNT(*) AS n
     FROM ${from} JOIN projects_rels r ON r.parent_id = p.id AND r.path = 'memberStates'
     JOIN member_states m ON m.id = r.member_states_id ${localeJoins('member_states_locales', 'ml', 'm.id')}
     WHERE ${filter} GROUP BY m.id, m.iso2`,
    params,
  )
  const counts = (facet: string) => new Map(grouped.filter((row) => row.facet === facet && row.value !== null).map((row) => [String(row.value), Number(row.n)]))
  const coded = (facet: keyof typeof CODED) => {
    const found = counts(facet)
    return CODED[facet].filter((term) => found.has(term.value)).map((term) => ({ value: term.value, label: translate(term.label, locale), count: found.get(term.value)! }))
  }
  const years = (facet: 'startYear' | 'endYear') =>
    [...counts(facet).entries()].map(([value, count]) => ({ value: Number(value), label: String(Number(value)), count })).sort((a, b) => a.value - b.value)
  return {
    totalDocs: Number(total.n),
    facets: {
      status: coded('status'),
      projectType: coded('projectType'),
      idfRegion: coded('idfRegion'),
      coverage: coded('coverage'),
      memberStates: states
        .map((row) => ({ value: row.iso2, label: row.name, count: Number(row.n) }))
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, locale)),
      startYear: years('startYear'),
      endYear: years('endYear'),
    },
  }
}

/** Dispatches `/bench-floor/<query>?…`. */
export const floorAnswer = async (query: string, params: URLSearchParams) => {
  const locale = params.get('locale') ?? 'en'
  if (!isLocale(locale)) return null
  const limit = Math.min(Number(params.get('limit') ?? 10), 100)
  switch (query) {
    case 'list':
      return floorList({ idfRegion: params.get('idfRegion') ?? '', status: params.get('status') ?? '', locale, limit })
    case 'search':
      return floorSearch({ q: params.get('q') ?? '', locale, limit })
    case 'search-all':
      return floorSearchAll({ q: params.get('q') ?? '', locale, limit })
    case 'page':
      return floorPage({ slug: params.get('slug') ?? '', locale })
    case 'facets':
      return floorFacets({ idfRegion: params.get('idfRegion') ?? undefined, q: params.get('q') ?? undefined, locale })
    default:
      return null
  }
}
