// Set before the Payload config loads: the origins allowed to call the API from a browser.
process.env.CORS_ORIGINS = 'https://www.example.org, https://preview.example.org/'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createApi, startApp } from './helpers/api'
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
