import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { changedLocales } from '../src/admin/Dashboard/changedLocales'
import { createApi, startApp } from './helpers/api'
import { seedStates, validProject } from './helpers/fixtures'
import { createUser } from './helpers/payload'

/** What the admin's dashboard and review panel read: the languages a draft changes, who did each step. */
let payload: Payload
let api: ReturnType<typeof createApi>
let states: Record<string, number | string>
let editor: any
let reviewer: any

beforeAll(async () => {
  ;({ payload, api } = await startApp())
  states = await seedStates(payload, ['LS'])
  editor = await createUser(payload, ['editor'], 'Edith')
  reviewer = await createUser(payload, ['reviewer'], 'Remi')
})
afterAll(async () => {
  await payload?.destroy()
})

describe('the review queue', () => {
  it('tells a new page by the languages it is written in, and then which languages a draft changes', async () => {
    const project = await payload.create({ collection: 'projects', locale: 'fr', draft: true, data: validProject(states.LS!, { title: 'Projet pilote' }) as any })
    expect(await changedLocales(payload, project.id)).toEqual({ locales: ['fr'], isNew: true })

    await payload.update({ collection: 'projects', id: project.id, locale: 'en', data: { title: 'Pilot project', _status: 'published', reviewStatus: 'approved' } as any })
    expect(await changedLocales(payload, project.id)).toEqual({ locales: [], isNew: false })

    await payload.update({ collection: 'projects', id: project.id, locale: 'en', draft: true, data: { summary: 'A new summary.' } as any })
    await payload.update({ collection: 'projects', id: project.id, locale: 'es', draft: true, data: { title: 'Proyecto piloto' } as any })
    expect(await changedLocales(payload, project.id)).toEqual({ locales: ['en', 'es'], isNew: false })
  })

  it('names who made each review step to every member of staff, and to nobody else', async () => {
    const project = await payload.create({ collection: 'projects', draft: true, data: validProject(states.LS!) as any, user: editor, overrideAccess: false })
    await payload.update({ collection: 'projects', id: project.id, draft: true, data: { reviewStatus: 'in-review' } as any, user: editor, overrideAccess: false })
    const token = await api.login(reviewer.email)
    const history = await api.rest('GET', `/review-events?where[project][equals]=${project.id}&depth=0`, { token })
    expect(history.body.docs.map((event: any) => [event.to, event.byName])).toEqual([['in-review', 'Edith']])
    // The reviewer may not read the editor's account itself.
    expect([403, 404]).toContain((await api.rest('GET', `/users/${editor.id}`, { token })).status)
    expect((await api.rest('GET', `/review-events?where[project][equals]=${project.id}`)).body.docs ?? []).toEqual([])
  })
})
