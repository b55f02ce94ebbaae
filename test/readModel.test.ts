import { commitTransaction, createLocalReq, type Payload, type Where } from 'payload'
import { stringify } from 'qs-esm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { startTransaction } from '../src/database'
import { type Locale, LOCALES } from '../src/domain/locales'
import { countedFacets } from '../src/readModel/cardFacets'
import { CARD_SELECT, cardsInStep, ensureProjectCards, rowsShape } from '../src/readModel/cards'
import type { ListFilters } from '../src/readModel/findCards'
import { readStoredFacets } from '../src/readModel/storedFacets'
import { readContentVersion } from '../src/site/contentVersion'
import { projectFacets } from '../src/site/facets'
import { createApi, startApp } from './helpers/api'
import { countAdapterReads } from './helpers/expectations'
import { seedStates, validProject } from './helpers/fixtures'
import { createUser } from './helpers/payload'
import { sentWhileAnotherRuns } from './helpers/pgConnections'

/**
 * The public list's read model (`GET /api/projects/cards`): the same cards the REST API gives an
 * anonymous front end, kept in step by every publication, unpublication, deletion and rename.
 */
let payload: Payload
let api: ReturnType<typeof createApi>
let states: Record<string, number | string>
const published = { _status: 'published', reviewStatus: 'approved' }
const ids: Record<string, number | string> = {}

const cards = (query: Record<string, unknown>) => api.rest('GET', `/projects/cards?${stringify(query)}`)

/** What the REST API answers an anonymous caller for the same list. */
const restList = async (where: Where, { locale = 'en', sort = '-endYear', limit = 10 } = {}) => {
  const { status, body } = await api.rest('GET', `/projects?${stringify({ where, locale, depth: 1, select: CARD_SELECT, sort: [sort, 'slug'], limit })}`)
  expect(status).toBe(200)
  return body.docs
}

beforeAll(async () => {
  ;({ payload, api } = await startApp())
  // As a server's start does: records the cards' shape (there is nothing to build yet).
  expect(await ensureProjectCards(payload)).toBe(0)
  states = await seedStates(payload, ['LS', 'BF', 'ML', 'FR', 'KE'])
  const create = async (name: string, locale: 'en' | 'fr', data: Record<string, unknown>, draft = false) => {
    const doc = await payload.create({ collection: 'projects', locale, draft, data: data as any })
    ids[name] = doc.id
    return doc
  }
  await create('lesotho', 'fr', validProject(states.LS!, { title: 'Gouvernance des migrations de main-d’œuvre', status: 'completed', startYear: 2018, endYear: 2021, ...published }))
  await create('sahel', 'en', validProject(states.BF!, { title: 'Sahel border management', coverage: 'regional', memberStates: [states.BF, states.ML], endYear: 2026, summary: 'Groundwater and pastoral routes.', ...published }))
  await create('france', 'en', validProject(states.FR!, { title: 'Return counselling in France', idfRegion: 'europe', endYear: 2025, ...published }))
  await create('kenya', 'en', validProject(states.KE!, { title: 'Kenya labour mobility', startYear: 2024, endYear: 2027, ...published }))
  await create('draft', 'en', validProject(states.ML!, { title: 'Mali draft page', status: 'pipeline', _status: 'draft' }), true)
  // The Spanish title of one page; the others fall back.
  await payload.update({ collection: 'projects', id: ids.kenya!, locale: 'es', data: { title: 'Movilidad laboral en Kenia', ...published } as any })
})
afterAll(async () => {
  await payload?.destroy()
})

describe('GET /api/projects/cards', () => {
  it('answers with the cards the REST API gives an anonymous caller, for every filter, order and locale', async () => {
    const cases: [Record<string, unknown>, Where, { locale?: string; sort?: string; limit?: number }][] = [
      [{}, {}, {}],
      [{ locale: 'fr', idfRegion: 'africa', status: 'completed' }, { idfRegion: { equals: 'africa' }, status: { equals: 'completed' } }, { locale: 'fr' }],
      [{ locale: 'es' }, {}, { locale: 'es' }],
      [{ sort: 'startYear', limit: '2' }, {}, { sort: 'startYear', limit: 2 }],
      [{ memberState: 'ml' }, { memberStates: { in: [states.ML] } }, {}],
      [{ coverage: 'regional', projectType: 'LM' }, { coverage: { equals: 'regional' }, projectType: { equals: 'LM' } }, {}],
      [{ from: '2026' }, { or: [{ endYear: { greater_than_equal: 2026 } }, { endYear: { exists: false } }] }, {}],
      [{ to: '2020', sort: '-startYear' }, { or: [{ startYear: { less_than_equal: 2020 } }, { startYear: { exists: false } }] }, { sort: '-startYear' }],
      [{ q: 'KENIA', locale: 'es' }, { title: { like: 'kenia' } }, { locale: 'es' }],
      [{ q: 'groundwater' }, { summary: { like: 'groundwater' } }, {}],
    ]
    for (const [query, where, options] of cases) {
      const { status, body } = await cards(query)
      expect(status, JSON.stringify(query)).toBe(200)
      const expected = await restList(where, options)
      expect(expected.length, JSON.stringify(query)).toBeGreaterThan(0)
      expect(body.docs, JSON.stringify(query)).toEqual(expected)
    }
  })

  it('shows Member States by name in the locale, labels spelled out, and never a draft', async () => {
    const { body } = await cards({ locale: 'fr', memberState: 'BF' })
    expect(body.docs).toHaveLength(1)
    expect(body.docs[0].memberStates.map((state: any) => state.name)).toEqual(['Burkina Faso', 'Mali'])
    expect(body.docs[0].labels.coverage).toBe('Régional')
    expect(body.docs[0]).not.toHaveProperty('description')
    const all = await cards({ limit: '100' })
    expect(all.body.docs.map((doc: any) => doc.id)).not.toContain(ids.draft)
    // Staff read the public list too: drafts stay in the admin.
    const token = await api.login((await createUser(payload, ['editor'])).email)
    const asStaff = await api.rest('GET', '/projects/cards?limit=100', { token })
    expect(asStaff.body.docs.map((doc: any) => doc.id)).toEqual(all.body.docs.map((doc: any) => doc.id))
  })

  it('searches every word in the title, the IDs and the summary, whatever the case and accents', async () => {
    const sahel = (await payload.findByID({ collection: 'projects', id: ids.sahel! })) as any
    for (const q of ['sahel GROUNDWATER', sahel.projectId, `${sahel.primaId.toLowerCase()} border`]) {
      const { body } = await cards({ q })
      expect(body.docs.map((doc: any) => doc.id), q).toEqual([ids.sahel])
    }
    expect((await cards({ q: 'sahel nowhere' })).body.docs).toEqual([])
    // Accents, ligatures and apostrophes as a reader types them.
    for (const q of ["main-d'oeuvre", 'GOUVERNANCE MAIN-D’ŒUVRE', 'gouvernance des migrations']) {
      expect((await cards({ q, locale: 'fr' })).body.docs.map((doc: any) => doc.id), q).toEqual([ids.lesotho])
    }
    // LIKE's wildcards are plain characters here: “%” does not match everything.
    expect((await cards({ q: '%' })).body.docs).toHaveLength(4)
  })

  it('sorts by the title the reader sees (a fallback title included), unlike a REST sort on the raw translation', async () => {
    const { body } = await cards({ locale: 'es', sort: 'title' })
    const titles = body.docs.map((doc: any) => doc.title)
    expect(titles).toContain('Movilidad laboral en Kenia')
    expect(titles).toEqual([...titles].sort())
    expect((await cards({ locale: 'es', sort: '-title' })).body.docs.map((doc: any) => doc.title)).toEqual([...titles].reverse())
  })

  it('pages without counting: limit, page, hasPrevPage, hasNextPage', async () => {
    const first = await cards({ limit: '3' })
    expect(first.body).toMatchObject({ limit: 3, page: 1, hasPrevPage: false, hasNextPage: true, prevPage: null, nextPage: 2 })
    const second = await cards({ limit: '3', page: '2' })
    expect(second.body).toMatchObject({ limit: 3, page: 2, hasPrevPage: true, hasNextPage: false, prevPage: 1, nextPage: null })
    expect(second.body.docs).toHaveLength(1)
    expect([...first.body.docs, ...second.body.docs].map((doc: any) => doc.id)).toEqual((await restList({}, { limit: 10 })).map((doc: any) => doc.id))
    expect((await cards({ page: '9' })).body.docs).toEqual([])
  })

  it('refuses a query it cannot mean, naming the parameter', async () => {
    const refusals: [Record<string, unknown>, RegExp][] = [
      [{ locale: 'de' }, /locale must be en, fr or es/],
      [{ status: 'finished' }, /status must be one of/],
      [{ idfRegion: 'mars' }, /idfRegion must be one of/],
      [{ memberState: 'KEN' }, /memberState must be a two-letter ISO code/],
      [{ limit: '1000' }, /limit must be a whole number from 1 to 100/],
      [{ page: '0' }, /page must be a whole number/],
      [{ from: 'soon' }, /from must be a whole number/],
      [{ sort: 'budgetUSD' }, /sort must be one of/],
      [{ where: { status: { equals: 'active' } } }, /unknown parameter “where”/],
      [{ q: 'x'.repeat(201) }, /q must be at most 200 characters/],
    ]
    for (const [query, message] of refusals) {
      const { status, body } = await cards(query)
      expect(status, JSON.stringify(query)).toBe(400)
      expect(body.errors[0].message).toMatch(message)
    }
    expect((await api.rest('GET', '/projects/cards?status=active&status=completed')).body.errors[0].message).toMatch(/status must be given once/)
  })
})

describe('GET /api/projects/page/:slug', () => {
  const page = (slug: string, locale = 'en') => api.rest('GET', `/projects/page/${encodeURIComponent(slug)}?locale=${locale}`)
  /** The document the REST API gives an anonymous front end for the page query (docs/api.md). */
  const restPage = async (slug: string, locale = 'en') =>
    (await api.rest('GET', `/projects?${stringify({ where: { slug: { equals: slug } }, locale, depth: 1, limit: 1, pagination: false })}`)).body.docs[0]
  const slugOf = async (id: number | string) => ((await payload.findByID({ collection: 'projects', id })) as any).slug as string

  it('answers the document the REST page query answers, in every locale', async () => {
    for (const name of ['lesotho', 'sahel', 'france', 'kenya']) {
      for (const locale of ['en', 'fr', 'es']) {
        const slug = await slugOf(ids[name]!)
        const { status, body } = await page(slug, locale)
        expect(status, `${name} ${locale}`).toBe(200)
        expect(body, `${name} ${locale}`).toEqual(await restPage(slug, locale))
      }
    }
  })

  it('shows the published outcomes in order, and follows their changes', async () => {
    const slug = await slugOf(ids.sahel!)
    const first = await payload.create({ collection: 'outcomes', data: { project: ids.sahel, statement: 'Border posts apply common procedures.', _status: 'published' } as any })
    await payload.create({ collection: 'outcomes', draft: true, data: { project: ids.sahel, statement: 'Not yet reviewed.', _status: 'draft' } as any })
    let { body } = await page(slug)
    expect(body.outcomes.docs.map((outcome: any) => outcome.statement)).toEqual(['Border posts apply common procedures.'])
    await payload.update({ collection: 'outcomes', id: first.id, data: { statement: 'Border posts apply shared procedures.', _status: 'published' } as any })
    ;({ body } = await page(slug))
    expect(body.outcomes.docs[0].statement).toBe('Border posts apply shared procedures.')
    expect(body).toEqual(await restPage(slug))
    await payload.update({ collection: 'outcomes', id: first.id, data: { _status: 'draft' } as any })
    await payload.delete({ collection: 'outcomes', id: first.id })
    ;({ body } = await page(slug))
    expect(body.outcomes.docs).toEqual([])
  })

  it('shows the related projects as they are now', async () => {
    await payload.update({ collection: 'projects', id: ids.lesotho!, data: { relatedProjects: [ids.kenya], ...published } as any })
    const slug = await slugOf(ids.lesotho!)
    expect((await page(slug)).body.relatedProjects.map((related: any) => related.title)).toEqual(['Kenya labour mobility'])
    await payload.update({ collection: 'projects', id: ids.kenya!, data: { summary: 'Skills partnerships with Gulf employers.', ...published } as any })
    const { body } = await page(slug)
    expect(body.relatedProjects[0].summary).toBe('Skills partnerships with Gulf employers.')
    expect(body).toEqual(await restPage(slug))
    // Shown as a card: no rich text, and none of its own relations.
    expect(Object.keys(body.relatedProjects[0])).not.toEqual(expect.arrayContaining(['description']))
    expect(body.relatedProjects[0]).not.toHaveProperty('relatedProjects')
    expect(body.relatedProjects[0]).not.toHaveProperty('outcomes')
    expect(body.relatedProjects[0].labels.status).toBeTruthy()
    // So a page two links away changes nothing here: Kenya's own related page unpublished.
    const farther = await payload.create({ collection: 'projects', data: validProject(states.LS!, { title: 'Two links away', ...published }) as any })
    await payload.update({ collection: 'projects', id: ids.kenya!, data: { relatedProjects: [farther.id], ...published } as any })
    await payload.update({ collection: 'projects', id: farther.id, data: { _status: 'draft' } as any })
    expect((await page(slug)).body).toEqual(await restPage(slug))
    await payload.update({ collection: 'projects', id: ids.kenya!, data: { relatedProjects: [], ...published } as any })
    await payload.delete({ collection: 'projects', id: farther.id })
  })

  it('answers 404 for a slug no published project has, and refuses other parameters', async () => {
    const draft = await page(await slugOf(ids.draft!))
    expect(draft.status).toBe(404)
    expect(draft.body.errors[0].message).toMatch(/no published project has the slug/)
    expect((await page('no-such-page')).status).toBe(404)
    expect((await page(await slugOf(ids.kenya!), 'de')).body.errors[0].message).toMatch(/locale must be en, fr or es/)
    const { status, body } = await api.rest('GET', `/projects/page/${await slugOf(ids.kenya!)}?depth=3`)
    expect(status).toBe(400)
    expect(body.errors[0].message).toMatch(/unknown parameter “depth”/)
  })
})

describe('GET /api/projects/cards/facets', () => {
  const facets = (query: Record<string, unknown>) => api.rest('GET', `/projects/cards/facets?${stringify(query)}`)

  it('counts what the generic facets count, for every filter and locale', async () => {
    const cases: [Record<string, unknown>, Where, string][] = [
      [{}, {}, 'en'],
      [{ locale: 'fr', idfRegion: 'africa' }, { idfRegion: { equals: 'africa' } }, 'fr'],
      [{ locale: 'es', status: 'active' }, { status: { equals: 'active' } }, 'es'],
      [{ memberState: 'ml' }, { memberStates: { in: [states.ML] } }, 'en'],
      [{ coverage: 'regional', projectType: 'LM' }, { coverage: { equals: 'regional' }, projectType: { equals: 'LM' } }, 'en'],
      [{ from: '2026', locale: 'fr' }, { or: [{ endYear: { greater_than_equal: 2026 } }, { endYear: { exists: false } }] }, 'fr'],
      [{ to: '2020' }, { or: [{ startYear: { less_than_equal: 2020 } }, { startYear: { exists: false } }] }, 'en'],
    ]
    for (const [query, where, locale] of cases) {
      const { status, body } = await facets(query)
      expect(status, JSON.stringify(query)).toBe(200)
      const generic = await api.rest('GET', `/projects/facets?${stringify({ where, locale })}`)
      expect(body.totalDocs, JSON.stringify(query)).toBeGreaterThan(0)
      expect(body, JSON.stringify(query)).toEqual(generic.body)
      // The generic call answers an anonymous panel of one coded value from the stored panels: both
      // are what counting the projects themselves gives.
      expect(body, JSON.stringify(query)).toEqual(await projectFacets(payload, { where, locale: locale as Locale }))
    }
    // Not for staff (they may read drafts), nor for an empty value (refused: no status is empty).
    const token = await api.login((await createUser(payload, ['editor'])).email)
    const asStaff = await api.rest('GET', `/projects/facets?${stringify({ where: { idfRegion: { equals: 'africa' } } })}`, { token })
    expect(asStaff.body).toEqual(await projectFacets(payload, { where: { idfRegion: { equals: 'africa' } }, locale: 'en', req: await createLocalReq({ user: { ...(await createUser(payload, ['editor'])), collection: 'users' } as any }, payload) }))
    // The Mali draft is counted for them.
    expect(asStaff.body.totalDocs).toBe((await facets({ idfRegion: 'africa' })).body.totalDocs + 1)
    const empty = await api.rest('GET', `/projects/facets?${stringify({ where: { status: { equals: '' } } })}`)
    expect(empty.body.errors[0].message).toMatch(/where\.status\.equals: “” is not one of/)
    const { body } = await facets({ locale: 'fr', memberState: 'BF' })
    expect(body.facets.memberStates).toEqual([
      { value: 'BF', label: 'Burkina Faso', count: 1 },
      { value: 'ML', label: 'Mali', count: 1 },
    ])
    expect(body.facets.coverage).toEqual([{ value: 'regional', label: 'Régional', count: 1 }])
  })

  it('counts the cards a search finds, with the same words, accents folded', async () => {
    for (const [q, locale] of [['gouvernance main-d’oeuvre', 'fr'], ['BORDER', 'en'], ['kenia', 'es'], ['nowhere at all', 'en']]) {
      const listed = (await cards({ q, locale, limit: '100' })).body.docs
      const { body } = await facets({ q, locale })
      expect(body.totalDocs, q).toBe(listed.length)
      const byStatus = Object.fromEntries(body.facets.status.map((entry: any) => [entry.value, entry.count]))
      for (const status of ['pipeline', 'active', 'completed']) {
        expect(byStatus[status] ?? 0, `${q} ${status}`).toBe(listed.filter((card: any) => card.status === status).length)
      }
    }
    expect((await facets({ q: 'gouvernance', locale: 'fr' })).body.totalDocs).toBe(1)
  })

  it('never counts a draft, and refuses what it cannot mean, naming the parameter', async () => {
    const everything = (await facets({})).body
    expect(everything.totalDocs).toBe((await cards({ limit: '100' })).body.docs.length)
    expect((await facets({ memberState: 'ZZ' })).body).toMatchObject({ totalDocs: 0, facets: { status: [], memberStates: [] } })
    const refusals: [Record<string, unknown>, RegExp][] = [
      [{ sort: 'title' }, /unknown parameter “sort”: the facets take locale, q/],
      [{ limit: '5' }, /unknown parameter “limit”/],
      [{ status: 'finished' }, /status must be one of/],
      [{ locale: 'de' }, /locale must be en, fr or es/],
    ]
    for (const [query, message] of refusals) {
      const { status, body } = await facets(query)
      expect(status, JSON.stringify(query)).toBe(400)
      expect(body.errors[0].message).toMatch(message)
    }
  })

  it('in GraphQL as ProjectCardFacets, the same counts', async () => {
    const select = '{ value label count }'
    const { body } = await api.graphql(
      `{ ProjectCardFacets(locale: "fr", idfRegion: "africa", from: 2020) { totalDocs facets { status ${select} projectType ${select} idfRegion ${select} coverage ${select} memberStates ${select} startYear ${select} endYear ${select} } } }`,
    )
    expect(body.errors).toBeUndefined()
    expect(body.data.ProjectCardFacets).toEqual((await facets({ locale: 'fr', idfRegion: 'africa', from: '2020' })).body)
    const refused = await api.graphql('{ ProjectCardFacets(coverage: "galactic") { totalDocs } }')
    expect(refused.body.errors[0].message).toMatch(/coverage must be one of/)
  })
})

describe('GraphQL ProjectCards', () => {
  const FIELDS = 'id title slug summary projectId primaId status projectType idfRegion coverage startYear endYear budgetUSD translatedLocales labels { status projectType coverage idfRegion } memberStates { id name iso2 slug }'

  it('answers what GET /api/projects/cards answers, with the same arguments', async () => {
    const { body } = await api.graphql(
      `query ($locale: String, $idfRegion: String, $limit: Int) { ProjectCards(locale: $locale, idfRegion: $idfRegion, sort: "-endYear", limit: $limit) { docs { ${FIELDS} } limit page hasPrevPage hasNextPage prevPage nextPage } }`,
      { locale: 'fr', idfRegion: 'africa', limit: 2 },
    )
    expect(body.errors).toBeUndefined()
    const rest = (await cards({ locale: 'fr', idfRegion: 'africa', limit: '2' })).body
    // GraphQL says null where the JSON card leaves a field out (a page with no summary).
    const withoutNulls = (value: unknown) => JSON.parse(JSON.stringify(value, (_key, field) => (field === null ? undefined : field)))
    expect(withoutNulls(body.data.ProjectCards)).toEqual(withoutNulls(rest))
    expect(body.data.ProjectCards.docs.length).toBe(2)
    const searched = await api.graphql(`{ ProjectCards(q: "groundwater") { docs { id title } } }`)
    expect(searched.body.data.ProjectCards.docs).toEqual([{ id: ids.sahel, title: 'Sahel border management' }])
  })

  it('refuses what the REST endpoint refuses, naming the argument', async () => {
    const { body } = await api.graphql('{ ProjectCards(status: "finished", limit: 5) { docs { id } } }')
    expect(body.data ?? null).toBeNull()
    expect(body.errors[0].message).toMatch(/status must be one of/)
    const tooMany = await api.graphql('{ ProjectCards(limit: 1000) { docs { id } } }')
    expect(tooMany.body.errors[0].message).toMatch(/limit must be a whole number from 1 to 100/)
  })
})

describe('keeping the cards in step', () => {
  const titleOnCard = async (id: number | string, locale = 'en') =>
    (await cards({ locale, limit: '100' })).body.docs.find((doc: any) => doc.id === id)?.title

  // After every change below: each stored filter panel is the panel counted now (and a panel with
  // projects in it is stored), in every locale.
  const PANELS: ListFilters[] = [
    {},
    ...['pipeline', 'active', 'completed'].map((status) => ({ status })),
    ...['africa', 'europe'].map((idfRegion) => ({ idfRegion })),
    ...['national', 'regional'].map((coverage) => ({ coverage })),
    { projectType: 'LM' },
    ...['ML', 'BF', 'KE', 'LS', 'FR'].map((memberState) => ({ memberState })),
  ]
  afterEach(async () => {
    for (const locale of LOCALES) {
      for (const panel of PANELS) {
        const filters = { ...panel, locale }
        const [stored, counted] = await Promise.all([readStoredFacets(payload, filters), countedFacets(payload, filters)])
        if (counted.totalDocs === 0) expect(stored, JSON.stringify(filters)).toBeNull()
        else expect(JSON.parse(stored ?? 'null'), JSON.stringify(filters)).toEqual(counted)
      }
    }
  })

  it('a project whose end year alone changed is counted in its new year in every panel it is in', async () => {
    const endYears = async (panel: ListFilters) => JSON.parse((await readStoredFacets(payload, { locale: 'fr', ...panel }))!).facets.endYear.map((year: any) => year.value)
    expect(await endYears({})).not.toContain(2031)
    await payload.update({ collection: 'projects', id: ids.kenya!, data: { endYear: 2031, ...published } as any })
    for (const panel of [{}, { idfRegion: 'africa' }, { memberState: 'KE' }]) expect(await endYears(panel), JSON.stringify(panel)).toContain(2031)
    await payload.update({ collection: 'projects', id: ids.kenya!, data: { endYear: 2027, ...published } as any })
    expect(await endYears({})).not.toContain(2031)
  })

  it('a project moved to another region leaves one stored panel and joins the other', async () => {
    const inRegion = async (idfRegion: string) => JSON.parse((await readStoredFacets(payload, { locale: 'en', idfRegion })) ?? '{"totalDocs":0}').totalDocs
    const [africa, europe] = [await inRegion('africa'), await inRegion('europe')]
    await payload.update({ collection: 'projects', id: ids.kenya!, data: { idfRegion: 'europe', ...published } as any })
    expect([await inRegion('africa'), await inRegion('europe')]).toEqual([africa - 1, europe + 1])
    await payload.update({ collection: 'projects', id: ids.kenya!, data: { idfRegion: 'africa', ...published } as any })
    expect([await inRegion('africa'), await inRegion('europe')]).toEqual([africa, europe])
  })

  it('a draft saved over a published page leaves its card; publishing the draft changes it', async () => {
    const rowIds = async () => (await payload.db.find({ collection: 'project-cards', where: { project: { equals: String(ids.france) } }, pagination: false, limit: 0 })).docs.map((row) => row.id)
    const before = await rowIds()
    // The save's hooks ask whether the page's own row is still published once between them.
    const ownRow = (args: any) => args.collection === 'projects' && JSON.stringify(args.select) === '{"_status":true}'
    const { reads } = await countAdapterReads(payload, 'findOne', ownRow, () =>
      payload.update({ collection: 'projects', id: ids.france!, draft: true, data: { title: 'Return counselling in France (new draft)' } as any }),
    )
    expect(reads).toBe(1)
    expect(await titleOnCard(ids.france!)).toBe('Return counselling in France')
    // Not even rewritten: a draft changes nothing public (a save took 2.5 times as long at 10,000 projects when it rebuilt them).
    expect(await rowIds()).toEqual(before)
    await payload.update({ collection: 'projects', id: ids.france!, data: { title: 'Return counselling in France, 2025', ...published } as any })
    expect(await titleOnCard(ids.france!)).toBe('Return counselling in France, 2025')
    expect(await titleOnCard(ids.france!, 'fr')).toBe('Return counselling in France, 2025')
  })

  it('a draft never published, its outcomes and the pages relating to it: nothing rewritten until it is published', async () => {
    const rowIds = async () => (await payload.db.find({ collection: 'project-cards', where: { project: { equals: String(ids.france) } }, pagination: false, limit: 0 })).docs.map((row) => row.id)
    const slug = ((await payload.findByID({ collection: 'projects', id: ids.france! })) as any).slug
    const page = async () => (await api.rest('GET', `/projects/page/${slug}`)).body
    // Created a draft, a page was never public: its save looks nothing up to tell (an import creates four such documents a page).
    const cardLookups = (args: any) => args.collection === 'project-cards'
    const { result: draft, reads: onCreate } = await countAdapterReads(payload, 'count', cardLookups, () =>
      payload.create({ collection: 'projects', draft: true, data: validProject(states.LS!, { title: 'Draft related page' }) as any }),
    )
    expect(onCreate).toBe(0)
    await payload.update({ collection: 'projects', id: ids.france!, data: { relatedProjects: [draft.id], ...published } as any })
    // Left out, as the REST API leaves it out for an anonymous caller.
    expect((await page()).relatedProjects).toEqual([])
    // Rows written after France's: rewritten, France's would get new IDs (SQLite reuses the last ones).
    await payload.update({ collection: 'projects', id: ids.kenya!, data: published as any })
    const before = await rowIds()
    // An import's or an editor's work on a page nobody can see yet: the related page is not rebuilt (at
    // 10,000 projects, finding it read every project's links: 5 ms a save, eight saves an imported page).
    await payload.update({ collection: 'projects', id: draft.id, draft: true, data: { summary: 'Still a draft.' } as any })
    const { reads: onOutcome } = await countAdapterReads(payload, 'count', cardLookups, () =>
      payload.create({ collection: 'outcomes', draft: true, data: { project: draft.id, statement: 'A draft outcome.' } as any }),
    )
    expect(onOutcome).toBe(0)
    expect(await rowIds()).toEqual(before)
    await payload.update({ collection: 'projects', id: draft.id, data: published as any })
    expect((await page()).relatedProjects.map((doc: any) => doc.title)).toEqual(['Draft related page'])
    await payload.update({ collection: 'projects', id: ids.france!, data: { relatedProjects: [], ...published } as any })
    await payload.update({ collection: 'projects', id: draft.id, data: { _status: 'draft' } as any })
    await payload.delete({ collection: 'projects', id: draft.id })
  })

  it('moves the content generation once for all the public changes of one transaction, and for each change outside one', async () => {
    const generationWrites = (args: any) => args.collection === 'payload-kv'
    const twoPublications = (req?: any) => async () => {
      for (const title of ['Generation batch one', 'Generation batch two']) {
        await payload.create({ collection: 'projects', data: validProject(states.KE!, { title, ...published }) as any, req })
      }
    }
    const before = await readContentVersion(payload)
    const req = await createLocalReq({}, payload)
    const began = await startTransaction(req)
    // Both SQL adapters run transactions (MongoDB only on a replica set).
    if (payload.db.name !== 'mongoose') expect(began).toBe(true)
    const { reads: inOne } = await countAdapterReads(payload, 'upsert', generationWrites, twoPublications(req))
    if (began) await commitTransaction(req)
    // Other instances see the new generation at the commit (with both pages, in the same commit).
    expect(await readContentVersion(payload)).not.toBe(before)
    expect(inOne).toBe(began ? 1 : 2)
    const { reads: apart } = await countAdapterReads(payload, 'upsert', generationWrites, twoPublications())
    expect(apart).toBe(2)
  })

  it('moves the public site’s content generation only when what the public sees changes', async () => {
    const generation = () => readContentVersion(payload)
    const live = await payload.create({ collection: 'projects', data: validProject(states.KE!, { title: 'Generation live page', ...published }) as any })
    let before = await generation()
    // A draft over a published page, a new draft and its outcome: the site's cached pages stay valid.
    await payload.update({ collection: 'projects', id: live.id, draft: true, data: { summary: 'A draft summary.' } as any })
    const page = await payload.create({ collection: 'projects', draft: true, data: validProject(states.LS!, { title: 'Generation draft' }) as any })
    await payload.create({ collection: 'outcomes', draft: true, data: { project: page.id, statement: 'A draft outcome.' } as any })
    // A draft outcome of the published page: the page lists published outcomes only.
    const outcome = await payload.create({ collection: 'outcomes', draft: true, data: { project: live.id, statement: 'Not yet public.' } as any })
    expect(await generation()).toBe(before)
    await payload.update({ collection: 'outcomes', id: outcome.id, data: { _status: 'published' } as any })
    expect(await generation()).not.toBe(before)
    before = await generation()
    // Published, then unpublished: each moves it on, so every instance reads the pages again.
    await payload.update({ collection: 'projects', id: page.id, data: published as any })
    expect(await generation()).not.toBe(before)
    before = await generation()
    await payload.update({ collection: 'projects', id: page.id, data: { _status: 'draft' } as any })
    expect(await generation()).not.toBe(before)
    before = await generation()
    // Deleting what the public no longer sees changes nothing for it.
    await payload.delete({ collection: 'projects', id: page.id })
    expect(await generation()).toBe(before)
    await payload.update({ collection: 'outcomes', id: outcome.id, data: { _status: 'draft' } as any })
    await payload.delete({ collection: 'outcomes', id: outcome.id })
    await payload.update({ collection: 'projects', id: live.id, data: { _status: 'draft' } as any })
    await payload.delete({ collection: 'projects', id: live.id })
  })

  it('a page published for the first time gets its cards; unpublished or deleted, it loses them', async () => {
    await payload.update({ collection: 'projects', id: ids.draft!, data: published as any })
    expect(await titleOnCard(ids.draft!)).toBe('Mali draft page')
    await payload.update({ collection: 'projects', id: ids.draft!, data: { _status: 'draft' } as any })
    expect(await titleOnCard(ids.draft!)).toBeUndefined()
    const page = await payload.create({ collection: 'projects', data: validProject(states.LS!, { title: 'Short-lived page', ...published }) as any })
    expect(await titleOnCard(page.id)).toBe('Short-lived page')
    await payload.update({ collection: 'projects', id: page.id, data: { _status: 'draft' } as any })
    await payload.delete({ collection: 'projects', id: page.id })
    expect(await titleOnCard(page.id)).toBeUndefined()
    expect(await cardsInStep(payload)).toBe(true)
  })

  it('a published project deleted with its outcomes loses its rows (the outcomes’ hooks run side by side)', async () => {
    const project = await payload.create({ collection: 'projects', data: validProject(states.KE!, { title: 'Deleted with outcomes', ...published }) as any })
    for (const statement of ['One.', 'Two.', 'Three.']) {
      await payload.create({ collection: 'outcomes', data: { project: project.id, statement, _status: 'published' } as any })
    }
    expect(await titleOnCard(project.id)).toBe('Deleted with outcomes')
    const admin = await api.login((await createUser(payload, ['admin'])).email)
    expect((await api.rest('DELETE', `/projects/${project.id}`, { token: admin })).status).toBe(200)
    expect(await titleOnCard(project.id)).toBeUndefined()
    expect(await cardsInStep(payload)).toBe(true)
  })

  it('a project deleted leaves the pages that related to it (the database drops the links with it)', async () => {
    const gone = await payload.create({ collection: 'projects', data: validProject(states.LS!, { title: 'Soon deleted', ...published }) as any })
    await payload.update({ collection: 'projects', id: ids.france!, data: { relatedProjects: [gone.id], ...published } as any })
    const slug = ((await payload.findByID({ collection: 'projects', id: ids.france! })) as any).slug
    expect((await api.rest('GET', `/projects/page/${slug}`)).body.relatedProjects.map((doc: any) => doc.id)).toEqual([gone.id])
    await payload.update({ collection: 'projects', id: gone.id, data: { _status: 'draft' } as any })
    await payload.delete({ collection: 'projects', id: gone.id })
    const { body } = await api.rest('GET', `/projects/page/${slug}`)
    expect(body.relatedProjects).toEqual([])
    expect(body).toEqual((await api.rest('GET', `/projects?${stringify({ where: { slug: { equals: slug } }, depth: 1, limit: 1, pagination: false })}`)).body.docs[0])
  })

  it('two saves at once that touch one project both go through, and its rows end as the public sees it', async () => {
    // Created at once: each takes its own next number (they used to read the same last one).
    const outcomes = await Promise.all(
      ['First at once.', 'Second at once.'].map((statement) => payload.create({ collection: 'outcomes', data: { project: ids.kenya, statement, _status: 'published' } as any })),
    )
    expect(new Set(outcomes.map((outcome: any) => outcome.order)).size).toBe(2)
    // And someone signs in meanwhile (a write outside any transaction): nobody waits for a timeout.
    const editor = await createUser(payload, ['editor'])
    const started = performance.now()
    const [token] = await Promise.all([
      api.login(editor.email),
      ...outcomes.map((outcome, n) => payload.update({ collection: 'outcomes', id: outcome.id, data: { statement: `Changed at once ${n}.`, _status: 'published' } as any })),
    ])
    expect(token).toBeTruthy()
    // SQLite's busy timeout is 5 s: a save or sign-in stuck behind another would take that long.
    expect(performance.now() - started).toBeLessThan(4000)
    const slug = ((await payload.findByID({ collection: 'projects', id: ids.kenya! })) as any).slug
    const { body } = await api.rest('GET', `/projects/page/${slug}`)
    expect(body.outcomes.docs.map((outcome: any) => outcome.statement).sort()).toEqual(['Changed at once 0.', 'Changed at once 1.'])
    expect(await cardsInStep(payload)).toBe(true)
  })

  it('a Member State renamed is renamed on every card that names it', async () => {
    // A panel counted on request (two filters) names its States from names kept for the content's
    // generation: read before the rename, so that the one after shows they were read again.
    const counted = async () =>
      (await api.rest('GET', '/projects/cards/facets?locale=fr&memberState=ML&idfRegion=africa')).body.facets.memberStates.find((state: any) => state.value === 'ML').label
    const before = await counted()
    expect(before).not.toBe('République du Mali')
    await payload.update({ collection: 'member-states', id: states.ML!, locale: 'fr', data: { name: 'République du Mali' } })
    expect(await counted()).toBe('République du Mali')
    const { body } = await cards({ locale: 'fr', memberState: 'ML' })
    expect(body.docs[0].memberStates.map((state: any) => state.name)).toEqual(['Burkina Faso', 'République du Mali'])
    expect(body.docs).toEqual(await restList({ memberStates: { in: [states.ML] } }, { locale: 'fr' }))
    // And in the filter panels that list it, stored ones included.
    const panel = (await api.rest('GET', '/projects/cards/facets?locale=fr')).body
    expect(panel.facets.memberStates.find((state: any) => state.value === 'ML').label).toBe('République du Mali')
  })

  it('a Member State whose code is corrected takes its projects to the panel of the new code', async () => {
    const panel = async (memberState: string) => readStoredFacets(payload, { locale: 'en', memberState })
    expect(JSON.parse((await panel('FR'))!).totalDocs).toBe(1)
    await payload.update({ collection: 'member-states', id: states.FR!, data: { name: 'Monaco', iso2: 'MC', iso3: 'MCO' } as any })
    expect(await panel('FR')).toBeNull()
    expect(JSON.parse((await panel('MC'))!)).toEqual(await countedFacets(payload, { locale: 'en', memberState: 'MC' }))
    expect(JSON.parse((await panel('MC'))!).facets.memberStates).toEqual([{ value: 'MC', label: 'Monaco', count: 1 }])
    await payload.update({ collection: 'member-states', id: states.FR!, data: { name: 'France', iso2: 'FR', iso3: 'FRA' } as any })
    expect(await panel('MC')).toBeNull()
  })

  it('a publication that fails leaves the cards as they were', async () => {
    const hooks = payload.collections.projects.config.hooks.afterChange
    const failing = () => {
      throw new Error('the server failed after the cards were written')
    }
    hooks.push(failing)
    try {
      await expect(payload.update({ collection: 'projects', id: ids.kenya!, data: { title: 'Never seen', ...published } as any })).rejects.toThrow(/after the cards/)
    } finally {
      hooks.splice(hooks.indexOf(failing), 1)
    }
    expect(await titleOnCard(ids.kenya!)).toBe('Kenya labour mobility')
  })

  it('a restore that fails half-way leaves the page, its versions and its cards as they were', async () => {
    await payload.update({ collection: 'projects', id: ids.france!, data: { title: 'Return counselling in France, before a restore', ...published } as any })
    const { docs: versions, totalDocs } = await payload.findVersions({ collection: 'projects', where: { parent: { equals: ids.france } }, sort: 'createdAt', limit: 1 })
    const current = ((await payload.findByID({ collection: 'projects', id: ids.france!, draft: true })) as any).title
    expect((versions[0]!.version as any).title).not.toBe(current)
    const hooks = payload.collections.projects.config.hooks.afterChange
    const failing = () => {
      throw new Error('the server failed during the restore')
    }
    hooks.push(failing)
    try {
      await expect(payload.restoreVersion({ collection: 'projects', id: versions[0]!.id })).rejects.toThrow(/during the restore/)
    } finally {
      hooks.splice(hooks.indexOf(failing), 1)
    }
    expect(((await payload.findByID({ collection: 'projects', id: ids.france!, draft: true })) as any).title).toBe(current)
    expect((await payload.countVersions({ collection: 'projects', where: { parent: { equals: ids.france } } })).totalDocs).toBe(totalDocs)
    expect(await titleOnCard(ids.france!)).toBe(current)
  })

  it('are rebuilt when the fields a page shows change (an upgrade adds one or makes one staff-only)', async () => {
    expect(rowsShape(payload)).toBe(rowsShape(payload))
    const before = rowsShape(payload)
    const fields = payload.collections.projects.config.fields
    const slugField = fields.find((field) => 'name' in field && field.name === 'slug') as any
    const access = slugField.access
    try {
      slugField.access = { ...access, read: ({ req }: any) => Boolean(req.user) }
      expect(rowsShape(payload)).not.toBe(before)
      expect(await cardsInStep(payload)).toBe(false)
    } finally {
      slugField.access = access
    }
    expect(await cardsInStep(payload)).toBe(true)
  })

  it('are rebuilt whole when they are out of step (a bulk load, an upgrade), to the same cards', async () => {
    const before = (await cards({ limit: '100', locale: 'fr' })).body.docs
    await payload.db.deleteMany({ collection: 'project-cards', where: { locale: { equals: 'en' } } })
    expect(await cardsInStep(payload)).toBe(false)
    const generation = await readContentVersion(payload)
    expect(await ensureProjectCards(payload)).toBe(before.length)
    expect(await cardsInStep(payload)).toBe(true)
    // The site's cached pages on every instance are read again.
    expect(await readContentVersion(payload)).not.toBe(generation)
    expect(await ensureProjectCards(payload)).toBeUndefined()
    expect((await cards({ limit: '100', locale: 'fr' })).body.docs).toEqual(before)
  })

  it.runIf(process.env.TEST_DATABASE === 'postgres')('are rebuilt, and kept by a publication, with one statement at a time on the transaction’s connection', async () => {
    // node-postgres deprecates a query sent to a connection while another runs there (pg@9 refuses
    // it). The panels read the Member States' names in three locales at once, and Payload reads a
    // saved document's relations and runs its afterRead hooks at once, all in one transaction.
    const sends = await sentWhileAnotherRuns(async () => {
      await payload.db.deleteMany({ collection: 'project-cards', where: { locale: { equals: 'en' } } })
      expect(await ensureProjectCards(payload)).toBeGreaterThan(0)
      const data = validProject(states.BF!, { coverage: 'regional', memberStates: [states.BF, states.ML], relatedProjects: [ids.kenya], ...published })
      const project = await payload.create({ collection: 'projects', data: data as any, depth: 2 })
      expect(project.memberStates!.map((state: any) => state.iso2)).toEqual(['BF', 'ML'])
      expect(project.relatedProjects!.map((related: any) => related.id)).toEqual([ids.kenya])
    })
    expect(sends.sent).toBeGreaterThan(10)
    expect(sends.whileAnotherRuns).toEqual([])
  })
})
