import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { toSlug } from '../src/hooks/generateSlug'
import { createApi, startApp } from './helpers/api'
import { restErrorPaths } from './helpers/expectations'
import { seedStates, validProject } from './helpers/fixtures'
import { createUser } from './helpers/payload'

let payload: Payload
let api: ReturnType<typeof createApi>
let token: string
let states: Record<string, number | string>

beforeAll(async () => {
  ;({ payload, api } = await startApp())
  states = await seedStates(payload, ['LS', 'CI'])
  token = await api.login((await createUser(payload, ['editor'])).email)
})
afterAll(async () => {
  await payload?.destroy()
})

describe('slugs', () => {
  it('folds accents and punctuation into lowercase kebab-case', () => {
    expect(toSlug('Renforcement de la gestion de la migration de travail au Lesotho')).toBe(
      'renforcement-de-la-gestion-de-la-migration-de-travail-au-lesotho',
    )
    expect(toSlug('Migration de main-d’œuvre : Côte d’Ivoire – São Tomé (2024)!')).toBe(
      'migration-de-main-d-oeuvre-cote-d-ivoire-sao-tome-2024',
    )
    expect(toSlug('  Año   de   la   niñez  ')).toBe('ano-de-la-ninez')
  })

  it('is made from the title when left empty, in any locale', async () => {
    const rest = await api.rest('POST', '/projects?locale=fr', {
      body: validProject(states.LS!, { title: 'Renforcement de la gestion de la migration de travail au Lesotho' }),
      token,
    })
    expect(rest.status).toBe(201)
    expect(rest.body.doc.slug).toBe('renforcement-de-la-gestion-de-la-migration-de-travail-au-lesotho')
  })

  it('gets a numeric suffix on a clash', async () => {
    const title = 'Appui à la migration de main-d’œuvre en Côte d’Ivoire'
    const slugs = []
    for (let i = 0; i < 3; i++) {
      const project = await payload.create({ collection: 'projects', locale: 'fr', data: validProject(states.CI!, { title }) as any })
      slugs.push(project.slug)
    }
    expect(slugs).toEqual([
      'appui-a-la-migration-de-main-d-oeuvre-en-cote-d-ivoire',
      'appui-a-la-migration-de-main-d-oeuvre-en-cote-d-ivoire-2',
      'appui-a-la-migration-de-main-d-oeuvre-en-cote-d-ivoire-3',
    ])
  })

  it('counts a draft’s slug as taken', async () => {
    const title = 'Draft only project'
    const first = await payload.create({ collection: 'projects', draft: true, data: validProject(states.LS!, { title, _status: 'draft' }) as any })
    const second = await payload.create({ collection: 'projects', data: validProject(states.LS!, { title }) as any })
    expect(first.slug).toBe('draft-only-project')
    expect(second.slug).toBe('draft-only-project-2')
  })

  it('stays put when the title changes, and is regenerated only when emptied', async () => {
    const project = await payload.create({ collection: 'projects', data: validProject(states.LS!, { title: 'Original title' }) as any })
    const renamed = await payload.update({ collection: 'projects', id: project.id, data: { title: 'A new title' } })
    expect(renamed.slug).toBe('original-title')
    const emptied = await payload.update({ collection: 'projects', id: project.id, data: { slug: '' } })
    expect(emptied.slug).toBe('a-new-title')
  })

  it('takes a slug chosen by hand when it is well-formed and free', async () => {
    const chosen = await api.rest('POST', '/projects', { body: validProject(states.LS!, { slug: 'Lesotho-Labour-2024' }), token })
    expect(chosen.status).toBe(201)
    expect(chosen.body.doc.slug).toBe('lesotho-labour-2024')
    const clash = await api.rest('POST', '/projects', { body: validProject(states.LS!, { slug: 'lesotho-labour-2024' }), token })
    expect(clash.status).toBe(400)
    expect(restErrorPaths(clash)).toEqual(['slug'])
    const malformed = await api.rest('POST', '/projects', { body: validProject(states.LS!, { slug: 'two--hyphens-' }), token })
    expect(restErrorPaths(malformed)).toEqual(['slug'])
  })
})
