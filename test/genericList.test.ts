import config from '@payload-config'
import { REST_GET } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { stringify } from 'qs-esm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { paragraphsToLexical } from '../src/domain/richText'
import { ensureProjectCards } from '../src/readModel/cards'
import { createApi, startApp } from './helpers/api'
import { countAdapterReads } from './helpers/expectations'
import { seedStates, validProject } from './helpers/fixtures'
import { countSelects, rowsHeldNow } from './helpers/rowsInMemory'

/**
 * The generic list (`GET /api/projects`) answered from the read model when the query fits: the
 * same answer as Payload's own REST handler gives an anonymous caller, over the forms such a
 * query takes (filters, orders with ties, locales, paging, selections), and Payload's answer for
 * everything else.
 */
let payload: Payload
let api: ReturnType<typeof createApi>
let slugs: Record<string, string> = {}
const payloadGet = REST_GET(config)

/** What Payload's REST handler itself answers (no read model in front of it). */
const payloadAnswer = async (query: string) => {
  const url = new URL(`http://localhost:3000/api/projects?${query}`)
  const response = await payloadGet(new Request(url, { headers: { 'Accept-Language': 'en' } }), { params: Promise.resolve({ slug: ['projects'] }) })
  return { status: response.status, text: await response.text(), headers: response.headers }
}

/** The app's answer (the route as deployed), and whether Payload's adapter read projects for it. */
const appAnswer = async (query: string) => {
  const { result, reads } = await countAdapterReads(payload, 'find', (args) => args.collection === 'projects', () => api.rest('GET', `/projects?${query}`))
  return { ...result, fromReadModel: reads === 0 }
}

const publish = { _status: 'published', reviewStatus: 'approved' }

beforeAll(async () => {
  ;({ payload, api } = await startApp())
  const states = await seedStates(payload, ['KE', 'UG', 'LS', 'FR', 'BF'])
  const regions = ['africa', 'europe', 'africa', 'asia-oceania']
  const statuses = ['active', 'completed', 'completed']
  // End and start years with ties (and a missing end year): the order's last word decides them.
  const endYears = [2024, 2024, 2025, 2023, null, 2024, 2025]
  const ids: (number | string)[] = []
  for (let n = 0; n < 16; n++) {
    const regional = n % 5 === 0
    const created = await payload.create({
      collection: 'projects',
      locale: 'en',
      data: validProject(regional ? states.KE! : [states.LS, states.FR, states.BF][n % 3]!, {
        title: `Generic list project ${String(n).padStart(2, '0')}`,
        summary: n % 2 ? `Summary ${n}` : undefined,
        description: paragraphsToLexical([`Description of project ${n}.`]),
        idfRegion: regions[n % regions.length],
        status: statuses[n % statuses.length],
        endYear: endYears[n % endYears.length],
        startYear: 2018 + (n % 4),
        coverage: regional ? 'regional' : 'national',
        memberStates: regional ? [states.KE, states.UG] : [[states.LS, states.FR, states.BF][n % 3]],
        relatedProjects: ids.slice(-2),
        partners: n % 3 ? ['A partner'] : [],
        ...publish,
      }) as any,
    })
    ids.push(created.id)
    slugs[`p${n}`] = created.slug as string
    // A third in French, a few in Spanish.
    if (n % 3 === 0) await payload.update({ collection: 'projects', id: created.id, locale: 'fr', data: { title: `Projet de la liste ${n}`, summary: `Résumé ${n}`, ...publish } as any })
    if (n % 5 === 1) await payload.update({ collection: 'projects', id: created.id, locale: 'es', data: { title: `Proyecto ${n}`, ...publish } as any })
    if (n % 4 === 0) await payload.create({ collection: 'outcomes', data: { project: created.id, statement: `Outcome of ${n}`, _status: 'published' } as any })
  }
  // A draft never published, a page with a draft pending over it, a page unpublished.
  const draft = await payload.create({ collection: 'projects', draft: true, data: validProject(states.LS!, { title: 'Generic list draft only', endYear: 2024 }) as any })
  slugs.draft = draft.slug as string
  await payload.update({ collection: 'projects', id: ids[2]!, draft: true, data: { title: 'Pending draft title', endYear: 2030 } as any })
  await payload.update({ collection: 'projects', id: ids[3]!, data: { _status: 'draft' } as any })
  await ensureProjectCards(payload)
})
afterAll(async () => {
  await payload?.destroy()
})

const LIST_SELECT = { title: true, slug: true, summary: true, status: true, projectType: true, idfRegion: true, coverage: true, startYear: true, endYear: true, budgetUSD: true, memberStates: true }

/** Queries the read model answers: filters, orders, locales, paging and selections. */
const answered = (): Record<string, unknown>[] => {
  const queries: Record<string, unknown>[] = []
  const filters = [
    undefined,
    { idfRegion: { equals: 'africa' } },
    { idfRegion: { equals: 'africa' }, status: { equals: 'completed' } },
    { and: [{ status: { equals: 'active' } }, { coverage: { equals: 'national' } }] },
    { projectType: { equals: 'LM' } },
    { idfRegion: { equals: 'middle-east' } },
  ]
  for (const [n, where] of filters.entries())
    for (const sort of ['-endYear', 'endYear', '-startYear', 'startYear'])
      queries.push({ where, sort, depth: 1, locale: ['fr', 'en', 'es'][n % 3], limit: [10, 3, 250][n % 3], pagination: [false, undefined, 'true'][n % 3] })
  queries.push(
    { where: { idfRegion: { equals: 'africa' }, status: { equals: 'completed' } }, sort: '-endYear', limit: 10, locale: 'fr', depth: 1, pagination: false, select: LIST_SELECT },
    { sort: '-endYear', limit: 3, page: 2, depth: 1, locale: 'fr' },
    { sort: 'endYear', limit: 4, page: 4, depth: 1, locale: 'en', pagination: false },
    { sort: '-startYear', limit: 5, page: 50, depth: 1, locale: 'es' },
    { sort: '-endYear', depth: 1, locale: 'fr', select: { title: true, description: true, outcomes: true, relatedProjects: true } },
    { sort: '-endYear', depth: 1, locale: 'es', select: { labels: true, status: true, projectType: true, idfRegion: true, coverage: true } },
    { sort: '-endYear', depth: 1, locale: 'en', select: { id: true } },
    { where: { slug: { equals: slugs.p6 } }, limit: 1, locale: 'fr', depth: 1, pagination: false },
    { where: { slug: { equals: slugs.p0 } }, depth: 1, locale: 'fr' },
    { where: { slug: { equals: slugs.p2 } }, depth: 1, locale: 'en' },
    { where: { slug: { equals: slugs.p3 } }, depth: 1, locale: 'es' },
    { where: { slug: { equals: slugs.draft } }, depth: 1, locale: 'en' },
    { where: { slug: { equals: 'no-such-page' } }, depth: 1, locale: 'fr', pagination: false },
    // Without an order (the default: last updated first), and title searches (as written in the locale).
    { where: { idfRegion: { equals: 'africa' } }, depth: 1, locale: 'fr' },
    { where: { title: { like: 'project' } }, limit: 10, locale: 'fr', depth: 1, pagination: false, select: LIST_SELECT },
    { where: { title: { like: 'LIST 1' } }, locale: 'en', depth: 1 },
    { where: { title: { like: 'projet liste' } }, sort: '-endYear', locale: 'fr', depth: 1 },
    { where: { and: [{ title: { like: 'proyecto' } }, { status: { equals: 'completed' } }] }, locale: 'es', depth: 1, limit: 2, page: 2 },
    // Payload reads `and` in any case.
    { where: { And: [{ idfRegion: { equals: 'africa' } }, { status: { equals: 'completed' } }] }, sort: 'endYear', locale: 'fr', depth: 1 },
    { where: { title: { like: 'nothing like this' } }, locale: 'en', depth: 1 },
    { where: { title: { like: 'project' } }, locale: 'en', depth: 1, page: 40 },
  )
  return queries
}

describe('the generic list from the read model', () => {
  it('gives Payload’s own answer for every query it takes, and answers them without Payload', async () => {
    for (const params of answered()) {
      const query = stringify(params, { addQueryPrefix: false })
      const theirs = await payloadAnswer(query)
      const ours = await appAnswer(query)
      expect(ours.status, query).toBe(theirs.status)
      expect(ours.body, query).toEqual(JSON.parse(theirs.text))
      // Byte for byte: the same ETag for caches and CDNs, whichever answers.
      expect(JSON.stringify(ours.body), query).toBe(theirs.text)
      expect(ours.fromReadModel, query).toBe(true)
      expect(ours.headers?.get('content-type'), query).toBe(theirs.headers.get('content-type'))
    }
  })

  it('leaves every other query to Payload', async () => {
    const others = [
      { sort: '-endYear', depth: 1, locale: undefined },
      { sort: '-endYear', depth: 2, locale: 'fr' },
      { sort: '-endYear', locale: 'fr' },
      { where: { idfRegion: { not_equals: 'africa' } }, depth: 1, locale: 'fr' },
      { where: { title: { contains: 'project' } }, sort: '-endYear', depth: 1 },
      { where: { and: [{ title: { like: 'project' } }, { title: { like: 'list' } }] }, depth: 1 },
      { where: { summary: { like: 'summary' } }, depth: 1 },
      { where: { or: [{ status: { equals: 'active' } }, { status: { equals: 'completed' } }] }, sort: '-endYear', depth: 1 },
      // Two `and`s in one object: Payload's adapter keeps the last only.
      { where: { and: [{ idfRegion: { equals: 'africa' } }], AND: [{ status: { equals: 'completed' } }] }, sort: 'endYear', depth: 1 },
      { where: { status: { in: ['active'] } }, sort: '-endYear', depth: 1 },
      { where: { status: { equals: 'bogus' } }, sort: '-endYear', depth: 1 },
      { sort: 'title', depth: 1 },
      { sort: '-endYear', depth: 1, draft: true },
      { sort: '-endYear', depth: 1, locale: 'fr', 'fallback-locale': 'none' },
      { sort: '-endYear', depth: 1, limit: 0 },
      { sort: '-endYear', depth: 1, select: { memberStates: { name: true } } },
      { sort: '-endYear', depth: 1, select: { labels: true } },
    ]
    for (const params of others) {
      const query = stringify({ locale: 'en', ...params }, { addQueryPrefix: false })
      const ours = await appAnswer(query)
      const theirs = await payloadAnswer(query)
      expect([ours.status, ours.body], query).toEqual([theirs.status, JSON.parse(theirs.text)])
      // A refusal reads nothing either way.
      if (ours.status === 200) expect(ours.fromReadModel, query).toBe(false)
    }
    // Staff read drafts: always Payload's answer.
    const { createUser } = await import('./helpers/payload')
    const token = await api.login((await createUser(payload, ['editor'])).email)
    const staff = await api.rest('GET', `/projects?${stringify({ where: { slug: { equals: slugs.draft } }, depth: 1, draft: 'true' })}`, { token })
    expect(staff.body.docs.map((doc: any) => doc.title)).toEqual(['Generic list draft only'])
  })

  it('follows a publication at once', async () => {
    const query = stringify({ where: { idfRegion: { equals: 'middle-east' } }, sort: '-endYear', depth: 1, locale: 'fr' }, { addQueryPrefix: false })
    const states = await payload.find({ collection: 'member-states', where: { iso2: { equals: 'LS' } } })
    await payload.create({ collection: 'projects', data: validProject(states.docs[0]!.id, { title: 'Newly published in the Middle East', idfRegion: 'middle-east', ...publish }) as any })
    const ours = await appAnswer(query)
    expect(ours.fromReadModel).toBe(true)
    expect(ours.body.docs.map((doc: any) => doc.title)).toEqual(['Newly published in the Middle East'])
    expect(ours.body).toEqual(JSON.parse((await payloadAnswer(query)).text))
  })
})

describe('a title search read by project from the rows in memory', () => {
  it('gives Payload’s answer, whatever the case, the letters and LIKE’s wildcards', async () => {
    const states = await payload.find({ collection: 'member-states', where: { iso2: { equals: 'KE' } } })
    // "İ" (U+0130) and the Kelvin sign (U+212A) lower to ASCII letters on PostgreSQL; LIKE's
    // wildcards and escape written in titles.
    const titles = ['İstanbul transit hub', '\u212Aelvin station survey', '100% coverage_plan', 'Back\\slash study', 'Résumé des études', 'TRANSIT corridors']
    for (const title of titles) await payload.create({ collection: 'projects', data: validProject(states.docs[0]!.id, { title, ...publish }) as any })
    await rowsHeldNow(payload, 'en')
    const searches = ['istanbul', 'İSTANBUL', 'kelvin', 'KELVIN station', 'elvin', '100%', '%', 'coverage_plan', '_', 'back\\slash', '\\', 'études', 'ÉTUDES', 'etudes', '', ' ', 'transit  hub', 'Transit', 'hub transit', 'zzqx', 'st', 'project list']
    for (const like of searches) {
      for (const sort of [undefined, '-endYear']) {
        const query = stringify({ where: { title: { like } }, sort, depth: 1, locale: 'en', limit: 5 }, { addQueryPrefix: false })
        const ours = await appAnswer(query)
        expect(ours.fromReadModel, query).toBe(true)
        expect(JSON.stringify(ours.body), query).toBe((await payloadAnswer(query)).text)
      }
    }
  })

  // On SQLite only: PostgreSQL finds the words through its trigram indexes (src/readModel/rowsInMemory.ts, narrowToRows).
  it.runIf((process.env.TEST_DATABASE ?? 'sqlite') === 'sqlite')('answers a word no title holds without reading a row', async () => {
    await rowsHeldNow(payload, 'fr')
    const query = stringify({ where: { title: { like: 'zzqx' } }, depth: 1, locale: 'fr' }, { addQueryPrefix: false })
    const { result, selects } = await countSelects(payload, ['doc', 'total'], () => appAnswer(query))
    expect(result.body.docs).toEqual([])
    expect(result.body).toEqual(JSON.parse((await payloadAnswer(query)).text))
    expect(selects).toBe(0)
  })
})

describe('the GraphQL list from the read model', () => {
  /** The app's answer to a GraphQL query, and whether Payload's adapter read projects for it. */
  const graphqlAnswer = async (query: string) => {
    let stateReads = 0
    const { result, reads } = await countAdapterReads(payload, 'find', (args) => {
      if (args.collection === 'member-states') stateReads++
      return args.collection === 'projects'
    }, () => api.graphql(query))
    return { ...result, fromReadModel: reads === 0, stateReads }
  }
  const list = (args: string, selection = 'docs { id title slug summary status projectType idfRegion coverage startYear endYear budgetUSD memberStates { id name iso2 } }') =>
    `{ Projects(${args}) { ${selection} } }`
  /** The same query answered by Payload's resolver (draft: false reads what the public reads, and is not taken from the read model). */
  const reference = (query: string) => query.replace('Projects(', 'Projects(draft: false, ')

  it('gives Payload’s answer for the list queries it takes, with Payload’s enum values, relations and paging', async () => {
    const queries = [
      list('where: { idfRegion: { equals: africa }, status: { equals: completed } }, sort: "-endYear", limit: 10, locale: fr, pagination: false, select: true'),
      list('where: { AND: [{ status: { equals: active } }, { coverage: { equals: national } }] }, sort: "endYear", limit: 3, page: 2, locale: en'),
      list('where: { idfRegion: { equals: asia_oceania } }, sort: "-startYear", locale: es', 'docs { id idfRegion labels { idfRegion status } translatedLocales partners } totalDocs totalPages hasNextPage nextPage offset'),
      list('sort: "startYear", limit: 4, locale: fr, select: true', 'docs { ...card __typename } page pagingCounter', ) + ' fragment card on Project { slug endYear memberStates { name slug } createdAt }',
      list(`where: { slug: { equals: "${slugs.p6}" } }, locale: fr`, 'docs { title first: memberStates { iso2 } _status updatedAt }'),
      list('where: { title: { like: "projet" } }, limit: 10, locale: fr, pagination: false, select: true'),
      list('where: { title: { like: "project 1" } }, locale: en'),
      list('where: { projectType: { equals: "LM" } }, sort: "-endYear", limit: 250, locale: en, pagination: true'),
    ]
    for (const query of queries) {
      const ours = await graphqlAnswer(query)
      expect(ours.body.errors, query).toBeUndefined()
      expect(ours.body, query).toEqual((await api.graphql(reference(query))).body)
      expect(ours.fromReadModel, query).toBe(true)
    }
    // The Member States the stored pages hold are not read again (unless asked for other fields).
    const cards = await graphqlAnswer(queries[0]!)
    expect(cards.stateReads).toBe(0)
    const more = await graphqlAnswer(list('sort: "-endYear", locale: fr, select: true', 'docs { memberStates { name idfRegion } }'))
    expect(more.stateReads).toBe(1)
    expect(more.body).toEqual((await api.graphql(reference(list('sort: "-endYear", locale: fr, select: true', 'docs { memberStates { name idfRegion } }')))).body)
  })

  it('leaves to Payload the queries it does not take: rich text, joins, related projects, drafts, no locale', async () => {
    const queries = [
      list('sort: "-endYear", locale: fr', 'docs { title description }'),
      list('sort: "-endYear", locale: fr', 'docs { title outcomes { docs { id } } }'),
      list('sort: "-endYear", locale: fr', 'docs { title relatedProjects { title } }'),
      list('sort: "-endYear"'),
      list('sort: "title", locale: fr'),
      list('where: { summary: { like: "summary" } }, sort: "-endYear", locale: fr'),
    ]
    for (const query of queries) {
      const ours = await graphqlAnswer(query)
      expect(ours.fromReadModel, query).toBe(false)
      expect(ours.body, query).toEqual((await api.graphql(reference(query))).body)
    }
    // Labels selected without their fields (Payload's are empty then), a field asked for in a
    // second node of the same list (merged by GraphQL), a fallback chosen on the request.
    const more = [
      list('sort: "-endYear", locale: fr, select: true', 'docs { labels { status } }'),
      '{ Projects(sort: "-endYear", locale: fr) { docs { title } } Projects(sort: "-endYear", locale: fr) { docs { description } } }',
    ]
    for (const query of more) {
      const ours = await graphqlAnswer(query)
      expect(ours.fromReadModel, query).toBe(false)
      expect(ours.body, query).toEqual((await api.graphql(reference(query).replaceAll('Projects(sort', 'Projects(draft: false, sort'))).body)
    }
    const { POST } = await import('../src/app/(payload)/api/graphql/route')
    const noFallback = async (query: string) => {
      const request = new Request('http://localhost:3000/api/graphql?fallback-locale=none', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query }) })
      return (await POST(request)).json()
    }
    const strict = list('sort: "-endYear", locale: es, limit: 20', 'docs { title summary }')
    const { result, reads } = await countAdapterReads(payload, 'find', (args) => args.collection === 'projects', () => noFallback(strict))
    expect(reads).toBeGreaterThan(0)
    expect(result).toEqual(await noFallback(reference(strict)))
    expect((result as any).data.Projects.docs.some((doc: any) => doc.title === null)).toBe(true)
    // A NUL character in a search is Payload's to refuse, as over REST.
    const nul = await api.graphql(list('where: { title: { like: "nul\\u0000" } }, locale: fr'))
    expect(nul.body.errors[0].message).toMatch(/NUL/)
  })
})

