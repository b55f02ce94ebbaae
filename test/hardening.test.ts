import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { capPublicQueries, MAX_PUBLIC_LIMIT } from '../src/hooks/capPublicQueries'
import { createApi, startApp } from './helpers/api'
import { seedStates, validProject } from './helpers/fixtures'
import { createUser, TEST_PASSWORD } from './helpers/payload'

/** The API surface under abuse: guessing passwords, unbounded reads, runaway GraphQL, bad queries. */
let payload: Payload
let api: ReturnType<typeof createApi>
let states: Record<string, number | string>

beforeAll(async () => {
  ;({ payload, api } = await startApp())
  states = await seedStates(payload, ['LS', 'ZA'])
  for (let n = 0; n < 3; n++) {
    await payload.create({ collection: 'projects', data: validProject(states.LS!, { _status: 'published', reviewStatus: 'approved' }) as any })
  }
})
afterAll(async () => {
  await payload?.destroy()
})

describe('accounts', () => {
  it('get a session cookie scripts cannot read and other sites cannot send', async () => {
    const user = await createUser(payload, ['editor'])
    const login = await api.rest('POST', '/users/login', { body: { email: user.email, password: TEST_PASSWORD } })
    expect(login.status).toBe(200)
    const cookie = login.headers?.get('set-cookie') ?? ''
    expect(cookie).toMatch(/payload-token=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    // Served over http here (no SERVER_URL): Secure is set only behind https.
    expect(cookie).not.toMatch(/;\s*Secure/i)
  })

  it('lock after five wrong passwords: even the right one is refused for a while', async () => {
    const user = await createUser(payload, ['editor'])
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await api.rest('POST', '/users/login', { body: { email: user.email, password: 'wrong-password' } })).status).toBe(401)
    }
    const locked = await api.rest('POST', '/users/login', { body: { email: user.email, password: TEST_PASSWORD } })
    expect(locked.status).toBe(401)
    expect(JSON.stringify(locked.body)).toMatch(/locked/i)
  })
})

describe('reads', () => {
  it('serve anonymous callers at most one page of a bounded size, whatever they ask', async () => {
    for (const query of ['limit=0', 'pagination=false', 'limit=100000']) {
      const { status, body } = await api.rest('GET', `/member-states?depth=0&${query}`)
      expect(status).toBe(200)
      expect(body.limit).toBe(MAX_PUBLIC_LIMIT)
      expect(body.docs.length).toBeLessThanOrEqual(MAX_PUBLIC_LIMIT)
    }
    expect((await api.rest('GET', '/projects?limit=2')).body.docs).toHaveLength(2)
    expect((await api.rest('GET', '/projects')).body.limit).toBe(10)
    const { body } = await api.graphql('{ Projects(limit: 0) { limit docs { id } } }')
    expect(body.data.Projects.limit).toBe(MAX_PUBLIC_LIMIT)
  })

  it('cap a join asked for whole (limit 0) as they cap the list, for anonymous callers only', async () => {
    const read = (args: Record<string, unknown>, req: Record<string, unknown>) =>
      capPublicQueries({ args, operation: 'read', req, collection: {} } as unknown as Parameters<typeof capPublicQueries>[0]) as any
    const anonymous = read({ limit: 10, joins: { projects: { limit: 0 }, outcomes: { limit: 5 }, other: false } }, { user: null, payloadAPI: 'REST' })
    expect(anonymous.joins).toEqual({ projects: { limit: MAX_PUBLIC_LIMIT }, outcomes: { limit: 5 }, other: false })
    expect(read({ joins: { projects: { limit: 0 } } }, { user: { id: 1 }, payloadAPI: 'REST' }).joins.projects.limit).toBe(0)
    expect(read({ joins: { projects: { limit: 0 } }, overrideAccess: true }, { user: null, payloadAPI: 'REST' }).joins.projects.limit).toBe(0)
    const { status, body } = await api.rest('GET', '/member-states?joins[projects][limit]=0&depth=1&limit=2')
    expect(status).toBe(200)
    expect(body.docs.length).toBeLessThanOrEqual(2)
  })

  it('leave signed-in staff and server code uncapped', async () => {
    const token = await api.login((await createUser(payload, ['editor'])).email)
    expect((await api.rest('GET', '/projects?limit=0&depth=0', { token })).body.docs).toHaveLength(3)
    expect((await payload.find({ collection: 'projects', pagination: false, overrideAccess: false })).docs).toHaveLength(3)
  })

  it('refuse GraphQL queries nested deeper than a page needs, with a clear error', async () => {
    let nested = 'id'
    for (let level = 0; level < 12; level++) nested = `id relatedProjects { ${nested} }`
    const { body } = await api.graphql(`{ Projects(limit: 100) { docs { ${nested} } } }`)
    expect(body.data ?? null).toBeNull()
    expect(body.errors[0].message).toMatch(/exceeds maximum operation depth of 8/)
    // A real page's query stays well within it.
    const page = await api.graphql('{ Projects(limit: 1) { docs { title labels { status } memberStates { name } outcomes { docs { numeral statement } } } } }')
    expect(page.body.errors).toBeUndefined()
  })

  it('answer malformed or impossible filters with a 4xx naming the problem, never a 500', async () => {
    for (const query of ['where[nowhere][equals]=1', 'where[budgetUSD][like]=%', 'where[startYear][greater_than]=soon', 'where[memberStates][in]=abc', 'sort=nowhere', 'where[or][0]=x']) {
      const { status } = await api.rest('GET', `/projects?${query}`)
      expect(status, query).toBeLessThan(500)
    }
    const { status, body } = await api.rest('GET', '/projects?where[nowhere][equals]=1')
    expect(status).toBe(400)
    expect(JSON.stringify(body)).toContain('nowhere')
    const badId = await api.rest('GET', '/projects?where[memberStates][in]=abc')
    expect(badId.status).toBe(400)
    expect(badId.body.errors[0].message).toBe('where.memberStates.in: “abc” is not an ID.')
    // Every operator on an ID, not only the ones that list IDs (a 500 from the driver on both SQL databases).
    for (const [path, message] of [
      ['/projects?where[memberStates][like]=abc', 'where.memberStates.like: “abc” is not an ID.'],
      ['/projects?where[relatedProjects][greater_than]=soon', 'where.relatedProjects.greater_than: “soon” is not an ID.'],
      ['/projects/facets?where[memberStates][contains]=abc', 'where.memberStates.contains: “abc” is not an ID.'],
      ['/outcomes?where[project][not_like]=abc', 'where.project.not_like: “abc” is not an ID.'],
      ['/projects/count?where[id][less_than]=abc', 'where.id.less_than: “abc” is not an ID.'],
      // Payload reads `and`/`or` in any case: inside them too.
      ['/projects?where[OR][0][memberStates][equals]=abc', 'where.memberStates.equals: “abc” is not an ID.'],
      ['/outcomes?where[And][0][or][0][project][in]=1,abc', 'where.project.in: “abc” is not an ID.'],
    ]) {
      const answer = await api.rest('GET', path!)
      expect(answer.status, path).toBe(400)
      expect(answer.body.errors[0].message, path).toBe(message)
    }
    expect((await api.rest('GET', '/projects?where[memberStates][exists]=true')).status).toBe(200)
    expect((await api.rest('GET', '/projects?where[id][greater_than]=1')).status).toBe(200)
    // A NUL character, which PostgreSQL's text refuses, in every kind of public read.
    for (const path of ['/projects?where[slug][equals]=a%00b', '/projects?where[title][like]=%00', '/projects/cards?q=%00', '/projects/cards/facets?q=a%00', '/outcomes?where[statement][like]=%00', '/projects/facets?where[slug][equals]=%00']) {
      const answer = await api.rest('GET', path)
      expect(answer.status, path).toBe(400)
      expect(answer.body.errors[0].message, path).toMatch(/contains a NUL character \(U\+0000\)/)
    }
    // No page has such a slug.
    expect((await api.rest('GET', '/projects/page/a%00b')).status).toBe(404)
    const graphql = await api.graphql('{ ProjectCards(q: "a\\u0000") { docs { id } } }')
    expect(graphql.body.errors[0].message).toMatch(/q contains a NUL character/)
    // A value a select field cannot hold (a 500 on PostgreSQL, where it is an enum), in lists,
    // counts and the facets, on every collection.
    for (const path of [
      '/projects?where[status][equals]=finished',
      '/projects?where[or][0][idfRegion][in]=africa,mars',
      '/projects?where[OR][0][status][equals]=finished',
      '/projects/facets?where[AND][0][Or][0][coverage][equals]=worldwide',
      '/projects/count?where[coverage][equals]=',
      '/projects/facets?where[status][equals]=finished',
      '/outcomes?where[_status][equals]=live',
    ]) {
      const answer = await api.rest('GET', path)
      expect(answer.status, path).toBe(400)
      expect(answer.body.errors[0].message, path).toMatch(/^where\.(status|idfRegion|coverage|_status)\.(equals|in): “.*” is not one of /)
    }
    expect((await api.rest('GET', '/projects?where[status][in]=active,completed')).status).toBe(200)
  })
})

describe('rich text', () => {
  const text = (value: string) => ({ type: 'text', text: value, version: 1, format: 0, detail: 0, mode: 'normal', style: '' })
  const link = (url: string, label: string) => ({ type: 'link', version: 3, fields: { url, newTab: false, linkType: 'custom' }, children: [text(label)], direction: 'ltr', format: '', indent: 0 })
  const paragraph = (...children: unknown[]) => ({ type: 'paragraph', version: 1, children, direction: 'ltr', format: '', indent: 0, textFormat: 0 })

  it('never keeps a javascript:, data: or vbscript: link, whoever sends it; the words stay, web links too', async () => {
    const token = await api.login((await createUser(payload, ['editor'])).email)
    const description = {
      root: {
        type: 'root',
        version: 1,
        direction: 'ltr',
        format: '',
        indent: 0,
        children: [
          paragraph(text('See '), link('javascript:alert(document.cookie)', 'the report'), text(' and '), link('https://www.iom.int/', 'IOM')),
          paragraph(link('  JaVaScRiPt:alert(1)', 'shouting'), link('data:text/html;base64,PHNjcmlwdD4=', 'data'), link('vbscript:msgbox(1)', 'basic')),
        ],
      },
    }
    const created = await api.rest('POST', '/projects?draft=true', { token, body: { ...validProject(states.ZA!), description } })
    expect(created.status).toBe(201)
    const stored = JSON.stringify((await payload.findByID({ collection: 'projects', id: created.body.doc.id, draft: true })).description)
    expect(stored).not.toMatch(/javascript:|data:text|vbscript:/i)
    expect(stored).toContain('https://www.iom.int/')
    for (const words of ['the report', 'shouting', 'IOM', 'basic']) expect(stored).toContain(words)
  })
})

describe('oversized bodies', () => {
  it('are refused with a 413 before anything reads them, over REST and GraphQL, and nothing is written', async () => {
    const rest = await import('../src/app/(payload)/api/[...slug]/route')
    const graphql = await import('../src/app/(payload)/api/graphql/route')
    const editor = await createUser(payload, ['editor'])
    const { body: login } = await api.rest('POST', '/users/login', { body: { email: editor.email, password: TEST_PASSWORD } })
    const headers = { 'content-type': 'application/json', authorization: `JWT ${login.token}`, 'sec-fetch-site': 'same-origin' }
    const before = (await payload.count({ collection: 'projects' })).totalDocs
    const huge = JSON.stringify(validProject(states.LS!, { summary: 'x'.repeat(2 * 1024 * 1024) }))
    const params = (...slug: string[]) => ({ params: Promise.resolve({ slug }) })

    const declared = await rest.POST(new Request('http://localhost:3000/api/projects', { method: 'POST', headers, body: huge }), params('projects'))
    expect(declared.status).toBe(413)
    expect((await declared.json()).errors[0].message).toMatch(/larger than 1 MB/)

    // Sent in chunks without a Content-Length: read up to the limit, then refused.
    const chunked = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 3; i++) controller.enqueue(new TextEncoder().encode(huge.slice(i * 800_000, (i + 1) * 800_000)))
        controller.close()
      },
    })
    const streamed = await rest.PATCH(
      new Request('http://localhost:3000/api/projects/1', { method: 'PATCH', headers, body: chunked, duplex: 'half' } as RequestInit),
      params('projects', '1'),
    )
    expect(streamed.status).toBe(413)

    const query = await graphql.POST(new Request('http://localhost:3000/api/graphql', { method: 'POST', headers, body: JSON.stringify({ query: `{ ${'a'.repeat(1_100_000)} }` }) }))
    expect(query.status).toBe(413)
    expect((await payload.count({ collection: 'projects' })).totalDocs).toBe(before)

    // A normal body still goes through the same wrapper.
    const small = await rest.POST(
      new Request('http://localhost:3000/api/projects', { method: 'POST', headers, body: JSON.stringify(validProject(states.LS!)) }),
      params('projects'),
    )
    expect(small.status).toBe(201)
  })
})
