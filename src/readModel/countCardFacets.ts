import { type SQL, sql } from 'drizzle-orm'
import type { Payload, PayloadRequest, Where } from 'payload'

import { COLUMN_FACETS, type ColumnFacet, emptyFacetCounts, type FacetCounts } from '../site/facetCounts'
import { readModelTableQuery } from './findCards'

/** The columns counted: the coded ones, the years, and the Member States (",KE,UG," as stored). */
const FACETS = [...COLUMN_FACETS, 'memberStates'] as const
type Group = { facet: string; value: unknown; n: unknown }

/**
 * How many of the read model's rows match `where` (a card list's filters in one locale), per
 * value of each facet. When the count must see a transaction's rows: `db`, its session on SQL
 * databases (see sqlSession), and `req`, its request (MongoDB).
 */
export const countCardFacets = async (payload: Payload, where: Where, { db, req }: { db?: any; req?: PayloadRequest } = {}): Promise<FacetCounts> => {
  if (payload.db.name === 'sqlite' || payload.db.name === 'postgres') return countsOf(await countInSql(payload, where, db))
  const select = Object.fromEntries(FACETS.map((name) => [name, true as const]))
  const { docs } = await payload.db.find({ collection: 'project-cards', where, pagination: false, limit: 0, select, req })
  return countsOf((docs as unknown as Record<string, unknown>[]).flatMap((row) => FACETS.map((facet) => ({ facet, value: row[facet], n: 1 }))))
}

/**
 * One statement: the matching rows' seven small columns once (from the index that holds them all,
 * see the ProjectCards collection; a search from the search indexes, migration
 * 20261206_180000_search_indexes), then a GROUP BY per column over them. Grouping in the
 * database matters: handing 2,937 rows of one region through the driver to count them here took
 * 35–50 ms on SQLite; the statement takes about 5 ms (25 ms for all 10,000). The Member States
 * are grouped by their stored list, split here.
 */
const countInSql = async (payload: Payload, where: Where, db?: any): Promise<Group[]> => {
  const { drizzle, statement } = facetCountStatement(payload, where, db)
  const result = await (payload.db as unknown as { execute: (args: { db?: unknown; drizzle: unknown; sql: SQL }) => Promise<{ rows: Group[] }> }).execute({ db: drizzle, drizzle, sql: statement })
  return result.rows
}

/** That statement, for the rows matching `where`. Exported for the tests that read its query plan. */
export const facetCountStatement = (payload: Payload, where: Where, db?: any): { drizzle: unknown; statement: SQL } => {
  const { drizzle, table, built } = readModelTableQuery(payload, where, { db })
  const matching = drizzle.select(Object.fromEntries(FACETS.map((name) => [name, table[name]]))).from(table).where(built.where)
  const column = (name: string) => sql.raw(`"${table[name].name}"`)
  const groups = sql.join(
    FACETS.map((facet) => sql`SELECT ${sql.raw(`'${facet}'`)} AS facet, CAST(${column(facet)} AS TEXT) AS value, COUNT(*) AS n FROM matching GROUP BY ${column(facet)}`),
    sql` UNION ALL `,
  )
  // The builder's SQL without the parentheses it gets as a subquery: SQLite refuses `AS ((…))`.
  return { drizzle, statement: sql`WITH matching AS MATERIALIZED (${matching.getSQL()}) ${groups}` }
}

/** Counts per value of each column, and per Member State code; the total from the Member State lists (every row has one, ",," for none). */
const countsOf = (groups: Group[]): FacetCounts => {
  const counts = emptyFacetCounts()
  const { columns, memberStates } = counts
  const add = (map: Map<string | number, number>, value: string | number, n: number) => map.set(value, (map.get(value) ?? 0) + n)
  for (const { facet, value, n } of groups) {
    const count = Number(n)
    if (facet === 'memberStates') {
      counts.totalDocs += count
      for (const code of String(value ?? '').split(',')) if (code) add(memberStates, code, count)
      continue
    }
    if (value === null || value === undefined || value === '') continue
    // Years come back as text from the CAST (and PostgreSQL hands numeric columns back as text).
    add(columns[facet as ColumnFacet], facet === 'startYear' || facet === 'endYear' ? Number(value) : String(value), count)
  }
  return counts
}
