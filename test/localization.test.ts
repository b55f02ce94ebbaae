import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createApi, startApp } from './helpers/api'
import { localErrorPaths, restErrorPaths, snapshotCounts } from './helpers/expectations'
import { seedStates, validProject } from './helpers/fixtures'
import { createUser } from './helpers/payload'

let payload: Payload
let api: ReturnType<typeof createApi>
let token: string
let editor: any
let states: Record<string, number | string>

beforeAll(async () => {
  ;({ payload, api } = await startApp())
  states = await seedStates(payload, ['LS', 'ZA'])
  editor = await createUser(payload, ['editor'])
  token = await api.login(editor.email)
})
afterAll(async () => {
  await payload?.destroy()
})

const frenchOnly = async (overrides: Record<string, unknown> = {}) =>
  payload.create({
    collection: 'projects',
    locale: 'fr',
    data: validProject(states.LS!, {
      title: 'Renforcement de la gestion de la migration de travail',
      summary: 'Un résumé en français.',
      partners: ['Ministère de la main-d’œuvre'],
      status: 'completed',
      _status: 'published',
      ...overrides,
    }) as any,
  })

describe('a project in one language', () => {
  it('exists in French only and says so', async () => {
    const project = await frenchOnly()
    expect(project.translatedLocales).toEqual(['fr'])
    const all = await payload.findByID({ collection: 'projects', id: project.id, locale: 'all' })
    expect(all.title).toEqual({ fr: 'Renforcement de la gestion de la migration de travail' })
  })

  it('falls back fr→en, es→en, en→fr→es when read in a missing locale', async () => {
    const french = await frenchOnly()
    // Read in English: the French text, marked as French-only.
    const en = await api.rest('GET', `/projects/${french.id}?locale=en`)
    expect(en.body).toMatchObject({ title: 'Renforcement de la gestion de la migration de travail', translatedLocales: ['fr'] })
    // Without fallback a front end can tell the gap.
    const strict = await api.rest('GET', `/projects/${french.id}?locale=en&fallback-locale=none`)
    expect(strict.body.title ?? null).toBeNull()
    // GraphQL's locale argument falls back the same way (Payload used the default locale's fallback alone).
    const one = `Project(id: ${JSON.stringify(french.id)}, locale: en)`
    const many = `Projects(where: { id: { equals: ${JSON.stringify(french.id)} } }, locale: en)`
    const graphql = await api.graphql(`{ ${one} { title } list: ${many} { docs { title } } none: Project(id: ${JSON.stringify(french.id)}, locale: en, fallbackLocale: none) { title } }`)
    expect(graphql.body.data).toEqual({
      Project: { title: 'Renforcement de la gestion de la migration de travail' },
      list: { docs: [{ title: 'Renforcement de la gestion de la migration de travail' }] },
      none: { title: null },
    })

    const english = await payload.create({ collection: 'projects', locale: 'en', data: validProject(states.LS!, { title: 'English title', _status: 'published' }) as any })
    await payload.update({ collection: 'projects', id: english.id, locale: 'es', data: { title: 'Título en español' } })
    const fr = await api.graphql(`{ Project(id: ${JSON.stringify(english.id)}, locale: fr) { title translatedLocales } }`)
    expect(fr.body.data.Project).toEqual({ title: 'English title', translatedLocales: ['en', 'es'] })
    const es = await api.rest('GET', `/projects/${english.id}?locale=es`)
    expect(es.body.title).toBe('Título en español')

    const spanishOnly = await payload.create({ collection: 'projects', locale: 'es', data: validProject(states.LS!, { title: 'Solo en español', _status: 'published' }) as any })
    const enFromEs = await api.rest('GET', `/projects/${spanishOnly.id}?locale=en`)
    expect(enFromEs.body.title).toBe('Solo en español')
  })

  it('spells out coded values in the locale being read', async () => {
    const project = await frenchOnly()
    const read = async (locale: string) => (await api.rest('GET', `/projects/${project.id}?locale=${locale}`)).body.labels
    expect(await read('fr')).toEqual({ status: 'Achevé', projectType: 'Migration de main-d’œuvre', coverage: 'National', idfRegion: 'Afrique' })
    expect(await read('en')).toEqual({ status: 'Completed', projectType: 'Labour Migration', coverage: 'National', idfRegion: 'Africa' })
    expect(await read('es')).toEqual({ status: 'Finalizado', projectType: 'Migración laboral', coverage: 'Nacional', idfRegion: 'África' })
    const graphql = await api.graphql(`{ Projects(locale: es, where: { id: { equals: ${JSON.stringify(project.id)} } }) { docs { labels { status idfRegion } } } }`)
    expect(graphql.body.data.Projects.docs[0].labels).toEqual({ status: 'Finalizado', idfRegion: 'África' })
  })

  it('adds a translation without touching the other locale', async () => {
    const project = await frenchOnly()
    const rest = await api.rest('PATCH', `/projects/${project.id}?locale=en`, {
      body: { title: 'Strengthening labour migration management', summary: 'An English summary.' },
      token,
    })
    expect(rest.status).toBe(200)
    expect(rest.body.doc.translatedLocales).toEqual(['en', 'fr'])
    const all = await payload.findByID({ collection: 'projects', id: project.id, locale: 'all', draft: true })
    expect(all.title).toEqual({ en: 'Strengthening labour migration management', fr: 'Renforcement de la gestion de la migration de travail' })
    expect(all.summary).toEqual({ en: 'An English summary.', fr: 'Un résumé en français.' })
  })

  it('requires the title in the locale being saved', async () => {
    const before = await snapshotCounts(payload)
    const rest = await api.rest('POST', '/projects?locale=es', { body: validProject(states.LS!, { title: '  ' }), token, language: 'es' })
    expect(rest.status).toBe(400)
    expect(restErrorPaths(rest)).toEqual(['title'])
    expect(rest.body.errors[0].data.errors[0].message).toBe('El título es obligatorio en el idioma que se guarda (es).')
    expect(await snapshotCounts(payload)).toEqual(before)

    // Text in a locale without a title would be a half translation.
    const project = await frenchOnly()
    const summaryOnly = await api.rest('PATCH', `/projects/${project.id}?locale=es`, { body: { summary: 'Resumen' }, token })
    expect(summaryOnly.status).toBe(400)
    expect(restErrorPaths(summaryOnly)).toEqual(['title'])

    // A translated title cannot be emptied.
    const cleared = await localErrorPaths(() =>
      payload.update({ collection: 'projects', id: project.id, locale: 'fr', data: { title: '' }, overrideAccess: false, user: editor }),
    )
    expect(cleared).toEqual(['title'])
  })

  it('lets shared fields be saved from a locale that has no translation', async () => {
    const project = await frenchOnly()
    // With and without fallback on the request: the French text must not be copied into English.
    for (const [query, budgetUSD] of [['locale=en&fallback-locale=none', 175000], ['locale=en', 180000]] as const) {
      const rest = await api.rest('PATCH', `/projects/${project.id}?${query}`, { body: { budgetUSD }, token })
      expect(rest.status).toBe(200)
      const all = await payload.findByID({ collection: 'projects', id: project.id, locale: 'all', draft: true })
      expect(all).toMatchObject({ budgetUSD, translatedLocales: ['fr'] })
      expect(all.title).toEqual({ fr: 'Renforcement de la gestion de la migration de travail' })
      expect(all.summary).toEqual({ fr: 'Un résumé en français.' })
    }
    const graphql = await api.graphql(
      `mutation { updateProject(id: ${JSON.stringify(project.id)}, locale: es, data: { fundingYear: 2021 }) { fundingYear } }`,
      {},
      { token },
    )
    expect(graphql.body.data.updateProject.fundingYear).toBe(2021)
    const all = await payload.findByID({ collection: 'projects', id: project.id, locale: 'all', draft: true })
    expect(all.translatedLocales).toEqual(['fr'])
    expect(Object.keys(all.title as unknown as object)).toEqual(['fr'])
  })

  it('keeps partners per locale', async () => {
    const project = await frenchOnly()
    await payload.update({ collection: 'projects', id: project.id, locale: 'en', data: { title: 'English', partners: ['Ministry of Labour and Employment'] } })
    const fr = await payload.findByID({ collection: 'projects', id: project.id, locale: 'fr' })
    const en = await payload.findByID({ collection: 'projects', id: project.id, locale: 'en' })
    expect(fr.partners).toEqual(['Ministère de la main-d’œuvre'])
    expect(en.partners).toEqual(['Ministry of Labour and Employment'])
  })
})
