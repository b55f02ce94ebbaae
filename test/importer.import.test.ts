import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createLocalReq } from 'payload'

import { findExisting, importPages } from '../src/importer/importPages'
import { createApi, startApp } from './helpers/api'
import { snapshotCounts } from './helpers/expectations'
import { seedStates, validProject } from './helpers/fixtures'
import { createUser } from './helpers/payload'
import { tempDir } from './helpers/tempDir'

/** Importing saved pages into the database: one transaction per page, idempotent, drafts for review. */
let payload: Payload
let api: ReturnType<typeof createApi>
let states: Record<string, number | string | undefined>
const dir = tempDir('cms-import')
const french = path.join(dir, 'lesotho.fr.txt')
const english = path.join(dir, 'lesotho.en.txt')

beforeAll(async () => {
  ;({ payload, api } = await startApp())
  states = await seedStates(payload, ['LS', 'ZA', 'BF', 'ML'])
  copyFileSync(path.join(import.meta.dirname, 'fixtures/lesotho-labour-migration.fr.txt'), french)
  writeFileSync(
    english,
    `Home\nStrengthening labour migration management in Lesotho\n-\nEnd Date\n2024\n-\nProject Status\nCompleted\n-\nProject Type\nLabour Migration\n-\nBudget Amount (USD)\n150,000\n-\nCoverage\nNational\n-\nIDF Region\nAfrica\n-\nPrima ID\nZA10P0005\n-\nProjects ID\nLM.0304\n-\nBenefiting Member States\nLesotho\nThe project supports the Ministry of Labour and Employment of Lesotho. It has three outcomes: i) the Government of Lesotho manages labour migration better; ii) bilateral cooperation is strengthened; and iii) the national labour migration policy is better implemented.`,
  )
})
afterAll(async () => {
  await payload?.destroy()
})

describe('importing pages', () => {
  it('creates the project from the French page with its outcomes, as drafts the public does not see', async () => {
    const [result] = await importPages(payload, [french])
    expect(result).toMatchObject({ status: 'created', locale: 'fr', problems: [] })
    const project = await payload.findByID({ collection: 'projects', id: result!.projectId!, draft: true, locale: 'fr' })
    expect(project).toMatchObject({ projectId: 'LM.0304', _status: 'draft', reviewStatus: 'draft', translatedLocales: ['fr'], budgetUSD: 150000 })
    const outcomes = await payload.find({ collection: 'outcomes', where: { project: { equals: project.id } }, draft: true, locale: 'fr', sort: 'order' })
    expect(outcomes.docs.map((outcome) => outcome.statement)).toHaveLength(3)
    expect((await api.rest('GET', '/projects')).body.totalDocs).toBe(0)
  })

  it('changes nothing the second time, and says so', async () => {
    const before = await snapshotCounts(payload)
    const [result] = await importPages(payload, [french])
    expect(result).toMatchObject({ status: 'unchanged', changes: [] })
    expect(await snapshotCounts(payload)).toEqual(before)
  })

  it('names a changed outcome by its place on the page in a dry run', async () => {
    const third = path.join(dir, 'third-outcome.fr.txt')
    writeFileSync(third, readFileSync(french, 'utf8').replace('grâce à la mise en œuvre du plan d’action national', 'grâce au plan d’action national'))
    const [result] = await importPages(payload, [third], { dryRun: true })
    // The description holds the outcomes' text too.
    expect(result).toMatchObject({ status: 'updated', changes: ['description', 'outcomes[2]'] })
  })

  it('shows what the English page would change in a dry run, writing nothing, then adds the English locale', async () => {
    const before = await snapshotCounts(payload)
    const [dry] = await importPages(payload, [english], { dryRun: true })
    expect(dry).toMatchObject({ status: 'updated', locale: 'en' })
    expect(dry!.changes).toEqual(expect.arrayContaining(['title', 'description', 'outcomes[0]', 'outcomes[1]', 'outcomes[2]']))
    expect(await snapshotCounts(payload)).toEqual(before)

    const [real] = await importPages(payload, [english])
    expect(real).toMatchObject({ status: 'updated', projectId: dry!.projectId })
    const all = await payload.findByID({ collection: 'projects', id: real!.projectId!, draft: true, locale: 'all' })
    expect(all.title).toEqual({
      fr: 'Renforcement de la gestion de la migration de travail au Lesotho',
      en: 'Strengthening labour migration management in Lesotho',
    })
    expect((await payload.count({ collection: 'projects' })).totalDocs).toBe(1)
    const outcome = await payload.find({ collection: 'outcomes', draft: true, locale: 'all', sort: 'order', limit: 1 })
    expect(outcome.docs[0]!.statement).toEqual({
      fr: expect.stringMatching(/^Le Gouvernement du Lesotho démontre/),
      en: 'The Government of Lesotho manages labour migration better.',
    })
  })

  it('finds the page’s project by its project ID first, then its Prima ID, then its slug, never one with other IDs', async () => {
    const lesotho = (await payload.find({ collection: 'projects', where: { projectId: { equals: 'LM.0304' } }, draft: true, limit: 1 })).docs[0]!
    const other = await payload.create({ collection: 'projects', draft: true, data: validProject(states.ML!, { title: 'Another page about Mali' }) as any })
    const req = await createLocalReq({}, payload)
    const found = async (keys: Parameters<typeof findExisting>[1]) => (await findExisting(req, keys, 'en'))?.id
    expect(await found({ projectId: 'LM.0304', primaId: other.primaId, slug: other.slug })).toBe(lesotho.id)
    expect(await found({ primaId: other.primaId, slug: lesotho.slug })).toBe(other.id)
    expect(await found({ slug: other.slug })).toBe(other.id)
    // A page with its own project ID (or Prima ID) whose title makes another page's slug is a new
    // project, not that one with its IDs rewritten.
    expect(await found({ projectId: 'LM.9999', slug: other.slug })).toBeUndefined()
    expect(await found({ primaId: 'ZA99P9999', slug: other.slug })).toBeUndefined()
    expect(await found({ projectId: 'LM.9999', primaId: other.primaId, slug: lesotho.slug })).toBeUndefined()
    expect(await found({ projectId: 'LM.9999', slug: 'no-such-page' })).toBeUndefined()
    expect(await found({})).toBeUndefined()
    await payload.delete({ collection: 'projects', id: other.id })

    // End to end: the French page under new project and Prima IDs, its title unchanged.
    const sameTitle = path.join(dir, 'same-title.fr.txt')
    writeFileSync(sameTitle, readFileSync(french, 'utf8').replace('ZA10P0005', 'ZA10P0400').replace('LM.0304', 'LM.0400'))
    const [result] = await importPages(payload, [sameTitle])
    expect(result).toMatchObject({ status: 'created' })
    const created = await payload.findByID({ collection: 'projects', id: result!.projectId!, draft: true })
    expect(created).toMatchObject({ projectId: 'LM.0400', slug: `${lesotho.slug}-2` })
    expect(await payload.findByID({ collection: 'projects', id: lesotho.id, draft: true })).toMatchObject({ projectId: 'LM.0304', primaId: 'ZA10P0005', slug: lesotho.slug })
    await payload.delete({ collection: 'outcomes', where: { project: { equals: created.id } } })
    await payload.delete({ collection: 'projects', id: created.id })
  })

  it('leaves nothing behind for a page that fails, and goes on with the next', async () => {
    const notAPage = path.join(dir, 'about.txt')
    writeFileSync(notAPage, 'Qui sommes nous\nStructure\n- Directrice générale')
    const invalid = path.join(dir, 'invalid.txt')
    writeFileSync(invalid, 'Projet invalide\n-\nCouverture\nNational\n-\nProjet ID\nLM.0999\n-\nEtat(s) membre(s) beneficiaires remplissant les conditions requises\nBurkina Faso Mali\ni) un effet ; ii) un autre effet.')
    const good = path.join(dir, 'good.txt')
    writeFileSync(good, 'Projet valide\n-\nCouverture\nRégional\n-\nProjet ID\nLM.0998\n-\nEtat(s) membre(s) beneficiaires remplissant les conditions requises\nBurkina Faso Mali')
    const before = await snapshotCounts(payload)
    const results = await importPages(payload, [notAPage, invalid, good])
    expect(results.map((result) => result.status)).toEqual(['failed', 'failed', 'created'])
    expect(results[0]!.error).toMatch(/not a project page/)
    expect(results[1]!.error).toMatch(/memberStates: National coverage needs exactly one/)
    const after = await snapshotCounts(payload)
    expect(after.projects).toBe(before.projects + 1)
    expect(after.outcomes).toBe(before.outcomes)
  })

  it('publishes only for someone who may publish', async () => {
    const page = path.join(dir, 'publish.txt')
    writeFileSync(page, 'Projet publié\n-\nCouverture\nNational\n-\nProjet ID\nLM.0997\n-\nEtat(s) membre(s) beneficiaires remplissant les conditions requises\nLesotho')
    const editor = await createUser(payload, ['editor'])
    const [refused] = await importPages(payload, [page], { publish: true, user: { ...editor, collection: 'users' } as any })
    expect(refused).toMatchObject({ status: 'failed', error: expect.stringMatching(/Only a reviewer can publish/) })
    const reviewer = await createUser(payload, ['reviewer'])
    const [published] = await importPages(payload, [page], { publish: true, user: { ...reviewer, collection: 'users' } as any })
    expect(published!.status).toBe('created')
    expect((await api.rest('GET', `/projects/${published!.projectId}?locale=fr`)).body.title).toBe('Projet publié')

    // Both moves are in the page's review history: the reviewer's publishing import, and the
    // system's import of a changed page, which sends it back to draft.
    writeFileSync(page, readFileSync(page, 'utf8').replace('Projet publié', 'Projet publié, modifié'))
    const [reimported] = await importPages(payload, [page])
    expect(reimported).toMatchObject({ status: 'updated', projectId: published!.projectId })
    const { docs } = await payload.find({ collection: 'review-events', where: { project: { equals: published!.projectId } }, sort: 'createdAt', depth: 0 })
    expect(docs.map(({ kind, from, to, by, note }) => ({ kind, from, to, by: by ?? null, note }))).toEqual([
      { kind: 'transition', from: 'draft', to: 'approved', by: reviewer.id, note: 'Imported from publish.txt' },
      { kind: 'transition', from: 'approved', to: 'draft', by: null, note: 'Imported from publish.txt' },
    ])
  })

  it('publishing over a draft pending review puts the page’s language live and leaves the draft’s other text in review', async () => {
    const page = path.join(dir, 'pending.fr.txt')
    const text = (title: string, outcome: string, third = '') =>
      `${title}\n-\nCouverture\nNational\n-\nProjet ID\nLM.0995\n-\nEtat(s) membre(s) beneficiaires remplissant les conditions requises\nLesotho\nL’OIM atteindra cet objectif par l’obtention des effets directs suivants : i) ${outcome} ; ii) les autorités coopèrent${third ? ` ; et iii) ${third}` : ''}.`
    writeFileSync(page, text('Page en ligne', 'les migrants sont mieux protégés'))
    const reviewer = { ...(await createUser(payload, ['reviewer'])), collection: 'users' } as any
    const [live] = await importPages(payload, [page], { publish: true, user: reviewer })
    expect(live!.status).toBe('created')
    const id = live!.projectId!
    const [outcome] = (await payload.find({ collection: 'outcomes', where: { project: { equals: id } }, depth: 0 })).docs

    // An editor's English translation of the page and its outcome, sent for review.
    const editor = await createUser(payload, ['editor'])
    const token = await api.login(editor.email)
    expect((await api.rest('PATCH', `/outcomes/${outcome!.id}?draft=true&locale=en`, { token, body: { statement: 'Unreviewed English outcome' } })).status).toBe(200)
    expect((await api.rest('PATCH', `/projects/${id}?draft=true&locale=en`, { token, body: { title: 'Unreviewed English title', summary: 'Unreviewed English summary', budgetUSD: 999 } })).status).toBe(200)
    // And a French summary, the whole sent for review.
    expect((await api.rest('PATCH', `/projects/${id}?draft=true&locale=fr`, { token, body: { summary: 'Résumé en attente', reviewStatus: 'in-review' } })).status).toBe(200)

    // A third outcome, new, with an indicator, waits for review too (never published).
    const third = await api.rest('POST', '/outcomes?draft=true&locale=fr', { token, body: { project: id, order: 3, statement: 'Un effet en attente', indicators: ['Indicateur non relu'] } })
    expect(third.status).toBe(201)
    const thirdId = third.body.doc.id

    // The French page changes on the old site (and names the third outcome), and a reviewer
    // imports it again, publishing.
    writeFileSync(page, text('Page en ligne, modifiée', 'les migrants sont encore mieux protégés', 'les familles sont informées'))
    const [republished] = await importPages(payload, [page], { publish: true, user: reviewer })
    expect(republished).toMatchObject({ status: 'updated', projectId: id, changes: expect.arrayContaining(['title', 'outcomes[0]', 'outcomes[2]']) })

    // The public sees the new French, and no English (the English reads fall back to French), nor
    // the draft's other changes; the page does not claim an English version.
    const publicEnglish = await api.rest('GET', `/projects/${id}?locale=en&fallback-locale=none&depth=0`)
    expect(publicEnglish.body.title ?? null).toBeNull()
    expect(publicEnglish.body).toMatchObject({ translatedLocales: ['fr'] })
    expect(publicEnglish.body.budgetUSD ?? null).toBeNull()
    expect((await api.rest('GET', `/projects/${id}?locale=fr`)).body).toMatchObject({ title: 'Page en ligne, modifiée' })
    expect((await api.rest('GET', `/projects/${id}?locale=fr&fallback-locale=none`)).body.summary ?? null).toBeNull()
    const publicOutcome = await api.rest('GET', `/outcomes/${outcome!.id}?locale=en&fallback-locale=none`)
    expect(publicOutcome.body.statement ?? null).toBeNull()
    expect((await api.rest('GET', `/outcomes/${outcome!.id}?locale=fr`)).body.statement).toBe('Les migrants sont encore mieux protégés.')
    // The third goes live with the page's statement and without its unreviewed indicator, which
    // stays in its draft.
    const liveThird = await api.rest('GET', `/outcomes/${thirdId}?locale=fr`)
    expect(liveThird.body).toMatchObject({ statement: 'Les familles sont informées.', indicators: [] })
    const thirdDraft = await payload.findByID({ collection: 'outcomes', id: thirdId, draft: true, locale: 'fr', depth: 0 })
    expect(thirdDraft).toMatchObject({ statement: 'Les familles sont informées.', indicators: ['Indicateur non relu'] })

    // The translation is still pending, in review, on top of the new French.
    const draft = (locale: 'en' | 'fr') => payload.findByID({ collection: 'projects', id, draft: true, locale, fallbackLocale: false, depth: 0 })
    expect(await draft('en')).toMatchObject({ title: 'Unreviewed English title', budgetUSD: 999, translatedLocales: ['en', 'fr'], reviewStatus: 'in-review', _status: 'draft' })
    // A draft like any other (not Payload's snapshot of it, which the admin's version views skip).
    const { docs: latest } = await payload.findVersions({ collection: 'projects', where: { and: [{ parent: { equals: id } }, { latest: { equals: true } }] }, depth: 0 })
    expect(latest.map((version: any) => version.snapshot ?? false)).toEqual([false])
    expect(await draft('fr')).toMatchObject({ title: 'Page en ligne, modifiée', summary: 'Résumé en attente' })
    const outcomeDraft = await payload.findByID({ collection: 'outcomes', id: outcome!.id, draft: true, locale: 'en', fallbackLocale: false, depth: 0 })
    expect(outcomeDraft.statement).toBe('Unreviewed English outcome')
    const { docs: latestOutcome } = await payload.findVersions({ collection: 'outcomes', where: { and: [{ parent: { equals: outcome!.id } }, { latest: { equals: true } }] }, depth: 0 })
    expect(latestOutcome.map((version: any) => version.snapshot ?? false)).toEqual([false])
    const { docs: history } = await payload.find({ collection: 'review-events', where: { project: { equals: id } }, sort: 'createdAt', depth: 0 })
    expect(history.slice(-2).map(({ from, to, note }) => ({ from, to, note }))).toEqual([
      { from: 'in-review', to: 'approved', note: 'Imported from pending.fr.txt' },
      { from: 'approved', to: 'in-review', note: 'Imported from pending.fr.txt: the draft pending over the page stays in review' },
    ])

    // Imported again unchanged, the page changes nothing: the pending draft stays as it is.
    const [again] = await importPages(payload, [page], { publish: true, user: reviewer })
    expect(again!.status).toBe('unchanged')
    expect((await draft('en')).title).toBe('Unreviewed English title')

    // The English page arrives, published: its title and outcomes go live, not the pending
    // English summary it does not state, which stays in the draft.
    const englishPage = path.join(dir, 'pending.en.txt')
    writeFileSync(
      englishPage,
      `Page online\n-\nCoverage\nNational\n-\nProjects ID\nLM.0995\n-\nBenefiting Member States\nLesotho\nIOM will reach this objective through two outcomes: i) migrants are better protected; and ii) the authorities cooperate.`,
    )
    const [english] = await importPages(payload, [englishPage], { publish: true, user: reviewer })
    expect(english).toMatchObject({ status: 'updated', projectId: id, locale: 'en' })
    const liveEnglish = await api.rest('GET', `/projects/${id}?locale=en&fallback-locale=none&depth=0`)
    expect(liveEnglish.body).toMatchObject({ title: 'Page online', translatedLocales: ['en', 'fr'] })
    expect(liveEnglish.body.summary ?? null).toBeNull()
    expect(liveEnglish.body.budgetUSD ?? null).toBeNull()
    expect(await draft('en')).toMatchObject({ title: 'Page online', summary: 'Unreviewed English summary', budgetUSD: 999, reviewStatus: 'in-review', translatedLocales: ['en', 'fr'] })
    expect(await draft('fr')).toMatchObject({ summary: 'Résumé en attente' })
  })

  it('imports a fund-site page saved as HTML, and reports an English body on a French page', async () => {
    const page = path.join(dir, 'fonds.html')
    writeFileSync(
      page,
      `<html><body><nav><a href="/">Fonds de l’OIM pour le développement</a></nav>
      <h1>Migration de main-d’œuvre au Burkina Faso et au Mali</h1><h2>Migration de main-d’œuvre au Burkina Faso et au Mali</h2>
      <div>Afrique</div><div>LM.0996</div><div>150 000</div><div>Burkina Faso Mali Atlantide</div><div>Migration de main-d’œuvre</div><div>Régional</div><div>Actif</div>
      <p>The project supports the labour ministries of both countries in managing labour migration, in partnership with the Economic Community of West African States, and trains their officials.</p></body></html>`,
    )
    const [result] = await importPages(payload, [page])
    expect(result).toMatchObject({ status: 'created', locale: 'fr' })
    expect(result!.problems).toEqual([
      { field: 'memberStates', value: 'Atlantide', reason: 'unmatched-name' },
      { field: 'description', value: 'en', reason: 'other-language' },
    ])
    const project = await payload.findByID({ collection: 'projects', id: result!.projectId!, draft: true, locale: 'fr', depth: 1 })
    expect(project).toMatchObject({
      title: 'Migration de main-d’œuvre au Burkina Faso et au Mali',
      idfRegion: 'africa',
      projectId: 'LM.0996',
      budgetUSD: 150000,
      projectType: 'LM',
      coverage: 'regional',
      status: 'active',
      partners: ['Economic Community of West African States'],
    })
    expect((project.memberStates as any[]).map((state) => state.iso2)).toEqual(['BF', 'ML'])
  })
})
