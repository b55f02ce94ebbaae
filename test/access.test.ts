import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createApi, startApp } from './helpers/api'
import { seedStates, validProject } from './helpers/fixtures'
import { createUser } from './helpers/payload'

/**
 * The foundation's access rules (the editorial workflow refines them per role): anonymous readers
 * see published content only, on every path, and write nothing; signed-in staff see drafts.
 */
let payload: Payload
let api: ReturnType<typeof createApi>
let editor: any
let token: string
let published: any
let draft: any

beforeAll(async () => {
  ;({ payload, api } = await startApp())
  const states = await seedStates(payload, ['LS'])
  editor = await createUser(payload, ['editor'])
  token = await api.login(editor.email)
  published = await payload.create({ collection: 'projects', data: validProject(states.LS!, { title: 'Published page', _status: 'published' }) as any })
  draft = await payload.create({ collection: 'projects', draft: true, data: validProject(states.LS!, { title: 'Draft page', _status: 'draft' }) as any })
  await payload.create({ collection: 'outcomes', data: { project: published.id, statement: 'Published outcome', _status: 'published' } as any })
  await payload.create({ collection: 'outcomes', draft: true, data: { project: published.id, statement: 'Draft outcome', _status: 'draft' } as any })
})
afterAll(async () => {
  await payload?.destroy()
})

describe('anonymous readers', () => {
  it('see published projects only: Local API, REST and GraphQL', async () => {
    const local = await payload.find({ collection: 'projects', overrideAccess: false, user: null })
    expect(local.docs.map((doc) => doc.title)).toEqual(['Published page'])
    const rest = await api.rest('GET', '/projects')
    expect(rest.body.docs.map((doc: any) => doc.title)).toEqual(['Published page'])
    expect((await api.rest('GET', `/projects/${draft.id}`)).status).toBe(404)
    const graphql = await api.graphql('{ Projects { docs { title } } }')
    expect(graphql.body.data.Projects.docs).toEqual([{ title: 'Published page' }])
    const draftMode = await api.rest('GET', '/projects?draft=true')
    expect(draftMode.body.docs.map((doc: any) => doc.title)).toEqual(['Published page'])
  })

  it('see only the published outcomes of a published project', async () => {
    const rest = await api.rest('GET', `/projects/${published.id}`)
    expect(rest.body.outcomes.docs.map((outcome: any) => outcome.statement)).toEqual(['Published outcome'])
    const graphql = await api.graphql(`{ Outcomes { docs { statement } } }`)
    expect(graphql.body.data.Outcomes.docs).toEqual([{ statement: 'Published outcome' }])
  })

  it('cannot write anything', async () => {
    const before = (await payload.count({ collection: 'projects' })).totalDocs
    expect((await api.rest('POST', '/projects', { body: { title: 'Spam' } })).status).toBe(403)
    expect((await api.rest('PATCH', `/projects/${published.id}`, { body: { title: 'Defaced' } })).status).toBe(403)
    expect((await api.rest('DELETE', `/projects/${published.id}`)).status).toBe(403)
    const graphql = await api.graphql(`mutation { createProject(data: { title: "Spam" }) { id } }`)
    expect(graphql.body.errors[0].extensions.statusCode).toBe(403)
    await expect(
      payload.create({ collection: 'outcomes', data: { project: published.id, statement: 'x' } as any, overrideAccess: false, user: null }),
    ).rejects.toThrow(/not allowed/)
    expect((await payload.count({ collection: 'projects' })).totalDocs).toBe(before)
    expect((await payload.findByID({ collection: 'projects', id: published.id })).title).toBe('Published page')
  })
})

describe('signed-in staff', () => {
  it('see drafts as well', async () => {
    const local = await payload.find({ collection: 'projects', overrideAccess: false, user: editor, draft: true, sort: 'title' })
    expect(local.docs.map((doc) => doc.title)).toEqual(['Draft page', 'Published page'])
    const rest = await api.rest('GET', `/projects/${draft.id}?draft=true`, { token })
    expect(rest.body.title).toBe('Draft page')
    const graphql = await api.graphql('{ Projects(draft: true, sort: "title") { docs { title } } }', {}, { token })
    expect(graphql.body.data.Projects.docs).toEqual([{ title: 'Draft page' }, { title: 'Published page' }])
  })
})
