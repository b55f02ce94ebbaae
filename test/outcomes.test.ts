import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createApi, startApp } from './helpers/api'
import { graphqlErrorPaths, localErrorPaths, restErrorPaths, snapshotCounts } from './helpers/expectations'
import { seedStates, validProject } from './helpers/fixtures'
import { createUser } from './helpers/payload'

let payload: Payload
let api: ReturnType<typeof createApi>
let token: string
let editor: any
let states: Record<string, number | string>

beforeAll(async () => {
  ;({ payload, api } = await startApp())
  states = await seedStates(payload, ['LS'])
  editor = await createUser(payload, ['editor'])
  token = await api.login(editor.email)
})
afterAll(async () => {
  await payload?.destroy()
})

const newProject = (overrides: Record<string, unknown> = {}) =>
  payload.create({ collection: 'projects', data: validProject(states.LS!, { _status: 'published', ...overrides }) as any })

const addOutcome = (project: number | string, statement: string, extra: Record<string, unknown> = {}) =>
  payload.create({ collection: 'outcomes', locale: 'fr', data: { project, statement, _status: 'published', ...extra } as any })

describe('outcomes of a project', () => {
  it('are numbered 1, 2, 3 in the order they are added and shown as i, ii, iii', async () => {
    const project = await newProject()
    const first = await addOutcome(project.id, 'Premier effet')
    const second = await api.rest('POST', '/outcomes?locale=fr', { body: { project: project.id, statement: 'Deuxième effet' }, token })
    const third = await api.graphql(
      `mutation { createOutcome(data: { project: ${JSON.stringify(project.id)}, statement: "Troisième effet" }, locale: fr) { order numeral } }`,
      {},
      { token },
    )
    expect([first.order, first.numeral]).toEqual([1, 'i'])
    expect([second.body.doc.order, second.body.doc.numeral]).toEqual([2, 'ii'])
    expect(third.body.errors).toBeUndefined()
    expect(third.body.data.createOutcome).toEqual({ order: 3, numeral: 'iii' })
  })

  it('are read with their project, in order (a join, not a copy)', async () => {
    const project = await newProject()
    await addOutcome(project.id, 'Effet trois', { order: 3 })
    await addOutcome(project.id, 'Effet un', { order: 1 })
    await addOutcome(project.id, 'Effet deux', { order: 2 })

    const rest = await api.rest('GET', `/projects/${project.id}?locale=fr`)
    expect(rest.body.outcomes.docs.map((outcome: any) => outcome.statement)).toEqual(['Effet un', 'Effet deux', 'Effet trois'])

    const graphql = await api.graphql(`{ Project(id: ${JSON.stringify(project.id)}, locale: fr) { outcomes { docs { numeral statement } } } }`)
    expect(graphql.body.data.Project.outcomes.docs).toEqual([
      { numeral: 'i', statement: 'Effet un' },
      { numeral: 'ii', statement: 'Effet deux' },
      { numeral: 'iii', statement: 'Effet trois' },
    ])

    // Editing an outcome shows through the project at once: nothing was copied into it.
    const [first] = rest.body.outcomes.docs
    await payload.update({ collection: 'outcomes', id: first.id, locale: 'fr', data: { statement: 'Effet un, révisé' } })
    const again = await api.rest('GET', `/projects/${project.id}?locale=fr`)
    expect(again.body.outcomes.docs[0].statement).toBe('Effet un, révisé')
  })

  it('never share a number within a project, but may across projects', async () => {
    const project = await newProject()
    const other = await newProject()
    await addOutcome(project.id, 'Un', { order: 1 })
    await addOutcome(other.id, 'Un aussi', { order: 1 })

    const before = await snapshotCounts(payload)
    const rest = await api.rest('POST', '/outcomes', { body: { project: project.id, statement: 'Doublon', order: 1 }, token })
    expect(rest.status).toBe(400)
    expect(restErrorPaths(rest)).toEqual(['order'])
    expect(rest.body.errors[0].data.errors[0].message).toBe('This project already has an outcome number 1.')
    expect(await snapshotCounts(payload)).toEqual(before)

    // A number held only by a draft saved over a published outcome is taken too.
    const second = await addOutcome(other.id, 'Deux', { order: 2 })
    await payload.update({ collection: 'outcomes', id: second.id, locale: 'fr', draft: true, data: { order: 3 } as any })
    const onlyInDraft = await api.rest('POST', '/outcomes', { body: { project: other.id, statement: 'Trois', order: 3 }, token })
    expect(onlyInDraft.status).toBe(400)
    expect(onlyInDraft.body.errors[0].data.errors[0].message).toBe('This project already has an outcome number 3.')
  })

  it('refuse a missing project, a project that does not exist, a bad order and an empty statement', async () => {
    const project = await newProject()
    const before = await snapshotCounts(payload)
    const noProject = await localErrorPaths(() =>
      payload.create({ collection: 'outcomes', data: { statement: 'Orphan' } as any, overrideAccess: false, user: editor }),
    )
    expect(noProject).toContain('project')
    const ghost = await api.rest('POST', '/outcomes', { body: { project: 987654, statement: 'Ghost' }, token })
    expect(ghost.status).toBe(400)
    expect(restErrorPaths(ghost)).toEqual(['project'])
    const zero = await api.graphql(
      `mutation { createOutcome(data: { project: ${JSON.stringify(project.id)}, statement: "Zéro", order: 0 }) { id } }`,
      {},
      { token },
    )
    expect(graphqlErrorPaths(zero)).toEqual(['order'])
    const empty = await api.rest('POST', '/outcomes', { body: { project: project.id, statement: ' ' }, token })
    expect(restErrorPaths(empty)).toEqual(['statement'])
    expect(await snapshotCounts(payload)).toEqual(before)
  })

  it('keep indicators per locale', async () => {
    const project = await newProject()
    const outcome = await addOutcome(project.id, 'Effet', { indicators: ['Nombre de fonctionnaires formés'] })
    await payload.update({ collection: 'outcomes', id: outcome.id, locale: 'en', data: { statement: 'Outcome', indicators: ['Officials trained'] } })
    const all = await payload.findByID({ collection: 'outcomes', id: outcome.id, locale: 'all' })
    expect(all.indicators).toEqual({ fr: ['Nombre de fonctionnaires formés'], en: ['Officials trained'] })
  })

  it('are public only while their project is: an unpublished page takes them out of every public read', async () => {
    const project = await newProject({ reviewStatus: 'approved' })
    const outcome = await addOutcome(project.id, 'Visible avec son projet')
    const where = `where[project][equals]=${project.id}`
    const publicReads = async () => ({
      list: (await api.rest('GET', `/outcomes?${where}&locale=fr`)).body.docs.map((doc: any) => doc.statement),
      byId: (await api.rest('GET', `/outcomes/${outcome.id}?locale=fr`)).status,
      graphql: (await api.graphql(`{ Outcomes(where: { project: { equals: ${JSON.stringify(project.id)} } }, locale: fr) { docs { statement } } }`)).body.data.Outcomes.docs.map((doc: any) => doc.statement),
      count: (await api.rest('GET', `/outcomes/count?${where}`)).body.totalDocs,
    })
    expect(await publicReads()).toEqual({ list: ['Visible avec son projet'], byId: 200, graphql: ['Visible avec son projet'], count: 1 })

    await payload.update({ collection: 'projects', id: project.id, data: { _status: 'draft' } as any })
    // The outcome itself is still published (ready for the page's return), but nobody outside the staff sees it.
    expect((await payload.findByID({ collection: 'outcomes', id: outcome.id, depth: 0 }))._status).toBe('published')
    expect(await publicReads()).toEqual({ list: [], byId: 404, graphql: [], count: 0 })
    expect((await api.rest('GET', `/outcomes?${where}&locale=fr`, { token })).body.docs.map((doc: any) => doc.statement)).toEqual(['Visible avec son projet'])

    // Published again, the page brings its outcomes back with it.
    await payload.update({ collection: 'projects', id: project.id, data: { _status: 'published' } as any })
    expect(await publicReads()).toEqual({ list: ['Visible avec son projet'], byId: 200, graphql: ['Visible avec son projet'], count: 1 })

    // An outcome published on a page that never was is out of sight too.
    const draftPage = await payload.create({ collection: 'projects', draft: true, data: validProject(states.LS!, { _status: 'draft' }) as any })
    // (Whatever the caller says of the page's state: it is read from the page.)
    await addOutcome(draftPage.id, 'Publié trop tôt', { projectPublished: true })
    expect((await api.rest('GET', `/outcomes?where[project][equals]=${draftPage.id}&locale=fr`)).body.docs).toEqual([])
    // The state kept on the outcome is nobody's business outside the server.
    expect((await api.rest('GET', `/outcomes/${outcome.id}`, { token })).body).not.toHaveProperty('projectPublished')
  })

  it('are deleted with their project, leaving no orphan', async () => {
    const project = await newProject()
    const kept = await newProject()
    await addOutcome(project.id, 'Un')
    await addOutcome(project.id, 'Deux')
    await addOutcome(kept.id, 'Gardé')
    // Published content is deleted by an admin (the workflow's rule).
    const adminToken = await api.login((await createUser(payload, ['admin'])).email)
    const deleted = await api.rest('DELETE', `/projects/${project.id}`, { token: adminToken })
    expect(deleted.status).toBe(200)
    const left = await payload.find({ collection: 'outcomes', where: { project: { equals: project.id } }, draft: true })
    expect(left.totalDocs).toBe(0)
    expect((await payload.find({ collection: 'outcomes', where: { project: { equals: kept.id } } })).totalDocs).toBe(1)
  })
})
