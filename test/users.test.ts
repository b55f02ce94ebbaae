import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createApi, startApp } from './helpers/api'
import { seedStates, validProject } from './helpers/fixtures'
import { TEST_PASSWORD } from './helpers/payload'

let payload: Payload
let api: ReturnType<typeof createApi>
let states: Record<string, number | string>

beforeAll(async () => {
  ;({ payload, api } = await startApp())
  states = await seedStates(payload, ['LS'])
})
afterAll(async () => {
  await payload?.destroy()
})

describe('staff accounts', () => {
  let adminToken: string
  let editor: { id: number | string; email: string; token: string }

  it('makes the first registered user an admin, whatever roles were asked for', async () => {
    const first = await api.rest('POST', '/users/first-register', {
      body: { email: 'first@example.org', password: TEST_PASSWORD, name: 'First', roles: ['editor'] },
    })
    expect(first.status).toBe(200)
    expect(first.body.user.roles).toEqual(['admin'])
    adminToken = first.body.token
    // There is only one first user.
    const again = await api.rest('POST', '/users/first-register', { body: { email: 'second@example.org', password: TEST_PASSWORD } })
    expect(again.status).toBe(403)
  })

  it('gives accounts created later the editor role unless an admin chooses otherwise', async () => {
    const created = await api.rest('POST', '/users', {
      body: { email: 'editor@example.org', password: TEST_PASSWORD, name: 'Eddie' },
      token: adminToken,
    })
    expect(created.status).toBe(201)
    expect(created.body.doc.roles).toEqual(['editor'])
    const reviewer = await api.graphql(
      `mutation { createUser(data: { email: "reviewer@example.org", password: "${TEST_PASSWORD}", roles: [reviewer] }) { roles } }`,
      {},
      { token: adminToken },
    )
    expect(reviewer.body.data.createUser.roles).toEqual(['reviewer'])
    editor = { id: created.body.doc.id, email: 'editor@example.org', token: await api.login('editor@example.org') }
  })

  it('lets only admins create accounts and change roles', async () => {
    const byEditor = await api.rest('POST', '/users', { body: { email: 'x@example.org', password: TEST_PASSWORD }, token: editor.token })
    expect(byEditor.status).toBe(403)
    const promote = await api.rest('PATCH', `/users/${editor.id}`, { body: { roles: ['admin'], name: 'Eddie E.' }, token: editor.token })
    expect(promote.status).toBe(200)
    const stored = await payload.findByID({ collection: 'users', id: editor.id })
    expect(stored).toMatchObject({ roles: ['editor'], name: 'Eddie E.' })
    const others = await api.rest('GET', '/users', { token: editor.token })
    expect(others.body.docs.map((user: any) => user.email)).toEqual(['editor@example.org'])
    const anonymous = await api.rest('GET', '/users')
    expect(anonymous.status).toBe(403)
  })

  it('records who created and who last edited a project, and the client cannot forge it', async () => {
    const created = await api.rest('POST', '/projects', {
      body: { ...validProject(states.LS!), createdBy: 999, updatedBy: 999 },
      token: editor.token,
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    let stored = await payload.findByID({ collection: 'projects', id, depth: 0, draft: true })
    expect([stored.createdBy, stored.updatedBy]).toEqual([editor.id, editor.id])

    const admin = (await payload.find({ collection: 'users', where: { email: { equals: 'first@example.org' } } })).docs[0]!
    await api.rest('PATCH', `/projects/${id}`, { body: { budgetUSD: 1, createdBy: admin.id }, token: adminToken })
    stored = await payload.findByID({ collection: 'projects', id, depth: 0, draft: true })
    expect([stored.createdBy, stored.updatedBy]).toEqual([editor.id, admin.id])

    const outcome = await api.rest('POST', '/outcomes', { body: { project: id, statement: 'Outcome' }, token: editor.token })
    expect(outcome.body.doc.createdBy).toBeTruthy()
    expect((await payload.findByID({ collection: 'outcomes', id: outcome.body.doc.id, depth: 0, draft: true })).createdBy).toBe(editor.id)
  })

  it('does not show who edited a page to anonymous readers', async () => {
    const submitted = await api.rest('POST', '/projects', {
      body: { ...validProject(states.LS!), reviewStatus: 'in-review' },
      token: editor.token,
    })
    const id = submitted.body.doc.id
    const approved = await api.rest('PATCH', `/projects/${id}`, { body: { reviewStatus: 'approved' }, token: adminToken })
    expect(approved.status).toBe(200)
    const asStaff = await api.rest('GET', `/projects/${id}?depth=0`, { token: editor.token })
    expect(asStaff.body.createdBy).toBe(editor.id)
    const anonymous = await api.rest('GET', `/projects/${id}?depth=0`)
    expect(anonymous.status).toBe(200)
    expect(anonymous.body).not.toHaveProperty('createdBy')
    expect(anonymous.body).not.toHaveProperty('updatedBy')
  })
})
