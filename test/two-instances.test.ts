import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type RunningServer, startServer } from '../scripts/lib/server'
import { seedStates, validProject } from './helpers/fixtures'
import { createUser, startPayload, TEST_PASSWORD } from './helpers/payload'

/**
 * Two production servers on one database (PostgreSQL in CI's second run; the SQLite file in WAL
 * mode in the first), as behind a load balancer: what is saved on one is what the other serves at
 * once, public pages included; nothing is kept in one process's memory only.
 */
let payload: Payload
let a: RunningServer
let b: RunningServer
let project: any
let editorEmail: string
let reviewerEmail: string

beforeAll(async () => {
  payload = await startPayload()
  const states = await seedStates(payload, ['LS'])
  editorEmail = (await createUser(payload, ['editor'])).email
  reviewerEmail = (await createUser(payload, ['reviewer'])).email
  project = await payload.create({
    collection: 'projects',
    data: validProject(states.LS!, { title: 'Labour migration in Lesotho', _status: 'published', reviewStatus: 'approved' }) as any,
  })
  await payload.destroy()
  a = await startServer()
  b = await startServer()
}, 400_000)

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()])
})

const login = async (server: RunningServer, email: string) => {
  const response = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  })
  expect(response.status).toBe(200)
  return `JWT ${((await response.json()) as { token: string }).token}`
}

const patch = async (server: RunningServer, token: string, body: Record<string, unknown>) => {
  const response = await fetch(`${server.url}/api/projects/${project.id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: token },
    body: JSON.stringify(body),
  })
  expect(response.status, await response.clone().text()).toBe(200)
}

const publicPage = async (server: RunningServer) => (await fetch(`${server.url}/en/projects/${project.slug}`)).text()

describe('two server instances on one database', () => {
  it('serve what either saved: a session from one works on the other, an approval on one shows on the other’s public page', async () => {
    // Both have rendered (and cached) the public page.
    expect(await publicPage(a)).toContain('Labour migration in Lesotho')
    expect(await publicPage(b)).toContain('Labour migration in Lesotho')

    // The editor signs in on A and works on B with the same session.
    const editor = await login(a, editorEmail)
    await patch(b, editor, { title: 'Labour migration in Lesotho, second phase' })
    await patch(a, editor, { reviewStatus: 'in-review' })
    // The reviewer sees the draft from either instance and approves it on B.
    const reviewer = await login(b, reviewerEmail)
    const draft = await fetch(`${a.url}/api/projects/${project.id}?draft=true`, { headers: { authorization: reviewer } })
    expect(((await draft.json()) as any).title).toBe('Labour migration in Lesotho, second phase')
    await patch(b, reviewer, { reviewStatus: 'approved' })

    // A's public page and API show the approved title at once, though A never saw the change.
    expect(await publicPage(a)).toContain('Labour migration in Lesotho, second phase')
    const api = await fetch(`${a.url}/api/projects/${project.id}`)
    expect(((await api.json()) as any).title).toBe('Labour migration in Lesotho, second phase')

    // Unpublished on A: gone from B's public page and sitemap.
    await patch(a, await login(a, reviewerEmail), { _status: 'draft' })
    expect((await fetch(`${b.url}/en/projects/${project.slug}`)).status).toBe(404)
    expect(await (await fetch(`${b.url}/sitemap.xml`)).text()).not.toContain(project.slug)
  }, 120_000)
})
