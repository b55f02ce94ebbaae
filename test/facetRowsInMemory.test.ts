import type { Payload } from 'payload'
import { stringify } from 'qs-esm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Locale } from '../src/domain/locales'
import { countCardFacets } from '../src/readModel/countCardFacets'
import { countFacetRows, facetRowsLoaded, loadFacetRows } from '../src/readModel/facetRowsInMemory'
import { type CardFilters, cardsWhere } from '../src/readModel/findCards'
import type { FacetCounts } from '../src/site/facetCounts'
import { createApi, startApp } from './helpers/api'
import { seedStates, validProject } from './helpers/fixtures'

/**
 * Filter panels that no stored panel answers (a search, a span of years, two filters) are counted
 * over the read model's rows held in memory per generation of the content
 * (src/readModel/facetRowsInMemory.ts). They must count exactly what the database counts, for
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
      await facetRowsLoaded(payload)
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
      const rows = await loadFacetRows(payload, locale)
      for (const given of grid) {
        const filters = { locale, ...given } as CardFilters
        expect(sorted(countFacetRows(rows, filters)), JSON.stringify(filters)).toEqual(sorted(await countCardFacets(payload, cardsWhere(filters))))
      }
    }
    // A search cut in the middle of an emoji: the half reaches the database as U+FFFD and matches
    // nothing there; it must not match the emoji's half in memory.
    for (const q of ['🌊', '\ud83c', 'tuvalu \udf0a']) {
      const filters: CardFilters = { locale: 'en', q }
      expect(sorted(countFacetRows(await loadFacetRows(payload, 'en'), filters)), JSON.stringify(q)).toEqual(sorted(await countCardFacets(payload, cardsWhere(filters))))
    }
    expect(countFacetRows(await loadFacetRows(payload, 'en'), { locale: 'en', q: '🌊' }).totalDocs).toBe(1)
    // The comparison means something: some filters match many rows, some a few.
    const rows = await loadFacetRows(payload, 'fr')
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
      await facetRowsLoaded(payload)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(errors).toHaveBeenCalledWith(expect.objectContaining({ msg: expect.stringContaining('es read model rows') }))
    expect(await panel()).toBe(3)
    await facetRowsLoaded(payload)
    failing.mockRestore()
    errors.mockRestore()

    expect(await fromMemory(panel)).toBe(3)
  })
})
