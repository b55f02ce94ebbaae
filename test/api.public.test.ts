// Set before the Payload config loads: the origins allowed to call the API from a browser.
process.env.CORS_ORIGINS = 'https://www.example.org, https://preview.example.org/'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createApi, startApp } from './helpers/api'
import { countAdapterReads } from './helpers/expectations'
import { seedStates, validProject } from './helpers/fixtures'
import { createUser } from './helpers/payload'

/** What external front ends build on: facets in one call, cacheable public reads, CORS by configuration. */
let payload: Payload
let api: ReturnType<typeof createApi>
let route: typeof import('../src/app/(payload)/api/[...slug]/route')
let states: Record<string, number | string>

const get = async (path: string, headers: Record<string, string> = {}) => {
  const url = new URL(`http://localhost:3000/api${path}`)
  const slug = url.pathname.replace(/^\/api\//, '').split('/').filter(Boolean)
  return route.GET(new Request(url, { headers }), { params: Promise.resolve({ slug }) })
}

beforeAll(async () => {
  ;({ payload, api } = await startApp())
  route = await import('../src/app/(payload)/api/[...slug]/route')
  states = await seedStates(payload, ['LS', 'BF', 'ML', 'FR'])
  const publish = { _status: 'published', reviewStatus: 'approved' }
  await payload.create({ collection: 'projects', locale: 'fr', data: validProject(states.LS!, { status: 'completed', startYear: 2020, endYear: 2022, ...publish }) as any })
  await payload.create({ collection: 'projects', locale: 'fr', data: validProject(states.BF!, { coverage: 'regional', memberStates: [states.BF, states.ML], endYear: 2025, ...publish }) as any })
  await payload.create({ collection: 'projects', locale: 'fr', data: validProject(states.FR!, { idfRegion: 'europe', ...publish }) as any })
  // A draft counts for nobody outside the staff.
  await payload.create({ collection: 'projects', locale: 'fr', draft: true, data: validProject(states.ML!, { status: 'pipeline' }) as any })
})
afterAll(async () => {
  await payload?.destroy()
})

describe('GET /api/projects/facets', () => {
  it('counts the published projects per value for the current filter, labels in the locale', async () => {
    const { status, body } = await api.rest('GET', '/projects/facets?locale=fr&where[idfRegion][equals]=africa')
    expect(status).toBe(200)
    expect(body.totalDocs).toBe(2)
    expect(body.facets.status).toEqual([
      { value: 'active', label: 'Actif', count: 1 },
      { value: 'completed', label: 'Achevé', count: 1 },
    ])
    expect(body.facets.coverage).toEqual([
      { value: 'national', label: 'National', count: 1 },
      { value: 'regional', label: 'Régional', count: 1 },
    ])
    expect(body.facets.memberStates.map((state: any) => [state.value, state.count])).toEqual([
      ['BF', 1],
      ['LS', 1],
      ['ML', 1],
    ])
    expect(body.facets.endYear).toEqual([
      { value: 2022, label: '2022', count: 1 },
      { value: 2025, label: '2025', count: 1 },
    ])
    const all = await api.rest('GET', '/projects/facets?locale=en')
    expect(all.body.totalDocs).toBe(3)
    expect(all.body.facets.idfRegion).toEqual([
      { value: 'africa', label: 'Africa', count: 2 },
      { value: 'europe', label: 'Europe', count: 1 },
    ])
    expect((await api.rest('GET', '/projects/facets?locale=de')).status).toBe(400)
  })

  it('counts drafts too for staff, who read them', async () => {
    const token = await api.login((await createUser(payload, ['editor'])).email)
    const { body } = await api.rest('GET', '/projects/facets?locale=fr', { token })
    expect(body.totalDocs).toBe(4)
  })
})

describe('public reads', () => {
  it('carry an ETag and revalidate: a repeated read is a 304 until the content changes', async () => {
    const first = await get('/projects?locale=fr&depth=0')
    expect(first.status).toBe(200)
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    const again = await get('/projects?locale=fr&depth=0', { 'If-None-Match': etag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')

    await payload.create({ collection: 'projects', locale: 'fr', data: validProject(states.LS!, { _status: 'published', reviewStatus: 'approved' }) as any })
    const changed = await get('/projects?locale=fr&depth=0', { 'If-None-Match': etag })
    expect(changed.status).toBe(200)
    expect(changed.headers.get('etag')).not.toBe(etag)
  })

  it('are never cached for signed-in callers', async () => {
    const token = await api.login((await createUser(payload, ['reviewer'])).email)
    const response = await get('/projects?depth=0', { Authorization: `JWT ${token}` })
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect(response.headers.get('etag')).toBeNull()
  })

  it('allow browsers on the configured origins only (CORS_ORIGINS)', async () => {
    const allowed = await get('/projects?depth=0', { Origin: 'https://www.example.org' })
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://www.example.org')
    const trailingSlash = await get('/projects?depth=0', { Origin: 'https://preview.example.org' })
    expect(trailingSlash.headers.get('access-control-allow-origin')).toBe('https://preview.example.org')
    const other = await get('/projects?depth=0', { Origin: 'https://evil.example.com' })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
    const preflight = await route.OPTIONS(
      new Request('http://localhost:3000/api/projects', { method: 'OPTIONS', headers: { Origin: 'https://www.example.org', 'Access-Control-Request-Method': 'GET' } }),
      { params: Promise.resolve({ slug: ['projects'] }) },
    )
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://www.example.org')
  })
})

describe('GraphQL for a project page', () => {
  it('gives everything the page shows in one query, as docs/api.md writes it', async () => {
    const slug = (await payload.find({ collection: 'projects', where: { coverage: { equals: 'regional' } }, limit: 1 })).docs[0]!.slug
    await payload.create({ collection: 'outcomes', locale: 'fr', data: { project: (await payload.find({ collection: 'projects', where: { slug: { equals: slug } } })).docs[0]!.id, statement: 'Un effet.', _status: 'published' } as any })
    const { body } = await api.graphql(
      `query ProjectPage($slug: String!) {
        Projects(where: { slug: { equals: $slug } }, locale: fr, limit: 1) {
          docs {
            title summary startYear endYear budgetUSD primaId projectId translatedLocales
            labels { status projectType coverage idfRegion }
            memberStates { name iso2 }
            outcomes(sort: "order") { docs { numeral statement } }
            description
          }
        }
      }`,
      { slug },
    )
    expect(body.errors).toBeUndefined()
    const [project] = body.data.Projects.docs
    expect(project.labels).toEqual({ status: 'Actif', projectType: 'Migration de main-d’œuvre', coverage: 'Régional', idfRegion: 'Afrique' })
    expect(project.memberStates.map((state: any) => state.iso2)).toEqual(['BF', 'ML'])
    expect(project.outcomes.docs).toEqual([{ numeral: 'i', statement: 'Un effet.' }])
  })
})

describe('related projects', () => {
  it('show the public the published ones only, over REST, GraphQL and the page; staff see them all', async () => {
    const publish = { _status: 'published', reviewStatus: 'approved' }
    const draft = await payload.create({ collection: 'projects', draft: true, data: validProject(states.LS!, { title: 'Unpublished neighbour' }) as any })
    const shown = await payload.create({ collection: 'projects', data: validProject(states.BF!, { title: 'Published neighbour', ...publish }) as any })
    const both = await payload.create({ collection: 'projects', data: validProject(states.ML!, { title: 'Relates to both', relatedProjects: [draft.id, shown.id], ...publish }) as any })
    const one = await payload.create({ collection: 'projects', data: validProject(states.FR!, { title: 'Relates to the draft', idfRegion: 'europe', relatedProjects: [draft.id], ...publish }) as any })
    const related = async (depth: number, token?: string) => {
      const { status, body } = await api.rest('GET', `/projects?where[id][in]=${both.id},${one.id}&sort=title&depth=${depth}`, { token })
      expect(status).toBe(200)
      return body.docs.map((doc: any) => doc.relatedProjects.map((ref: any) => (typeof ref === 'object' ? ref.title : ref)))
    }
    // Not a bare ID among the populated projects, nor an ID at depth 0: the draft is not there at all.
    expect(await related(1)).toEqual([['Published neighbour'], []])
    expect(await related(0)).toEqual([[shown.id], []])
    // The documents of a list are checked together: one lookup, not one per document.
    const lookup = (args: any) => args.collection === 'projects' && JSON.stringify(args.select) === '{"id":true}'
    expect((await countAdapterReads(payload, 'find', lookup, () => related(0))).reads).toBe(1)
    const graphql = async (token?: string) =>
      (await api.graphql(`{ Projects(where: { OR: [{ id: { equals: ${JSON.stringify(both.id)} } }, { id: { equals: ${JSON.stringify(one.id)} } }] }, sort: "title") { docs { relatedProjects { title } } } }`, {}, { token })).body
    expect((await graphql()).data.Projects.docs).toEqual([{ relatedProjects: [{ title: 'Published neighbour' }] }, { relatedProjects: [] }])
    const page = async () => (await api.rest('GET', `/projects/page/${both.slug}`)).body.relatedProjects.map((doc: any) => doc.title)
    expect(await page()).toEqual(['Published neighbour'])
    // The Local API as a front end's server code calls it, access enforced.
    const local = await payload.findByID({ collection: 'projects', id: one.id, depth: 0, overrideAccess: false })
    expect(local.relatedProjects).toEqual([])

    const token = await api.login((await createUser(payload, ['editor'])).email)
    expect(await related(1, token)).toEqual([['Unpublished neighbour', 'Published neighbour'], ['Unpublished neighbour']])
    expect(await related(0, token)).toEqual([[draft.id, shown.id], [draft.id]])
    expect((await graphql(token)).data.Projects.docs[1]).toEqual({ relatedProjects: [{ title: 'Unpublished neighbour' }] })

    // Published, it shows everywhere at once.
    await payload.update({ collection: 'projects', id: draft.id, data: publish as any })
    expect(await related(1)).toEqual([['Unpublished neighbour', 'Published neighbour'], ['Unpublished neighbour']])
    expect(await page()).toEqual(['Unpublished neighbour', 'Published neighbour'])
  })
})

describe('filters on related projects', () => {
  it('find for the public only the links it is shown, through REST, GraphQL, counts and facets; staff find them all', async () => {
    const publish = { _status: 'published', reviewStatus: 'approved' }
    const hidden = await payload.create({ collection: 'projects', draft: true, data: validProject(states.LS!, { title: 'Hidden neighbour filtered' }) as any })
    const visible = await payload.create({ collection: 'projects', data: validProject(states.BF!, { title: 'Visible neighbour filtered', ...publish }) as any })
    const toHidden = await payload.create({ collection: 'projects', data: validProject(states.ML!, { title: 'Links the hidden one', relatedProjects: [hidden.id], ...publish }) as any })
    const toBoth = await payload.create({ collection: 'projects', data: validProject(states.ML!, { title: 'Links both', relatedProjects: [hidden.id, visible.id], ...publish }) as any })
    const mine = `where[id][in]=${toHidden.id},${toBoth.id}`
    const titles = async (filter: string, token?: string) => {
      const { status, body } = await api.rest('GET', `/projects?${mine}&${filter}&sort=title&depth=0`, { token })
      expect(status, JSON.stringify(body)).toBe(200)
      return body.docs.map((doc: any) => doc.title)
    }
    const cases: [string, string[]][] = [
      [`where[relatedProjects][in]=${hidden.id}`, []],
      [`where[relatedProjects][equals]=${hidden.id}`, []],
      [`where[relatedProjects][contains]=${hidden.id}`, []],
      [`where[relatedProjects.id][in]=${hidden.id}`, []],
      [`where[relatedProjects][in]=${hidden.id},${visible.id}`, ['Links both']],
      [`where[relatedProjects][all]=${hidden.id},${visible.id}`, []],
      [`where[relatedProjects][not_in]=${hidden.id}`, ['Links both', 'Links the hidden one']],
      [`where[relatedProjects][exists]=true`, ['Links both']],
      [`where[or][0][relatedProjects][equals]=${hidden.id}&where[or][1][title][equals]=Links both`, ['Links both']],
      // Payload's other spellings: `OR`/`AND` in capitals (GraphQL's), `__` between path segments.
      [`where[OR][0][relatedProjects][in]=${hidden.id}&where[OR][1][title][equals]=Nothing`, []],
      [`where[AND][0][relatedProjects][in]=${hidden.id}`, []],
      [`where[relatedProjects__id][in]=${hidden.id}`, []],
    ]
    for (const [filter, expected] of cases) expect(await titles(filter), filter).toEqual(expected)
    const count = await api.rest('GET', `/projects/count?where[relatedProjects][in]=${hidden.id}`)
    expect(count.body.totalDocs).toBe(0)
    const graphql = await api.graphql(`{ Projects(where: { relatedProjects: { in: [${JSON.stringify(hidden.id)}] } }) { totalDocs } }`)
    expect(graphql.body.data.Projects.totalDocs).toBe(0)
    const facets = await api.rest('GET', `/projects/facets?where[relatedProjects][in]=${hidden.id}`)
    expect(facets.status).toBe(200)
    expect(facets.body.totalDocs).toBe(0)
    for (const path of ['project.relatedProjects', 'project__relatedProjects']) {
      const outcomes = await api.rest('GET', `/outcomes?where[${path}][in]=${hidden.id}`)
      expect([outcomes.status, outcomes.body.totalDocs], path).toEqual([200, 0])
    }
    const inGraphQL = await api.graphql(`{ Projects(where: { OR: [{ relatedProjects: { in: [${JSON.stringify(hidden.id)}] } }] }) { totalDocs } }`)
    expect(inGraphQL.body.data.Projects.totalDocs).toBe(0)
    // A junction that is not a list is Payload's to refuse, not a 500.
    expect((await api.rest('GET', `/projects?where[or][x][relatedProjects][in]=${hidden.id}`)).status).toBeLessThan(500)
    const ranged = await api.rest('GET', `/projects?where[relatedProjects][greater_than]=0`)
    expect(ranged.status).toBe(400)
    expect(ranged.body.errors[0].message).toMatch(/filter relatedProjects with equals/)

    const token = await api.login((await createUser(payload, ['editor'])).email)
    expect(await titles(`where[relatedProjects][in]=${hidden.id}`, token)).toEqual(['Links both', 'Links the hidden one'])
    expect(await titles(`where[relatedProjects][exists]=true`, token)).toEqual(['Links both', 'Links the hidden one'])
    // Published, it is found by everyone.
    await payload.update({ collection: 'projects', id: hidden.id, data: publish as any })
    expect(await titles(`where[relatedProjects][in]=${hidden.id}`)).toEqual(['Links both', 'Links the hidden one'])
  })
})

describe('draft=true from an anonymous caller', () => {
  it('reads what it reads without it: published pages with a newer draft stay, as they are published', async () => {
    const publish = { _status: 'published', reviewStatus: 'approved' }
    const neighbour = await payload.create({ collection: 'projects', data: validProject(states.BF!, { title: 'Neighbour as published', ...publish }) as any })
    const page = await payload.create({ collection: 'projects', data: validProject(states.ML!, { title: 'Page as published', relatedProjects: [neighbour.id], ...publish }) as any })
    for (const doc of [neighbour, page]) {
      await payload.update({ collection: 'projects', id: doc.id, draft: true, data: { title: `${doc.title} (draft)` } as any })
    }
    const where = `where[id][in]=${page.id},${neighbour.id}&sort=title&depth=1`
    const titles = async (query: string) => (await api.rest('GET', `/projects?${query}`)).body.docs.map((doc: any) => [doc.title, doc.relatedProjects.map((ref: any) => ref.title ?? ref)])
    const published = [['Neighbour as published', []], ['Page as published', ['Neighbour as published']]]
    expect(await titles(where)).toEqual(published)
    expect(await titles(`${where}&draft=true`)).toEqual(published)
    const byId = await api.rest('GET', `/projects/${page.id}?draft=true&depth=1`)
    expect([byId.body.title, byId.body.relatedProjects.map((ref: any) => ref.title)]).toEqual(['Page as published', ['Neighbour as published']])
    // Staff read the drafts.
    const token = await api.login((await createUser(payload, ['editor'])).email)
    expect((await api.rest('GET', `/projects/${page.id}?draft=true&depth=0`, { token })).body.title).toBe('Page as published (draft)')
  })
})
