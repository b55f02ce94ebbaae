import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createApi, startApp } from './helpers/api'
import { snapshotCounts } from './helpers/expectations'
import { seedStates, validProject } from './helpers/fixtures'
import { createUser } from './helpers/payload'

/**
 * API keys for server-to-server front ends: a `reader` account's key reads drafts (previews) and
 * nothing else; no API key writes, whosever it is.
 */
let payload: Payload
let api: ReturnType<typeof createApi>
let states: Record<string, number | string>
let published: any
let draft: any
const READER_KEY = '3b0f4c3e-reader-key-for-tests-only-7d1e'
const ADMIN_KEY = '9a7e12c4-admin-key-for-tests-only-55aa'

beforeAll(async () => {
  ;({ payload, api } = await startApp())
  states = await seedStates(payload, ['LS'])
  const admin = await createUser(payload, ['admin'])
  await payload.update({ collection: 'users', id: admin.id, data: { enableAPIKey: true, apiKey: ADMIN_KEY } as any })
  await payload.create({
    collection: 'users',
    data: { email: 'front-end@example.org', password: 'reader-password-123456', name: 'Public site', roles: ['reader'], enableAPIKey: true, apiKey: READER_KEY } as any,
  })
  published = await payload.create({ collection: 'projects', data: validProject(states.LS!, { title: 'Published page', _status: 'published' }) as any })
  draft = await payload.create({ collection: 'projects', draft: true, data: validProject(states.LS!, { title: 'Draft page', _status: 'draft' }) as any })
})
afterAll(async () => {
  await payload?.destroy()
})

const reader = { authorization: `users API-Key ${READER_KEY}` }
const adminKey = { authorization: `users API-Key ${ADMIN_KEY}` }

describe('a front end’s API key', () => {
  it('reads drafts for previews, where anonymous callers see published pages only', async () => {
    const anonymous = await api.rest('GET', '/projects?draft=true')
    expect(anonymous.body.docs.map((doc: any) => doc.title)).toEqual(['Published page'])
    const withKey = await api.rest('GET', '/projects?draft=true&sort=title', reader)
    expect(withKey.status).toBe(200)
    expect(withKey.body.docs.map((doc: any) => doc.title)).toEqual(['Draft page', 'Published page'])
    expect((await api.rest('GET', `/projects/${draft.id}?draft=true`, reader)).body.title).toBe('Draft page')
    // Answers to a key are personal: never cached by a CDN.
    expect(withKey.headers?.get('cache-control') ?? 'private, no-store').toMatch(/private|no-store/)
  })

  it('writes nothing over REST or GraphQL, not even an admin’s key', async () => {
    const before = await snapshotCounts(payload)
    for (const key of [reader, adminKey]) {
      expect((await api.rest('POST', '/projects', { ...key, body: validProject(states.LS!) })).status).toBe(403)
      expect((await api.rest('PATCH', `/projects/${published.id}`, { ...key, body: { title: 'Changed by a key' } })).status).toBe(403)
      expect((await api.rest('DELETE', `/projects/${draft.id}`, key)).status).toBe(403)
      expect((await api.rest('POST', '/outcomes', { ...key, body: { project: published.id, statement: 'By a key' } })).status).toBe(403)
      expect((await api.rest('PATCH', `/member-states/${states.LS}`, { ...key, body: { name: 'Renamed' } })).status).toBe(403)
      expect((await api.rest('POST', '/users', { ...key, body: { email: 'new@example.org', password: 'long-password-123', roles: ['admin'] } })).status).toBe(403)
    }
    expect(await snapshotCounts(payload)).toEqual(before)
    expect((await payload.findByID({ collection: 'projects', id: published.id })).title).toBe('Published page')
  })

  it('is not staff: a reader signed in with a password cannot use the admin panel or write', async () => {
    const token = await api.login('front-end@example.org', 'reader-password-123456')
    const access = await api.rest('GET', '/access', { token })
    expect(access.body.canAccessAdmin ?? false).toBe(false)
    expect(access.body.collections.projects.create?.permission ?? false).toBe(false)
    // Staff, for comparison, may.
    const editor = await createUser(payload, ['editor'])
    const staffAccess = await api.rest('GET', '/access', { token: await api.login(editor.email) })
    expect(staffAccess.body.canAccessAdmin).toBe(true)
    expect((await api.rest('POST', '/projects', { token, body: validProject(states.LS!) })).status).toBe(403)
  })

  it('a wrong key is no key at all', async () => {
    const response = await api.rest('GET', '/projects?draft=true', { authorization: 'users API-Key not-a-key' })
    expect(response.body.docs?.map((doc: any) => doc.title) ?? []).not.toContain('Draft page')
  })
})
