import type { Payload } from 'payload'
import { stringify } from 'qs-esm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Locale } from '../src/domain/locales'
import { countCardFacets } from '../src/readModel/countCardFacets'
import { type CardFilters, type CardQuery, CARD_SORTS, cardsPageStatement, cardsWhere, findProjectCards } from '../src/readModel/findCards'
import { countFacetRows, loadRows, rowsLoaded } from '../src/readModel/rowsInMemory'
import type { FacetCounts } from '../src/site/facetCounts'
import { createApi, startApp } from './helpers/api'
import { seedStates, validProject } from './helpers/fixtures'
import { countSelects, rowsHeldNow } from './helpers/rowsInMemory'

const onSqlite = (process.env.TEST_DATABASE ?? 'sqlite') === 'sqlite'

/**
 * Filter panels that no stored panel answers (a search, a span of years, two filters) are counted
 * over the read model's rows held in memory per generation of the content
 * (src/readModel/rowsInMemory.ts). They must count exactly what the database counts, for
 * any filters, and never count the rows of an older generation.
 */
let payload: Payload
let api: ReturnType<typeof createApi>
const published = { _status: 'published', reviewStatus: 'approved' }

beforeAll(async () => {
  ;({ payload, api } = await startApp())
  const { KE, UG, LS, TV } = await seedStates(payload, ['KE', 'UG', 'LS', 'TV'])
  const projects = [
    validProject(KE!, { title: 'Labour migration in Kenya', status: 'active', startYear: 2019, endYear: 2021 }),
    validProject(UG!, { title: 'Santé des migrants en Ouganda', status: 'completed', startYear: 2015, endYear: 2018 }),
    validProject(KE!, { title: 'Border management', summary: 'Migration data for the border posts.', status: 'pipeline', startYear: 2024, endYear: null }),
    validProject(LS!, { title: 'Labour MIGRATION in Lesotho', idfRegion: 'africa', startYear: null, endYear: 2030 }),
    validProject(TV!, { title: 'Coastal resilience in Tuvalu 🌊', idfRegion: 'asia-oceania', status: 'completed', startYear: 2020, endYear: 2023 }),
    validProject(KE!, { title: 'Regional labour mobility', coverage: 'regional', memberStates: [KE, UG], startYear: 2021, endYear: 2026 }),
    validProject(KE!, { title: 'Global displacement data', coverage: 'global', memberStates: [KE, UG, LS, TV], endYear: 2025 }),
  ]
  for (const data of projects) await payload.create({ collection: 'projects', data: { ...data, ...published } as any })
  // One French title of its own; the other French rows show the English text.
  const { docs } = await payload.find({ collection: 'projects', where: { title: { equals: 'Border management' } }, limit: 1 })
  await payload.update({ collection: 'projects', id: docs[0]!.id, locale: 'fr', data: { title: 'Gestion des frontières et santé', ...published } as any })
  await payload.create({ collection: 'projects', draft: true, data: validProject(TV!, { title: 'Tuvalu migration draft' }) as any })
})
afterAll(async () => {
  await payload?.destroy()
})

/** Counts in a form that compares whatever order the values were met in. */
const sorted = (counts: FacetCounts) => ({
  totalDocs: counts.totalDocs,
  columns: Object.fromEntries(Object.entries(counts.columns).map(([facet, map]) => [facet, [...map.entries()].sort()])),
  memberStates: [...counts.memberStates.entries()].sort(),
})

type Spied = { execute: (...args: unknown[]) => unknown }

/**
 * Asks for a panel until one is answered from memory (no statement run; the rows are read in the
 * background, and reads are spaced out), and returns that answer.
 */
const fromMemory = async (ask: () => Promise<number>): Promise<number> => {
  const execute = vi.spyOn(payload.db as unknown as Spied, 'execute')
  try {
    for (let tries = 0; tries < 40; tries++) {
      execute.mockClear()
      const answer = await ask()
      if (execute.mock.calls.length === 0) return answer
      await rowsLoaded(payload)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error('no panel was answered from memory')
  } finally {
    execute.mockRestore()
  }
}

describe('a panel counted from the rows in memory', () => {
  it('counts what the database counts, for every combination of filters', async () => {
    const grid: Partial<CardFilters>[] = [{}]
    const vary = (name: keyof CardFilters, values: unknown[]) => {
      for (const filters of [...grid]) for (const value of values) grid.push({ ...filters, [name]: value })
    }
    // Words in a title, in a summary, in any case, with or without accents, part of a word, too
    // short to have a three-letter run, two words, words no row holds; values no row has.
    vary('q', ['migration', 'SANTE', 'santé', 'labour lesotho', 'migr', 'ke', 'zzqx', 'frontieres'])
    vary('status', ['active', 'completed'])
    vary('idfRegion', ['africa', 'europe'])
    vary('memberState', ['KE', 'LS', 'ZZ'])
    vary('from', [2021])
    vary('to', [2022])
    vary('coverage', ['regional'])
    expect(grid.length).toBe(9 * 3 * 3 * 4 * 2 * 2 * 2)
    for (const locale of ['en', 'fr'] as Locale[]) {
      const rows = await loadRows(payload, locale)
      for (const given of grid) {
        const filters = { locale, ...given } as CardFilters
        expect(sorted(countFacetRows(rows, filters)), JSON.stringify(filters)).toEqual(sorted(await countCardFacets(payload, cardsWhere(filters))))
      }
    }
    // A search cut in the middle of an emoji: the half reaches the database as U+FFFD and matches
    // nothing there; it must not match the emoji's half in memory.
    for (const q of ['🌊', '\ud83c', 'tuvalu \udf0a']) {
      const filters: CardFilters = { locale: 'en', q }
      expect(sorted(countFacetRows(await loadRows(payload, 'en'), filters)), JSON.stringify(q)).toEqual(sorted(await countCardFacets(payload, cardsWhere(filters))))
    }
    expect(countFacetRows(await loadRows(payload, 'en'), { locale: 'en', q: '🌊' }).totalDocs).toBe(1)
    // The comparison means something: some filters match many rows, some a few.
    const rows = await loadRows(payload, 'fr')
    expect(countFacetRows(rows, { locale: 'fr' }).totalDocs).toBe(7)
    expect(countFacetRows(rows, { locale: 'fr', q: 'sante' }).totalDocs).toBe(2)
    expect(countFacetRows(rows, { locale: 'fr', q: 'migration', memberState: 'KE', from: 2020 }).totalDocs).toBe(2)
  })

  it('answers from memory for the current content, and never from an older generation’s rows', async () => {
    const panel = async (q: string) => {
      const { status, body } = await api.rest('GET', `/projects/cards/facets?${stringify({ locale: 'en', q })}`)
      expect(status).toBe(200)
      return body.totalDocs as number
    }
    // The first panel of a generation is counted in the database, while the rows are read.
    const execute = vi.spyOn(payload.db as unknown as Spied, 'execute')
    expect(await panel('tuvalu')).toBe(1)
    expect(execute).toHaveBeenCalled()
    execute.mockRestore()
    expect(await fromMemory(() => panel('tuvalu'))).toBe(1)
    expect(await fromMemory(() => panel('labour'))).toBe(3)

    // Publishing moves the generation on: the new project is counted at once (in the database,
    // the rows held being of the generation before), then from the rows read again.
    const { TV } = await seedStates(payload, ['TV'])
    await payload.create({ collection: 'projects', data: validProject(TV!, { title: 'Tuvalu climate mobility', ...published }) as any })
    expect(await panel('tuvalu')).toBe(2)
    expect(await fromMemory(() => panel('tuvalu'))).toBe(2)
  })

  it('counts in the database when the rows cannot be read, and reads them again later', async () => {
    // The read of the rows fails (it is the only read of the search column on its own).
    const drizzle = (payload.db as unknown as { drizzle: { select: (fields?: Record<string, unknown>) => unknown } }).drizzle
    const select = drizzle.select.bind(drizzle)
    const failing = vi.spyOn(drizzle, 'select').mockImplementation((fields) => {
      if (fields && 'search' in fields) throw new Error('connection lost')
      return select(fields)
    })
    const errors = vi.spyOn(payload.logger, 'error').mockImplementation(() => undefined)
    const panel = async () => (await api.rest('GET', `/projects/cards/facets?${stringify({ locale: 'es', q: 'labour', from: 2020 })}`)).body.totalDocs
    // A read starts once the generation has stayed the same a little while: ask until one has failed.
    for (let tries = 0; tries < 40 && errors.mock.calls.length === 0; tries++) {
      expect(await panel()).toBe(3)
      await rowsLoaded(payload)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(errors).toHaveBeenCalledWith(expect.objectContaining({ msg: expect.stringContaining('es read model rows into memory') }))
    expect(await panel()).toBe(3)
    await rowsLoaded(payload)
    failing.mockRestore()
    errors.mockRestore()

    expect(await fromMemory(panel)).toBe(3)
  })
})

/** The card page's slugs as the database alone answers it (no rows from memory), and whether a next page follows. */
const databasePage = async (query: CardQuery) => {
  const rows: { card: string }[] = await cardsPageStatement(payload, query)
  return { slugs: rows.slice(0, query.limit).map((row) => JSON.parse(row.card).slug as string), hasNextPage: rows.length > query.limit }
}
const databaseCards = async (query: CardQuery) => (await databasePage(query)).slugs

// On SQLite only: PostgreSQL finds the words through its trigram indexes (src/readModel/rowsInMemory.ts, narrowToRows).
describe.runIf(onSqlite)('a card search read by project from the rows in memory', () => {
  it('gives the database’s answer for any search, filters, order and page', async () => {
    for (const locale of ['en', 'fr'] as Locale[]) {
      await rowsHeldNow(payload, locale)
      for (const q of ['migration', 'SANTE', 'labour lesotho', 'tuvalu', 'ke', 'zzqx', '🌊', 'frontieres'])
        for (const filters of [{}, { status: 'completed' }, { memberState: 'KE', from: 2021 }, { to: 2022 }])
          for (const sort of CARD_SORTS)
            for (const [limit, page] of [[10, 1], [2, 1], [2, 2], [1, 3]] as const) {
              const query = { locale, q, ...filters, sort, limit, page } as CardQuery
              const { docs, hasNextPage } = JSON.parse((await findProjectCards(payload, query)).json)
              const expected = await databasePage(query)
              expect(docs.map((doc: { slug: string }) => doc.slug), JSON.stringify(query)).toEqual(expected.slugs)
              expect(hasNextPage, JSON.stringify(query)).toBe(expected.hasNextPage)
            }
    }
  })

  it('reads only the rows found in memory, with the search’s own conditions', async () => {
    await rowsHeldNow(payload, 'en')
    // A word in no row: answered without a statement.
    const none = await countSelects(payload, ['card'], () => findProjectCards(payload, { locale: 'en', q: 'zzqx', sort: '-endYear', limit: 10, page: 1 }))
    expect(JSON.parse(none.result.json).docs).toEqual([])
    expect(none.selects).toBe(0)

    // Rows changed in the database behind the generation's back (which no write does: each moves
    // it on) show what is read from where: a row the memory does not know of is not read, and a
    // row memory holds is still tested by the statement's own search.
    const rowOf = async (title: string) => (await payload.db.findOne({ collection: 'project-cards', where: { and: [{ title: { equals: title } }, { locale: { equals: 'en' } }] } })) as unknown as { id: number; slug: string; search: string }
    const border = await rowOf('Border management')
    const tuvalu = await rowOf('Coastal resilience in Tuvalu 🌊')
    const search = async (q: string) => JSON.parse((await findProjectCards(payload, { locale: 'en', q, sort: '-endYear', limit: 10, page: 1 })).json).docs.map((doc: { slug: string }) => doc.slug)
    try {
      await payload.db.updateOne({ collection: 'project-cards', id: border.id, data: { search: `${border.search} zzqx` } })
      await payload.db.updateOne({ collection: 'project-cards', id: tuvalu.id, data: { search: 'coastal resilience' } })
      expect(await search('zzqx')).toEqual([])
      expect(await databaseCards({ locale: 'en', q: 'zzqx', sort: '-endYear', limit: 10, page: 1 })).toEqual([border.slug])
      const tuvaluCards = await search('tuvalu')
      expect(tuvaluCards).not.toContain(tuvalu.slug)
      expect(tuvaluCards).toEqual(await databaseCards({ locale: 'en', q: 'tuvalu', sort: '-endYear', limit: 10, page: 1 }))
    } finally {
      await payload.db.updateOne({ collection: 'project-cards', id: border.id, data: { search: border.search } })
      await payload.db.updateOne({ collection: 'project-cards', id: tuvalu.id, data: { search: tuvalu.search } })
    }

    // A project's rows are written again, deleted and inserted under new ids, by every save of it:
    // found in memory, they are read by their project, so a save committed just before the
    // statement does not drop the project from the answer.
    const { id, ...row } = (await payload.db.findOne({ collection: 'project-cards', where: { id: { equals: tuvalu.id } } })) as unknown as Record<string, unknown>
    await payload.db.deleteOne({ collection: 'project-cards', where: { id: { equals: id } } })
    await payload.db.create({ collection: 'project-cards', data: row })
    expect(await search('tuvalu')).toContain(tuvalu.slug)
  })
})

describe('a card search', () => {
  it('finds a page published a moment ago', async () => {
    await rowsHeldNow(payload, 'en')
    const { LS } = await seedStates(payload, ['LS'])
    await payload.create({ collection: 'projects', data: validProject(LS!, { title: 'Maseru qwvx pilot', ...published }) as any })
    const { status, body } = await api.rest('GET', `/projects/cards?${stringify({ locale: 'en', q: 'qwvx' })}`)
    expect(status).toBe(200)
    expect(body.docs.map((doc: { title: string }) => doc.title)).toEqual(['Maseru qwvx pilot'])
  })
})
