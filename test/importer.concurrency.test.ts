import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { importConcurrency, MAX_IMPORT_CONCURRENCY } from '../src/importer/concurrency'
import { importPages } from '../src/importer/importPages'
import { claimQueue, pageClaims, semaphore } from '../src/importer/pageOrder'
import { createApi, startApp } from './helpers/api'
import { seedStates } from './helpers/fixtures'
import { createUser } from './helpers/payload'
import { tempDir } from './helpers/tempDir'

/** A promise with its resolve and reject at hand. */
const deferred = () => {
  let resolve!: () => void
  let reject!: (error: Error) => void
  const promise = new Promise<void>((yes, no) => ((resolve = yes), (reject = no)))
  return { promise, resolve, reject }
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

describe('the order of pages imported at once', () => {
  it('claims a page by its project ID, Prima ID and slug, and a numbered slug’s stem shared', () => {
    expect(pageClaims({ project: { title: 'Migration au Lesotho', projectId: 'LM.0304', primaId: 'ZA10P0005' } })).toEqual({
      exclusive: ['projectId:LM.0304', 'primaId:ZA10P0005', 'slug:migration-au-lesotho'],
      shared: [],
    })
    // "… phase 2" could be the slug another page's "… phase" takes when its own is taken.
    expect(pageClaims({ project: { title: 'Migration, phase 2' } })).toEqual({ exclusive: ['slug:migration-phase-2'], shared: ['slug:migration-phase'] })
    // A project that holds one of the page's keys, with all of its own: another page may find it by another.
    expect(pageClaims({ project: { title: 'Migration', projectId: 'LM.0304' } }, [{ id: 7, projectId: 'LM.0304', primaId: 'ZA10P0005', slug: 'old-title' }])).toEqual({
      exclusive: ['projectId:LM.0304', 'slug:migration', 'project:7', 'primaId:ZA10P0005', 'slug:old-title'],
      shared: [],
    })
  })

  it('runs at most so many tasks at a time, the others in turn', async () => {
    const slots = semaphore(2)
    const gates = [deferred(), deferred(), deferred()]
    const started: number[] = []
    const runs = gates.map((gate, n) => slots.use(async () => (started.push(n), gate.promise)))
    await tick()
    expect(started).toEqual([0, 1])
    gates[1]!.reject(new Error('failed'))
    await expect(runs[1]).rejects.toThrow('failed')
    await tick()
    expect(started).toEqual([0, 1, 2])
    gates[0]!.resolve()
    gates[2]!.resolve()
    await Promise.all([runs[0], runs[2]])
  })

  it('runs a task once every earlier one it conflicts with has ended, and the others alongside', async () => {
    const inOrder = claimQueue()
    const events: string[] = []
    const gates = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((name) => [name, deferred()]))
    const task = (name: string) => async () => {
      events.push(`start ${name}`)
      await gates[name]!.promise
      events.push(`end ${name}`)
      return name
    }
    const a = inOrder({ exclusive: ['project:1', 'slug:x'], shared: [] }, task('a'))
    const b = inOrder({ exclusive: ['project:2', 'slug:x-2'], shared: ['slug:x'] }, task('b')) // waits for a (slug x)
    const c = inOrder({ exclusive: ['project:3', 'slug:x-3'], shared: ['slug:x'] }, task('c')) // waits for a, not for b
    const d = inOrder({ exclusive: ['project:4'], shared: [] }, task('d')) // conflicts with nothing
    const e = inOrder({ exclusive: ['project:1'], shared: [] }, task('e')) // waits for a only
    await tick()
    expect(events).toEqual(['start a', 'start d'])
    gates.a!.resolve()
    await tick()
    expect(events.slice(2)).toEqual(['end a', 'start b', 'start c', 'start e'])
    for (const name of ['b', 'c', 'd', 'e']) gates[name]!.resolve()
    expect(await Promise.all([a, b, c, d, e])).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('makes an exclusive claim wait for the shared ones before it, and frees the keys of a task that fails', async () => {
    const inOrder = claimQueue()
    const events: string[] = []
    const first = deferred()
    const second = deferred()
    const shared1 = inOrder({ exclusive: [], shared: ['slug:x'] }, async () => (events.push('shared 1'), first.promise))
    const shared2 = inOrder({ exclusive: [], shared: ['slug:x'] }, async () => (events.push('shared 2'), second.promise))
    const exclusive = inOrder({ exclusive: ['slug:x'], shared: [] }, async () => events.push('exclusive'))
    await tick()
    expect(events).toEqual(['shared 1', 'shared 2'])
    first.reject(new Error('page failed'))
    await expect(shared1).rejects.toThrow('page failed')
    await tick()
    expect(events).toEqual(['shared 1', 'shared 2'])
    second.resolve()
    await Promise.all([shared2, exclusive])
    expect(events).toEqual(['shared 1', 'shared 2', 'exclusive'])
  })
})

describe('importing pages at once', () => {
  let payload: Payload
  let api: ReturnType<typeof createApi>
  const dir = tempDir('cms-import-concurrent')
  const fixture = readFileSync(path.join(import.meta.dirname, 'fixtures/lesotho-labour-migration.fr.txt'), 'utf8')
  const TITLE = 'Renforcement de la gestion de la migration de travail au Lesotho'
  /** The fixture page as another project: its own title, Prima ID and project ID. */
  const page = (name: string, { title, n }: { title: string; n: number }) => {
    const file = path.join(dir, name)
    writeFileSync(
      file,
      fixture
        .replace(TITLE, title)
        .replace('ZA10P0005', `ZA77P${String(n).padStart(4, '0')}`)
        .replace('LM.0304', `LM.${String(7000 + n).padStart(4, '0')}`),
    )
    return file
  }
  /** The same project's page in English (its project ID and Prima ID; a title of its own). */
  const englishPage = (name: string, n: number) => {
    const file = path.join(dir, name)
    writeFileSync(
      file,
      `Home\nLabour migration in Lesotho, project ${n}\n-\nEnd Date\n2024\n-\nProject Status\nCompleted\n-\nProject Type\nLabour Migration\n-\nBudget Amount (USD)\n150,000\n-\nCoverage\nNational\n-\nIDF Region\nAfrica\n-\nPrima ID\nZA77P${String(n).padStart(4, '0')}\n-\nProjects ID\nLM.${7000 + n}\n-\nBenefiting Member States\nLesotho\nThe project supports the Ministry of Labour and Employment of Lesotho. It has three outcomes: i) the Government of Lesotho manages labour migration better; ii) bilateral cooperation is strengthened; and iii) the national labour migration policy is better implemented.`,
    )
    return file
  }

  const notAPage = path.join(dir, 'not-a-page.txt')

  beforeAll(async () => {
    writeFileSync(notAPage, 'A note left in the folder, with no metadata block.')
    ;({ payload, api } = await startApp())
    await seedStates(payload, ['LS'])
  })
  afterAll(async () => {
    await payload?.destroy()
  })

  it('writes four pages at once on PostgreSQL, and one at a time on the other databases', () => {
    const onPostgres = payload.db.name === 'postgres'
    expect(importConcurrency(payload)).toBe(onPostgres ? 4 : 1)
    expect(importConcurrency(payload, 6)).toBe(onPostgres ? 6 : 1)
    expect(importConcurrency(payload, 100)).toBe(onPostgres ? MAX_IMPORT_CONCURRENCY : 1)
  })

  it('ends as a one-at-a-time import does: one project for a page’s languages, slugs unique, results in file order', async () => {
    // A project that holds the slug the next page's title makes, under other IDs: that page makes
    // a new project, numbered `…-2`, while another page's title makes `…-2` itself.
    const [held] = await importPages(payload, [page('held.fr.txt', { title: 'Migration de travail', n: 1 })])
    expect(held).toMatchObject({ status: 'created' })
    const files = [
      page('a.fr.txt', { title: 'Migration au Lesotho, volet A', n: 2 }),
      englishPage('a.en.txt', 2),
      page('numbered.fr.txt', { title: 'Migration de travail', n: 3 }),
      page('clash.fr.txt', { title: 'Migration de travail 2', n: 4 }),
      ...Array.from({ length: 4 }, (_, k) => page(`other-${k}.fr.txt`, { title: `Autre projet ${String.fromCharCode(97 + k)}`, n: 10 + k })),
      notAPage,
      ...Array.from({ length: 4 }, (_, k) => page(`other-${k + 4}.fr.txt`, { title: `Autre projet ${String.fromCharCode(101 + k)}`, n: 14 + k })),
      englishPage('a-again.en.txt', 2),
    ]
    // How many projects are being created at one moment.
    let creating = 0
    let mostCreating = 0
    const create = payload.create.bind(payload)
    const spy = vi.spyOn(payload, 'create').mockImplementation((async (args: Parameters<Payload['create']>[0]) => {
      if (args.collection !== 'projects') return create(args)
      mostCreating = Math.max(mostCreating, ++creating)
      try {
        return await create(args)
      } finally {
        creating--
      }
    }) as never)
    const heard: string[] = []
    const counts: string[] = []
    let results: Awaited<ReturnType<typeof importPages>>
    try {
      results = await importPages(payload, files, {
        onPage: (result, done, total) => {
          heard.push(path.basename(result.file))
          counts.push(`${done}/${total}`)
        },
      })
    } finally {
      spy.mockRestore()
    }
    expect(results.map((result) => [path.basename(result.file), result.status, result.error])).toEqual([
      ['a.fr.txt', 'created', undefined],
      ['a.en.txt', 'updated', undefined],
      ['numbered.fr.txt', 'created', undefined],
      ['clash.fr.txt', 'created', undefined],
      ...Array.from({ length: 4 }, (_, k) => [`other-${k}.fr.txt`, 'created', undefined]),
      ['not-a-page.txt', 'failed', 'not a project page: no metadata block'],
      ...Array.from({ length: 4 }, (_, k) => [`other-${k + 4}.fr.txt`, 'created', undefined]),
      ['a-again.en.txt', 'unchanged', undefined],
    ])
    expect([...heard].sort()).toEqual(files.map((file) => path.basename(file)).sort())
    expect(counts).toEqual(files.map((_, n) => `${n + 1}/${files.length}`))
    if (payload.db.name === 'postgres') expect(mostCreating).toBeGreaterThan(1)
    else expect(mostCreating).toBe(1)

    const { docs } = await payload.find({ collection: 'projects', draft: true, limit: 0, pagination: false, locale: 'fr', depth: 0 })
    expect(docs).toHaveLength(12)
    const byId = Object.fromEntries(docs.map((doc) => [doc.projectId, doc]))
    // The French and English pages made one project, in both languages.
    expect(byId['LM.7002']).toMatchObject({ translatedLocales: ['en', 'fr'], slug: 'migration-au-lesotho-volet-a' })
    expect(results[1]!.projectId).toBe(byId['LM.7002']!.id)
    // The held slug's page was numbered, and the page whose title makes that number had to look further.
    expect(byId['LM.7001']!.slug).toBe('migration-de-travail')
    expect(byId['LM.7003']!.slug).toBe('migration-de-travail-2')
    expect(byId['LM.7004']!.slug).toBe('migration-de-travail-2-2')
    expect(new Set(docs.map((doc) => doc.slug)).size).toBe(12)
    const outcomes = await payload.find({ collection: 'outcomes', draft: true, limit: 0, pagination: false, depth: 0 })
    expect(outcomes.totalDocs).toBe(12 * 3)
  })

  it('publishes pages at once: each one live, and the public list and filter panel count every one', async () => {
    const reviewer = { ...(await createUser(payload, ['reviewer'])), collection: 'users' } as never
    const files = [
      ...Array.from({ length: 6 }, (_, k) => page(`live-${k}.fr.txt`, { title: `Projet publié ${String.fromCharCode(97 + k)}`, n: 50 + k })),
      englishPage('live-0.en.txt', 50),
    ]
    const results = await importPages(payload, files, { publish: true, user: reviewer })
    expect(results.map((result) => [result.status, result.error])).toEqual([...files.slice(0, 6).map(() => ['created', undefined]), ['updated', undefined]])
    // Only these pages are public in this file's database: the other tests import drafts.
    const listed = await api.rest('GET', '/projects/cards?locale=fr&limit=50')
    expect(listed.body.docs.map((card: { projectId: string }) => card.projectId).sort()).toEqual(['LM.7050', 'LM.7051', 'LM.7052', 'LM.7053', 'LM.7054', 'LM.7055'])
    const panel = (await api.rest('GET', '/projects/cards/facets?locale=fr')).body
    expect(panel.totalDocs).toBe(6)
    expect(panel.facets.status).toEqual([expect.objectContaining({ value: 'completed', count: 6 })])
    const english = await api.rest('GET', `/projects/page/${listed.body.docs.find((card: { projectId: string }) => card.projectId === 'LM.7050').slug}?locale=en`)
    expect(english.body.title).toBe('Labour migration in Lesotho, project 50')
  })

  it('stops, and says why, when the caller’s onPage fails', async () => {
    const files = [0, 1, 2].map((k) => page(`listener-${k}.fr.txt`, { title: `Projet écouté ${String.fromCharCode(97 + k)}`, n: 40 + k }))
    const failing = () => {
      throw new Error('the listener failed')
    }
    await expect(importPages(payload, files, { onPage: failing })).rejects.toThrow('the listener failed')
  })

  it('takes turns for pages that find one project by different keys', async () => {
    // A project with both IDs; one page names it by its project ID, the next by its Prima ID only.
    const [existing] = await importPages(payload, [page('both-ids.fr.txt', { title: 'Projet aux deux identifiants', n: 30 })])
    const byProjectId = page('by-project-id.fr.txt', { title: 'Projet aux deux identifiants, révisé', n: 30 })
    writeFileSync(byProjectId, readFileSync(byProjectId, 'utf8').replace('Prima ID\nZA77P0030\n-\n', '').replace('150000.00', '175000.00'))
    const byPrimaId = englishPage('by-prima-id.en.txt', 30)
    writeFileSync(byPrimaId, readFileSync(byPrimaId, 'utf8').replace('Projects ID\nLM.7030\n-\n', ''))
    const results = await importPages(payload, [byProjectId, byPrimaId])
    expect(results.map((result) => [result.status, result.projectId, result.error])).toEqual([
      ['updated', existing!.projectId, undefined],
      ['updated', existing!.projectId, undefined],
    ])
    // Both pages' changes are in the project's one latest version: the second page read the
    // first's (its French title), and its budget came last, as in file order.
    const latest = await payload.db.queryDrafts({ collection: 'projects', where: { 'version.projectId': { equals: 'LM.7030' } }, limit: 0, pagination: false })
    expect(latest.docs).toHaveLength(1)
    const project = await payload.findByID({ collection: 'projects', id: existing!.projectId!, draft: true, locale: 'all', depth: 0 })
    expect(project).toMatchObject({
      budgetUSD: 150000,
      translatedLocales: ['en', 'fr'],
      title: { en: 'Labour migration in Lesotho, project 30', fr: 'Projet aux deux identifiants, révisé' },
    })
  })
})
