import type { Payload } from 'payload'
import { stringify } from 'qs-esm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { optimizeDatabase, reloadSqliteStatistics } from '../src/database'
import { facetCountStatement } from '../src/readModel/countCardFacets'
import { type CardQuery, cardsPageStatement, cardsWhere } from '../src/readModel/findCards'
import { createApi, startApp } from './helpers/api'
import { seedStates, validProject } from './helpers/fixtures'
import { withIndexPlans } from './helpers/postgresPlans'

/**
 * Searches of the read model: `q` on the cards (the site's search box) and on their filter panel,
 * and the generic title search answered from the stored pages. A common word is found within a
 * few rows of the list's order; a rare one (a country's name, a typo) used to read every row of
 * the locale, stored pages and all (at 10,000 projects 33–57 ms of PostgreSQL a request, 16 ms of
 * SQLite's event loop). Migration 20261206_180000_search_indexes gives them indexes; these tests
 * check the answers and that the planner, with a real portfolio's statistics, reads those indexes.
 */
let payload: Payload
let api: ReturnType<typeof createApi>
const onPostgres = process.env.TEST_DATABASE === 'postgres'
const published = { _status: 'published', reviewStatus: 'approved' }

beforeAll(async () => {
  ;({ payload, api } = await startApp())
  const { LS, TV } = await seedStates(payload, ['LS', 'TV'])
  await payload.create({ collection: 'projects', data: validProject(TV!, { title: 'Coastal resilience in Tuvalu', ...published }) as any })
  await payload.create({ collection: 'projects', data: validProject(LS!, { title: 'Labour migration in Lesotho', summary: 'Seasonal workers from Maseru and Funafuti.', ...published }) as any })
  await payload.create({ collection: 'projects', data: validProject(LS!, { title: 'Border management in Lesotho', ...published }) as any })
  await payload.create({ collection: 'projects', draft: true, data: validProject(TV!, { title: 'Tuvalu draft not yet public' }) as any })
})
afterAll(async () => {
  await payload?.destroy()
})

const titles = (docs: { title: string }[]) => docs.map((doc) => doc.title).sort()
const cards = async (query: Record<string, unknown>) => {
  const { status, body } = await api.rest('GET', `/projects/cards?${stringify({ locale: 'en', ...query })}`)
  expect(status).toBe(200)
  return titles(body.docs)
}

describe('a search of the read model', () => {
  it('finds a rare word in a title or a summary, in any case, and nothing for a word no page holds', async () => {
    expect(await cards({ q: 'TUVALU' })).toEqual(['Coastal resilience in Tuvalu'])
    expect(await cards({ q: 'funafuti' })).toEqual(['Labour migration in Lesotho'])
    expect(await cards({ q: 'lesotho' })).toEqual(['Border management in Lesotho', 'Labour migration in Lesotho'])
    expect(await cards({ q: 'zzqx' })).toEqual([])
    expect(await cards({ q: 'tuvalu', idfRegion: 'europe' })).toEqual([])
  })

  it('counts the filter panel of a search over its matches only', async () => {
    const panel = async (q: string) => (await api.rest('GET', `/projects/cards/facets?${stringify({ locale: 'en', q })}`)).body
    expect((await panel('tuvalu')).totalDocs).toBe(1)
    expect((await panel('lesotho')).totalDocs).toBe(2)
    expect((await panel('zzqx')).totalDocs).toBe(0)
  })

  it('answers the generic title search for a rare word from the stored pages', async () => {
    const { body } = await api.rest('GET', `/projects?${stringify({ where: { title: { like: 'tuvalu' } }, locale: 'en', limit: 10 })}`)
    expect(titles(body.docs)).toEqual(['Coastal resilience in Tuvalu'])
  })
})

/** The statements a search runs: the cards' page, its filter panel, and the list without a search. */
const cardsSearch: CardQuery = { locale: 'fr', q: 'tuvalu', sort: '-endYear', limit: 10, page: 1 }
const regionList: CardQuery = { locale: 'fr', idfRegion: 'africa', status: 'completed', sort: '-endYear', limit: 10, page: 1 }

describe.runIf(!onPostgres)('on SQLite, with the statistics of a 10,000-project portfolio', () => {
  type Client = { execute: (statement: string | { sql: string; args: unknown[] }) => Promise<{ rows: Record<string, unknown>[] }> }
  const client = () => (payload.db as unknown as { client: Client }).client
  const dialect = () => (payload.db as unknown as { drizzle: { dialect: { sqlToQuery: (sql: unknown) => { sql: string; params: unknown[] } } } }).drizzle.dialect
  const plan = async ({ sql, params }: { sql: string; params: unknown[] }) =>
    (await client().execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args: params })).rows.map((row) => String(row.detail)).join('\n')

  beforeAll(async () => {
    // `ANALYZE` of the real portfolio (the bench's 10,000 projects in three locales), as SQLite
    // recorded it: the planner then chooses as it does at that size, not as for a handful of rows.
    await optimizeDatabase(payload)
    await client().execute("DELETE FROM sqlite_stat1 WHERE tbl = 'project_cards'")
    const stats: Record<string, string> = {
      project_cards_search_facets_idx: '30000 10000 1 1 1 1 1 1 1 1',
      project_cards_search_order_idx: '30000 10000 313 1 1',
      locale_projectUpdatedAt_projectCreatedAt_ownTitle_idx: '30000 10000 1 1 1',
      locale_endYear_projectCreatedAt_idx: '30000 10000 313 1',
      locale_status_endYear_projectCreatedAt_idx: '30000 10000 3334 105 1',
      locale_idfRegion_status_endYear_projectCreatedAt_idx: '30000 10000 1667 556 18 1',
      compound_index_idx: '30000 10000 1667 556 18 3 2 2 1',
      slug_locale_idx: '30000 3 1',
      project_locale_idx: '30000 3 1',
      project_cards_project_idx: '30000 3',
    }
    for (const [idx, stat] of Object.entries(stats)) {
      await client().execute({ sql: "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('project_cards', ?, ?)", args: [idx, stat] })
    }
    await reloadSqliteStatistics(payload)
  })
  // The statistics stay to the end of this file's database. (libsql leaves an EXPLAIN's statement
  // open, so no table can be dropped on its connection after these tests: no reload afterwards.)

  it('reads the cards of a search in the list’s order from the index holding the search text', async () => {
    expect(await plan(cardsPageStatement(payload, cardsSearch).toSQL())).toContain('USING INDEX project_cards_search_order_idx')
  })

  it('counts the panel of a search from the index alone', async () => {
    const { statement } = facetCountStatement(payload, cardsWhere(cardsSearch))
    expect(await plan(dialect().sqlToQuery(statement))).toContain('USING COVERING INDEX project_cards_search_facets_idx')
  })

  it('reads a region’s list and its panel as before, from the region’s indexes', async () => {
    expect(await plan(cardsPageStatement(payload, regionList).toSQL())).toContain('locale_idfRegion_status_endYear_projectCreatedAt_idx')
    const { statement } = facetCountStatement(payload, cardsWhere(regionList))
    expect(await plan(dialect().sqlToQuery(statement))).toContain('USING COVERING INDEX compound_index_idx')
  })
})

describe.runIf(onPostgres)('on PostgreSQL', () => {
  it('searches the cards’ search text and own titles through trigram indexes', async () => {
    await withIndexPlans(payload, async (plan) => {
      expect(await plan(`SELECT id FROM project_cards WHERE search ILIKE '%tuvalu%'`)).toContain('project_cards_search_trgm_idx')
      expect(await plan(`SELECT id FROM project_cards WHERE own_title ILIKE '%tuvalu%'`)).toContain('project_cards_own_title_trgm_idx')
    })
  })
})
