import type { Payload, PayloadRequest, Where } from 'payload'

import { sqlSession } from '../database'
import { LOCALES } from '../domain/locales'
import { labelFacets, memberStateNames } from '../site/facets'
import { countCardFacets } from './countCardFacets'
import { type CardFilters, cardsWhere, CODED_FILTERS, type ListFilters, readModelTableQuery } from './findCards'
import { insertRows, readingRequest } from './writeRows'

/**
 * Stored filter panels: the answer of `GET /api/projects/cards/facets` for no filter and for each
 * single filter value, per locale, kept as JSON text in `project-card-facets` by the hooks that
 * keep the cards, in their transaction. Those are the panels a list shows first and most (the
 * whole list, one region, one Member State's projects); counting them when asked reads every
 * matching row (25 ms for all 10,000 projects on SQLite), reading a stored one reads one row.
 * A search, a span of years or two filters at once are counted when asked (src/readModel/cardFacets.ts).
 */
const COLLECTION = 'project-card-facets' as const
/** The filters a panel is stored for one value of. */
const SINGLE = [...CODED_FILTERS, 'memberState'] as const
const ALL = 'all'

/** The key of the stored panel for these filters ("all", "idfRegion:africa", "memberState:KE"), or null when there is none. */
export const storedFilterKey = (filters: ListFilters): string | null => {
  if (filters.q || filters.from || filters.to) return null
  const given = SINGLE.filter((name) => filters[name])
  if (given.length === 0) return ALL
  return given.length === 1 ? `${given[0]}:${filters[given[0]!]}` : null
}

const filtersOfKey = (key: string): ListFilters => {
  if (key === ALL) return {}
  const colon = key.indexOf(':')
  return { [key.slice(0, colon)]: key.slice(colon + 1) }
}

/** The filter columns of a project's row, as `project-cards` stores them. */
export type FilterColumns = {
  project: string
  status?: string | null
  projectType?: string | null
  idfRegion?: string | null
  coverage?: string | null
  memberStates?: string | null
  startYear?: number | null
  endYear?: number | null
}
/** Every column a panel counts by: a change to any of them changes the panels the project is in. */
const COUNTED = [...CODED_FILTERS, 'memberStates', 'startYear', 'endYear'] as const

/** The stored panels a project with these columns is counted in. */
const keysOf = (row: FilterColumns): string[] => [
  ALL,
  ...CODED_FILTERS.filter((column) => row[column]).map((column) => `${column}:${row[column]}`),
  ...(row.memberStates ?? '').split(',').filter(Boolean).map((code) => `memberState:${code}`),
]

/**
 * The panels to store again when these projects' rows went from `before` to `after`: those any of
 * them was or is counted in, for each project whose filter columns changed, or was added or
 * removed. `relabel` (a Member State renamed): every panel the projects are in, for its labels.
 */
export const changedKeys = (before: FilterColumns[], after: FilterColumns[], relabel = false): Set<string> => {
  const was = new Map(before.map((row) => [row.project, row]))
  const is = new Map(after.map((row) => [row.project, row]))
  const value = (row: FilterColumns, column: (typeof COUNTED)[number]) => (row[column] === null || row[column] === undefined ? null : String(row[column]))
  const same = (a?: FilterColumns, b?: FilterColumns) => Boolean(a && b) && COUNTED.every((column) => value(a!, column) === value(b!, column))
  const keys = new Set<string>()
  for (const project of new Set([...was.keys(), ...is.keys()])) {
    if (!relabel && same(was.get(project), is.get(project))) continue
    for (const row of [was.get(project), is.get(project)]) if (row) for (const key of keysOf(row)) keys.add(key)
  }
  return keys
}

/** The columns of a `project-cards` row that panels count by (with its project), for `select`. */
export const FILTER_COLUMNS_SELECT = { project: true, status: true, projectType: true, idfRegion: true, coverage: true, memberStates: true, startYear: true, endYear: true } as const

/** Every project's English row's filter columns (every locale has the same), inside `req`'s transaction. */
const allFilterColumns = async (payload: Payload, req?: PayloadRequest): Promise<FilterColumns[]> => {
  const { docs } = await payload.db.find({ collection: 'project-cards', where: { locale: { equals: 'en' } }, select: FILTER_COLUMNS_SELECT, pagination: false, limit: 0, req })
  return docs as unknown as FilterColumns[]
}

/** The stored panel for these filters as JSON text, or null when none is stored for them. */
export const readStoredFacets = async (payload: Payload, filters: CardFilters): Promise<string | null> => {
  const key = storedFilterKey(filters)
  if (key === null) return null
  const where: Where = { and: [{ filter: { equals: key } }, { locale: { equals: filters.locale } }] }
  if (payload.db.name === 'sqlite' || payload.db.name === 'postgres') {
    const { drizzle, table, built } = readModelTableQuery(payload, where, { slug: COLLECTION })
    const rows: { facets: string }[] = await drizzle.select({ facets: table.facets }).from(table).where(built.where).limit(1)
    return rows[0]?.facets ?? null
  }
  const { docs } = await payload.db.find({ collection: COLLECTION, where, limit: 1, pagination: false, select: { facets: true } })
  return (docs[0] as unknown as { facets: string } | undefined)?.facets ?? null
}

/**
 * Counts and stores again the panels of these keys (`'all'`: every panel, the old ones deleted),
 * inside `req`'s transaction: the counts see the rows it just wrote. A panel with no project is
 * not stored (asked for, it is counted: nothing).
 */
export const storeFacets = async (payload: Payload, keys: Set<string> | 'all', req?: PayloadRequest) => {
  if (keys !== 'all' && keys.size === 0) return
  // Counts see the rows this transaction just wrote: its session on SQL databases, `req` elsewhere.
  const db = payload.db.name === 'sqlite' || payload.db.name === 'postgres' ? await sqlSession(payload, req) : undefined
  const wanted = keys === 'all' ? new Set((await allFilterColumns(payload, req)).flatMap(keysOf)) : keys
  await payload.db.deleteMany({ collection: COLLECTION, where: keys === 'all' ? {} : { filter: { in: [...wanted] } }, req })
  // Names read once per locale for every panel, in the caller's transaction (a rename in it).
  const names = Object.fromEntries(
    await Promise.all(LOCALES.map(async (locale) => [locale, await memberStateNames(payload, locale, 'iso2', await readingRequest(payload, req))] as const)),
  )
  const rows: { filter: string; locale: string; facets: string }[] = []
  for (const key of wanted) {
    const counts = await countCardFacets(payload, cardsWhere({ locale: 'en', ...filtersOfKey(key) }), { db, req })
    if (counts.totalDocs === 0) continue
    for (const locale of LOCALES) rows.push({ filter: key, locale, facets: JSON.stringify(await labelFacets(payload, counts, locale, 'iso2', names[locale])) })
  }
  await insertRows(payload, COLLECTION, rows, req)
}
