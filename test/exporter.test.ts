import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { parse } from 'csv-parse/sync'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { paragraphsToLexical } from '../src/domain/richText'
import { exportProjects, type ProjectExport } from '../src/exporter/exportProjects'
import { importExport } from '../src/importer/importExport'
import { createApi, startApp } from './helpers/api'
import { seedStates, validProject } from './helpers/fixtures'
import { createUser, startSecondPayload } from './helpers/payload'
import { tempDir } from './helpers/tempDir'

/** The portfolio leaves as JSON or CSV (command and API) and the JSON comes back whole. */
let payload: Payload
let states: Record<string, number | string | undefined>
let api: ReturnType<typeof createApi>
let editor: any
let reviewer: any
let editorToken: string
const dir = tempDir('cms-export')

beforeAll(async () => {
  ;({ payload, api } = await startApp())
  states = await seedStates(payload, ['LS', 'ZA', 'BF', 'ML'])
  editor = await createUser(payload, ['editor'])
  reviewer = await createUser(payload, ['reviewer'])
  editorToken = await api.login(editor.email)

  // A regional project, published, in French and English, with outcomes and a partner.
  const regional = await payload.create({
    collection: 'projects',
    locale: 'fr',
    data: validProject(states.BF!, {
      title: 'Gestion des frontières au Sahel',
      projectType: 'IB',
      projectId: 'IB.0123',
      coverage: 'regional',
      memberStates: [states.BF, states.ML],
      partners: ['Ministère de la sécurité'],
      description: paragraphsToLexical(['Premier paragraphe.', 'Second paragraphe.']),
      _status: 'published',
    }) as any,
  })
  await payload.update({
    collection: 'projects',
    id: regional.id,
    locale: 'en',
    data: { title: 'Border management in the Sahel', partners: ['Ministry of Security'], _status: 'published' } as any,
  })
  for (const [n, [fr, en]] of [
    ['Les agents sont formés.', 'Officials are trained.'],
    ['Les postes sont équipés.', 'Border posts are equipped.'],
  ].entries()) {
    // The first with its indicators, in both languages.
    const indicators = n === 0 ? { fr: ['Nombre d’agents formés'], en: ['Number of officials trained'] } : { fr: [], en: [] }
    const outcome = await payload.create({ collection: 'outcomes', locale: 'fr', data: { project: regional.id, order: n + 1, statement: fr, indicators: indicators.fr, _status: 'published' } as any })
    await payload.update({ collection: 'outcomes', id: outcome.id, locale: 'en', data: { statement: en, indicators: indicators.en, _status: 'published' } as any })
  }
  // A national project still in draft, in English only, related to the first.
  await payload.create({
    collection: 'projects',
    locale: 'en',
    draft: true,
    data: validProject(states.LS!, { title: 'Labour migration in Lesotho', summary: 'A short summary.', relatedProjects: [regional.id] }) as any,
  })
})
afterAll(async () => {
  await payload?.destroy()
})

describe('exporting projects', () => {
  it('gives coded values with their labels in the locale, Member States as ISO codes and names, outcomes in order', async () => {
    const data = await exportProjects(payload, { locale: 'fr' })
    expect(data.projects.map((project) => project.slug)).toEqual(['gestion-des-frontieres-au-sahel', 'labour-migration-in-lesotho'])
    const [sahel, lesotho] = data.projects
    expect(sahel).toMatchObject({
      title: 'Gestion des frontières au Sahel',
      status: 'active',
      statusLabel: 'Actif',
      projectType: 'IB',
      projectTypeLabel: 'Immigration et frontières',
      coverage: 'regional',
      coverageLabel: 'Régional',
      idfRegion: 'africa',
      idfRegionLabel: 'Afrique',
      projectId: 'IB.0123',
      budgetUSD: 150000,
      memberStates: [
        { iso2: 'BF', name: 'Burkina Faso' },
        { iso2: 'ML', name: 'Mali' },
      ],
      partners: ['Ministère de la sécurité'],
      outcomes: [
        { order: 1, statement: 'Les agents sont formés.', indicators: ['Nombre d’agents formés'] },
        { order: 2, statement: 'Les postes sont équipés.', indicators: [] },
      ],
      translatedLocales: ['en', 'fr'],
      publication: 'published',
    })
    // No fallback: what is not translated is empty, not borrowed from another language.
    expect(lesotho).toMatchObject({ title: null, summary: null, relatedProjects: ['gestion-des-frontieres-au-sahel'], publication: 'draft' })
  })

  it('keeps to the published projects, as published, when asked', async () => {
    const data = await exportProjects(payload, { status: 'published', locale: 'all' })
    expect(data.projects).toHaveLength(1)
    expect(data.projects[0]!.title).toEqual({ en: 'Border management in the Sahel', fr: 'Gestion des frontières au Sahel', es: null })
    expect(data.projects[0]!.statusLabel).toEqual({ en: 'Active', fr: 'Actif', es: 'Activo' })
  })

  it('gives a published page its published outcomes and related pages only', async () => {
    const sahel = (await payload.find({ collection: 'projects', where: { slug: { equals: 'gestion-des-frontieres-au-sahel' } } })).docs[0]!
    const draftOnly = await payload.create({ collection: 'projects', draft: true, data: validProject(states.LS!, { title: 'Unpublished neighbour' }) as any })
    const newOutcome = await payload.create({ collection: 'outcomes', draft: true, locale: 'en', data: { project: sahel.id, statement: 'Not reviewed yet.' } as any })
    await payload.update({ collection: 'projects', id: sahel.id, data: { relatedProjects: [draftOnly.id], _status: 'published' } as any })
    try {
      const [page] = (await exportProjects(payload, { status: 'published', locale: 'en' })).projects
      expect(page!.outcomes.map((outcome) => outcome.statement)).not.toContain('Not reviewed yet.')
      expect(page!.outcomes).toHaveLength(2)
      expect(page!.relatedProjects).toEqual([])
      // Everything, drafts included, when everything is asked for.
      const all = (await exportProjects(payload, { status: 'all', locale: 'en' })).projects.find((project) => project.slug === sahel.slug)!
      expect(all.relatedProjects).toEqual(['unpublished-neighbour'])
      expect(all.outcomes.map((outcome) => outcome.statement)).toContain('Not reviewed yet.')
    } finally {
      await payload.update({ collection: 'projects', id: sahel.id, data: { relatedProjects: [], _status: 'published' } as any })
      await payload.delete({ collection: 'outcomes', id: newOutcome.id })
      await payload.delete({ collection: 'projects', id: draftOnly.id })
    }
  })
})

describe('GET /api/projects/export', () => {
  it('is for signed-in staff only', async () => {
    const anonymous = await api.rest('GET', '/projects/export?format=json')
    expect(anonymous.status).toBe(401)
    expect(JSON.stringify(anonymous.body)).not.toContain('Sahel')
  })

  it('serves CSV in the requested locale, one row per project, ready for a spreadsheet', async () => {
    const response = await api.rest('GET', '/projects/export?format=csv&locale=fr', { token: editorToken })
    expect(response.status).toBe(200)
    expect(response.headers!.get('content-type')).toContain('text/csv')
    expect(response.headers!.get('content-disposition')).toMatch(/attachment; filename="projects-fr-all-\d{4}-\d\d-\d\d\.csv"/)
    const rows = parse(response.body.replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[]
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({
      title: 'Gestion des frontières au Sahel',
      projectTypeLabel: 'Immigration et frontières',
      memberStates: 'BF; ML',
      memberStateNames: 'Burkina Faso; Mali',
      description: 'Premier paragraphe.\n\nSecond paragraphe.',
      outcomes: '1. Les agents sont formés.\n2. Les postes sont équipés.',
      budgetUSD: '150000',
    })
  })

  it('serves JSON with the published projects only, and refuses what it does not know', async () => {
    const response = await api.rest('GET', '/projects/export?status=published', { token: editorToken })
    expect(response.status).toBe(200)
    expect((response.body as ProjectExport).projects.map((project) => project.projectId)).toEqual(['IB.0123'])
    const bad = await api.rest('GET', '/projects/export?format=xml&locale=de', { token: editorToken })
    expect(bad.status).toBe(400)
    expect(bad.body.errors.map((error: any) => error.message)).toEqual([
      'format must be json or csv, not “xml”',
      'locale must be en, fr or es, not “de”',
    ])
  })
})

describe('the JSON export', () => {
  it('imports back into an empty database to the same content, and a second time changes nothing', async () => {
    // The live page has changes waiting for review, its own and an outcome's.
    const regional = (await payload.find({ collection: 'projects', where: { slug: { equals: 'gestion-des-frontieres-au-sahel' } }, depth: 0 })).docs[0]!
    await payload.update({ collection: 'projects', id: regional.id, locale: 'en', draft: true, data: { summary: 'A summary waiting for review.', _status: 'draft' } as any })
    const firstOutcome = (await payload.find({ collection: 'outcomes', where: { project: { equals: regional.id } }, sort: 'order', depth: 0 })).docs[0]!
    await payload.update({ collection: 'outcomes', id: firstOutcome.id, locale: 'en', draft: true, data: { statement: 'Officials are trained twice.', _status: 'draft' } as any })
    const liveSummary = (await payload.findByID({ collection: 'projects', id: regional.id, locale: 'en', depth: 0 })).summary ?? null

    const before = await exportProjects(payload)
    const exported = before.projects.find((project) => project.slug === 'gestion-des-frontieres-au-sahel')!
    expect(exported).toMatchObject({ publication: 'draft', summary: { en: 'A summary waiting for review.' } })
    expect(exported.published).toMatchObject({ summary: { en: liveSummary } })
    expect(exported.published!.outcomes[0]!.statement).toMatchObject({ en: 'Officials are trained.' })
    expect(exported.outcomes[0]!.statement).toMatchObject({ en: 'Officials are trained twice.' })
    const empty = await startSecondPayload('roundtrip')
    try {
      // The empty database gets the reference Member States and a reviewer to publish what was published.
      const otherReviewer = { ...(await createUser(empty, ['reviewer'])), collection: 'users' }
      const results = await importExport(empty, JSON.parse(JSON.stringify(before)), 'export.json', { publish: true, user: otherReviewer as any })
      expect(results.map((result) => [result.status, result.error])).toEqual([
        ['created', undefined],
        ['created', undefined],
      ])
      const after = await exportProjects(empty)
      expect({ ...after, exportedAt: null }).toEqual({ ...before, exportedAt: null })
      // Online as it was, its changes still waiting as a draft.
      const page = (await empty.find({ collection: 'projects', where: { slug: { equals: exported.slug } }, locale: 'en', depth: 1 })).docs[0]!
      expect(page).toMatchObject({ _status: 'published', summary: liveSummary })
      expect((page.outcomes as any).docs[0].statement).toBe('Officials are trained.')
      const history = await empty.find({ collection: 'review-events', where: { project: { equals: page.id } }, sort: 'createdAt', depth: 0 })
      expect(history.docs.map(({ from, to, by, note }) => [from, to, by, note ?? null])).toEqual([
        ['draft', 'approved', otherReviewer.id, 'Imported from export.json'],
        ['approved', 'draft', otherReviewer.id, null],
      ])

      const again = await importExport(empty, JSON.parse(JSON.stringify(before)), 'export.json', { publish: true, user: otherReviewer as any })
      expect(again.map((result) => result.status)).toEqual(['unchanged', 'unchanged'])
    } finally {
      await empty.destroy()
    }
  })

  /** A second database with the page's States and the published export imported, published, by its own reviewer; the page there. */
  const publishedCopy = async (suffix: string, adjust: (published: ProjectExport) => void = () => {}) => {
    const published = await exportProjects(payload, { status: 'published', locale: 'all' })
    adjust(published)
    const target = await startSecondPayload(suffix)
    // The States the published page names: the whole list would take seconds to load, and the
    // round trip into an empty database above loads it.
    await seedStates(target, ['BF', 'ML'])
    const targetReviewer = { ...(await createUser(target, ['reviewer'])), collection: 'users' } as any
    await importExport(target, JSON.parse(JSON.stringify(published)), 'export.json', { publish: true, user: targetReviewer })
    const page = (await target.find({ collection: 'projects', where: { slug: { equals: published.projects[0]!.slug } }, depth: 0 })).docs[0]!
    return { published, target, targetReviewer, page }
  }

  it('published over a draft pending review there, puts the export live and leaves that draft in review', async () => {
    const { published, target, targetReviewer, page } = await publishedCopy('pending')
    try {
      // There, an editor's new Spanish translation waits for review, with a new budget.
      await target.update({ collection: 'projects', id: page.id, locale: 'es', draft: true, data: { title: 'Gestión de fronteras en el Sahel', budgetUSD: 999, reviewStatus: 'in-review' } as any })
      // And a page it will link to is live there.
      const other = await target.create({ collection: 'projects', data: validProject(page.memberStates![0] as number, { title: 'Sahel border posts', projectType: 'IB', projectId: 'IB.0999', _status: 'published', reviewStatus: 'approved' }) as any })

      // The export comes again, its French title changed and the link added, and is published.
      const changed = JSON.parse(JSON.stringify(published)) as ProjectExport
      ;(changed.projects[0]!.title as Record<string, string>).fr = 'Gestion des frontières au Sahel, phase 2'
      ;(changed.projects[0]!.title as Record<string, string>).en = 'Border management in the Sahel, phase 2'
      // And it names no partner any more.
      changed.projects[0]!.partners = { en: null, fr: null, es: null } as never
      changed.projects[0]!.relatedProjects = [other.slug as string]
      changed.projects.push({ ...changed.projects[0]!, slug: other.slug as string, title: { en: 'Sahel border posts', fr: null, es: null }, projectId: 'IB.0999', primaId: null, relatedProjects: [], outcomes: [] } as never)
      const [result] = await importExport(target, changed, 'export.json', { publish: true, user: targetReviewer })
      expect(result).toMatchObject({ status: 'updated', changes: ['title (en)', 'partners (en)', 'title (fr)', 'partners (fr)', 'relatedProjects'] })
      const live = (locale: 'es' | 'fr') => target.findByID({ collection: 'projects', id: page.id, locale, fallbackLocale: false, depth: 0 })
      expect(await live('fr')).toMatchObject({ title: 'Gestion des frontières au Sahel, phase 2', relatedProjects: [other.id], budgetUSD: page.budgetUSD })
      expect((await live('fr')).partners ?? []).toEqual([])
      expect((await live('es')).title ?? null).toBeNull()
      expect((await live('es')).translatedLocales).not.toContain('es')
      const liveEnglish = await target.findByID({ collection: 'projects', id: page.id, locale: 'en', fallbackLocale: false, depth: 0 })
      expect(liveEnglish.title).toBe('Border management in the Sahel, phase 2')
      expect(liveEnglish.partners ?? []).toEqual([])
      const draft = await target.findByID({ collection: 'projects', id: page.id, locale: 'es', fallbackLocale: false, draft: true, depth: 0 })
      expect(draft).toMatchObject({ title: 'Gestión de fronteras en el Sahel', budgetUSD: 999, relatedProjects: [other.id], reviewStatus: 'in-review', _status: 'draft', translatedLocales: ['en', 'fr', 'es'] })
      const draftIn = (locale: 'en' | 'fr') => target.findByID({ collection: 'projects', id: page.id, locale, fallbackLocale: false, draft: true, depth: 0 })
      expect((await draftIn('en')).title).toBe('Border management in the Sahel, phase 2')
      expect((await draftIn('fr')).title).toBe('Gestion des frontières au Sahel, phase 2')
    } finally {
      await target.destroy()
    }
  })

  it('refuses, naming the field and the draft, a publication its pending draft cannot take, and changes nothing', async () => {
    const { published, target, targetReviewer, page } = await publishedCopy('conflict', (data) => Object.assign(data.projects[0]!, { startYear: 2018, endYear: 2024 }))
    try {
      // A draft in review ends the project earlier; the export then starts it later than that.
      await target.update({ collection: 'projects', id: page.id, draft: true, data: { endYear: 2020, reviewStatus: 'in-review' } as any })
      const changed = JSON.parse(JSON.stringify(published)) as ProjectExport
      changed.projects[0]!.startYear = 2022
      const [result] = await importExport(target, changed, 'export.json', { publish: true, user: targetReviewer })
      expect(result).toMatchObject({ status: 'failed', error: expect.stringMatching(/^endYear: .*in the draft pending review over it/) })
      // Nothing written: the live page and the draft as they were.
      expect(await target.findByID({ collection: 'projects', id: page.id, depth: 0 })).toMatchObject({ startYear: 2018, endYear: 2024 })
      expect(await target.findByID({ collection: 'projects', id: page.id, draft: true, depth: 0 })).toMatchObject({ startYear: 2018, endYear: 2020, reviewStatus: 'in-review' })
    } finally {
      await target.destroy()
    }
  })
})

describe('npm run export', () => {
  it('writes the chosen format, locale and status to a file, and JSON to standard output', () => {
    const out = path.join(dir, 'projects.csv')
    const run = (args: string[]) =>
      spawnSync('npm', ['run', '--silent', 'export', '--', ...args], {
        cwd: path.join(import.meta.dirname, '..'),
        env: { ...process.env, NODE_ENV: 'test' },
        encoding: 'utf8',
        timeout: 120_000,
      })
    const csv = run(['--format', 'csv', '--locale', 'fr', '--status', 'published', '--out', out])
    expect(csv.status, csv.stderr).toBe(0)
    expect(csv.stderr).toContain(`1 projects written to ${out}.`)
    const rows = parse(readFileSync(out, 'utf8').replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[]
    expect(rows.map((row) => [row.title, row.statusLabel])).toEqual([['Gestion des frontières au Sahel', 'Actif']])

    const json = run(['--format', 'json'])
    expect(json.status, json.stderr).toBe(0)
    const data = JSON.parse(json.stdout) as ProjectExport
    expect(data.projects.map((project) => project.slug)).toEqual(['gestion-des-frontieres-au-sahel', 'labour-migration-in-lesotho'])
    writeFileSync(path.join(dir, 'projects.json'), json.stdout)

    const xml = run(['--format', 'xml'])
    expect(xml.status).toBe(2)
    expect(xml.stderr).toContain('--format must be json or csv, not “xml”')
    const typo = run(['--fromat', 'csv'])
    expect(typo.status).toBe(2)
    expect(typo.stderr).toContain("Unknown option '--fromat'")
    // An --out without its file name is refused, not taken as writing to standard output.
    for (const args of [['--out'], ['--out', '--format', 'csv']]) {
      const refused = run(args)
      expect(refused.status, args.join(' ')).toBe(2)
      expect(refused.stdout).toBe('')
    }
  })
})
