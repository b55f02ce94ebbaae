import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createApi, startApp } from './helpers/api'
import { seedStates, validProject } from './helpers/fixtures'
import { createUser } from './helpers/payload'

/**
 * Every REST route of every collection, called as an anonymous front end would: nothing beyond
 * published content is readable (every secret below is planted where only staff may see it) and
 * nothing is writable (the database is the same afterwards).
 */
let payload: Payload
let api: ReturnType<typeof createApi>
const ids: Record<string, number | string> = {}

const snapshot = async () => {
  const counts: Record<string, unknown> = {}
  for (const collection of payload.config.collections) {
    if (collection.slug === 'payload-migrations') continue
    counts[collection.slug] = (await payload.count({ collection: collection.slug as any })).totalDocs
    if (collection.versions) counts[`${collection.slug} versions`] = (await payload.countVersions({ collection: collection.slug as any })).totalDocs
  }
  counts.publicTitle = (await payload.findByID({ collection: 'projects', id: ids.published!, depth: 0 })).title
  counts.users = (await payload.find({ collection: 'users', depth: 0, limit: 0, pagination: false })).docs.map((user: any) => [user.email, user.roles, user.loginAttempts ?? 0])
  return counts
}

beforeAll(async () => {
  ;({ payload, api } = await startApp())
  const states = await seedStates(payload, ['LS'])
  const editor = await createUser(payload, ['editor'], 'secretuser')
  const published = await payload.create({ collection: 'projects', data: validProject(states.LS!, { title: 'Public title', _status: 'published', reviewStatus: 'approved' }) as any })
  ids.published = published.id
  await payload.update({ collection: 'projects', id: published.id, draft: true, data: { title: 'SECRET draft title', summary: 'SECRET draft summary' } as any, user: editor, overrideAccess: false })
  const draftOnly = await payload.create({ collection: 'projects', draft: true, data: validProject(states.LS!, { title: 'SECRET draft-only project' }) as any })
  ids.draftOnly = draftOnly.id
  await payload.update({ collection: 'projects', id: draftOnly.id, draft: true, data: { reviewStatus: 'in-review' } as any, user: editor, overrideAccess: false })
  await payload.create({ collection: 'review-events', data: { project: published.id, kind: 'note', note: 'SECRET review note' } as any })
  const outcome = await payload.create({ collection: 'outcomes', draft: true, data: { project: published.id, statement: 'SECRET draft outcome' } as any })
  ids.outcome = outcome.id
  ids.memberState = states.LS!
  ids.user = editor.id
  ids.reviewEvent = (await payload.find({ collection: 'review-events', limit: 1 })).docs[0]!.id
})
afterAll(async () => {
  await payload?.destroy()
})

/** Where a route needs an ID, one of a document that exists (a draft where there is one). */
const idFor = (slug: string) =>
  ({ projects: ids.draftOnly, outcomes: ids.outcome, 'member-states': ids.memberState, users: ids.user, 'review-events': ids.reviewEvent })[slug] ?? 1


/** Anonymous calls that may succeed without reading or changing anything of anyone's. */
const HARMLESS_SUCCESSES = new Set(['POST /users/logout', 'POST /users/forgot-password', 'GET /users/me', 'GET /users/init'])

describe('the REST surface, anonymously', () => {
  it('reads nothing but published content and writes nothing, on every route of every collection', async () => {
    const before = await snapshot()
    const calls: string[] = []
    for (const collection of payload.config.collections) {
      for (const endpoint of collection.endpoints || []) {
        if (!endpoint) continue
        const method = endpoint.method.toUpperCase()
        const path = `/${collection.slug}${endpoint.path}`
          .replace(':id?', String(idFor(collection.slug)))
          .replace(':id', String(idFor(collection.slug)))
          .replace(':key', 'nav')
          .replace(/\/$/, '')
        const body = method === 'GET' || method === 'DELETE' ? undefined : { title: 'written anonymously', email: 'nobody@example.org', password: 'x', statement: 'x', name: 'x', note: 'x', project: ids.published, key: 'nav', value: {} }
        for (const suffix of method === 'GET' ? ['', '?draft=true', '?draft=true&depth=2&locale=all'] : ['', '?draft=true']) {
          if (!['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].includes(method)) continue
          const response = await api.rest(method as any, `${path}${suffix}`, { body })
          const route = `${method} ${path.replace(/\/\d+/, '/:id')}`
          calls.push(`${route}${suffix} → ${response.status}`)
          expect(JSON.stringify(response.body ?? ''), `${route}${suffix}`).not.toMatch(/SECRET|secretuser/)
          if (method !== 'GET' && !HARMLESS_SUCCESSES.has(route) && !route.endsWith('/access/:id') && !route.endsWith('/access')) {
            expect(response.status, `${route}${suffix} answered ${response.status}`).toBeGreaterThanOrEqual(400)
          }
          expect(response.status, `${route}${suffix} answered ${response.status}`).toBeLessThan(500)
        }
      }
    }
    expect(await snapshot()).toEqual(before)
    expect(calls.length).toBeGreaterThan(150)
  })

  it('shows only published versions and none of the review history, drafts or accounts through GraphQL', async () => {
    const queries = [
      '{ Projects(draft: true, limit: 100) { docs { title summary reviewStatus reviewNote } } }',
      '{ Project(id: %draftOnly%, draft: true) { title } }',
      '{ versionsProjects(limit: 100) { docs { version { title summary } } } }',
      '{ Outcomes(draft: true) { docs { statement } } }',
      '{ versionsOutcomes { docs { version { statement } } } }',
      '{ ReviewEvents { docs { note byName } } }',
      '{ Users { docs { email name } } }',
      '{ meUser { user { email } } }',
    ]
    for (const query of queries) {
      const { body } = await api.graphql(query.replace('%draftOnly%', String(ids.draftOnly)))
      expect(JSON.stringify(body), query).not.toMatch(/SECRET|secretuser/)
    }
    const mutations = [
      `mutation { createProject(data: { title: "written anonymously" }) { id } }`,
      `mutation { updateProject(id: ${ids.published}, data: { title: "written anonymously" }) { id } }`,
      `mutation { deleteProject(id: ${ids.published}) { id } }`,
      `mutation { createReviewEvent(data: { project: ${ids.published}, kind: note, note: "x" }) { id } }`,
      `mutation { createUser(data: { email: "nobody@example.org", password: "x" }) { id } }`,
    ]
    const before = await snapshot()
    for (const mutation of mutations) {
      const { body } = await api.graphql(mutation)
      expect(body.errors?.length, mutation).toBeGreaterThan(0)
    }
    expect(await snapshot()).toEqual(before)
  })
})
