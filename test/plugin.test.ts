import type { CollectionConfig, Config, TextField } from 'payload'
import { describe, expect, it } from 'vitest'

import { projectPagesPlugin } from '../src'

const host = (): Config =>
  ({
    secret: 'x',
    db: {} as Config['db'],
    admin: { user: 'staff' },
    collections: [{ slug: 'staff', auth: true, fields: [] }, { slug: 'pages', fields: [] }],
    localization: { locales: ['en', 'fr', 'es', 'ar'], defaultLocale: 'en' },
  }) as Config

const projects = (config: Config) => config.collections!.find((collection) => collection.slug === 'projects') as CollectionConfig
/** A field by name, wherever it sits in the edit view's tabs and rows (they do not nest the data). */
const field = (collection: CollectionConfig, name: string): TextField => {
  const flat = (fields: any[]): any[] =>
    fields.flatMap((candidate) => (candidate.type === 'tabs' ? candidate.tabs.flatMap((tab: any) => flat(tab.fields)) : candidate.type === 'row' || candidate.type === 'collapsible' ? flat(candidate.fields) : [candidate]))
  return flat(collection.fields).find((candidate) => candidate.name === name)
}

const req = { i18n: { language: 'en' } } as any

describe('the plugin', () => {
  it('adds its collections after the host’s and keeps the host’s localization', () => {
    const config = projectPagesPlugin()(host())
    expect(config.collections!.map((collection) => collection.slug)).toEqual(['staff', 'pages', 'projects', 'outcomes', 'member-states', 'project-cards', 'project-card-facets', 'review-events'])
    expect(config.localization).toEqual(host().localization)
    // createdBy and updatedBy point at the host's auth collection.
    expect((field(projects(config), 'createdBy') as any).relationTo).toBe('staff')
  })

  it('adds to the host’s GraphQL rules, admin components, jobs and translations instead of replacing them', () => {
    const hostRule = (() => ({})) as any
    const config = projectPagesPlugin()({
      ...host(),
      graphQL: { validationRules: () => [hostRule] },
      admin: { user: 'staff', components: { beforeDashboard: ['/host#Welcome'] } },
      i18n: { translations: { en: { host: { hello: 'Hello' } } } as any },
    })
    const rules = config.graphQL!.validationRules!({} as any)
    expect(rules[0]).toBe(hostRule)
    expect(rules).toHaveLength(2)
    expect(config.admin!.components!.beforeDashboard).toEqual(['/host#Welcome', '/admin/Dashboard#ProjectDashboard'])
    expect((config.i18n!.translations as any).en.host.hello).toBe('Hello')
    expect((config.i18n!.translations as any).fr.projectPages.submit).toBe('Soumettre à relecture')
  })

  it('supplies en, fr and es when the host has no localization', () => {
    const config = projectPagesPlugin()({ ...host(), localization: undefined })
    expect(config.localization && config.localization.locales.map((locale: any) => locale.code)).toEqual(['en', 'fr', 'es'])
  })

  it('refuses to silently replace a host collection with the same slug', () => {
    const clashing = { ...host(), collections: [...host().collections!, { slug: 'projects', fields: [] }] }
    expect(() => projectPagesPlugin()(clashing)).toThrow(/already has a collection "projects"/)
  })

  it('leaves the config as it was when disabled', () => {
    const config = projectPagesPlugin({ disabled: true })(host())
    expect(config.collections!.map((collection) => collection.slug)).toEqual(['staff', 'pages'])
  })

  it('takes extra project types without a migration: stored as text, checked against the list', async () => {
    const extended = projectPagesPlugin({
      projectTypes: [{ value: 'HX', label: { en: 'Health Crisis', fr: 'Crise sanitaire', es: 'Crisis sanitaria' } }],
    })(host())
    const projectType = field(projects(extended), 'projectType')
    expect(projectType.type).toBe('text')
    const validate = projectType.validate as any
    expect(await validate('HX', { req, data: { projectId: 'HX.0001' } })).toBe(true)
    expect(await validate('LM', { req, data: {} })).toBe(true)

    const standard = field(projects(projectPagesPlugin()(host())), 'projectType').validate as any
    expect(await standard('HX', { req, data: {} })).toMatch(/^Unknown project type “HX”/)

    const labels = projects(extended).fields.find((candidate) => 'name' in candidate && candidate.name === 'labels') as any
    const spelled = await labels.hooks.afterRead[0]({ data: { projectType: 'HX', status: 'active' }, req: { locale: 'fr' } })
    expect(spelled).toMatchObject({ projectType: 'Crise sanitaire', status: 'Actif', coverage: null })
  })
})
