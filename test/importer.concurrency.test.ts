import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { importConcurrency, MAX_IMPORT_CONCURRENCY } from '../src/importer/concurrency'
import { importPages } from '../src/importer/importPages'
import { claimQueue, pageClaims } from '../src/importer/pageOrder'
import { startApp } from './helpers/api'
import { seedStates } from './helpers/fixtures'
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

  beforeAll(async () => {
    ;({ payload } = await startApp())
    await seedStates(payload, ['LS'])
  })
  afterAll(async () => {
    await payload?.destroy()
  })

  it('writes four pages at once on PostgreSQL, and one at a time on SQLite', () => {
    const kind = payload.db.name
    expect(importConcurrency(payload)).toBe(kind === 'postgres' ? 4 : 1)
    expect(importConcurrency(payload, 6)).toBe(kind === 'sqlite' ? 1 : 6)
    expect(importConcurrency(payload, 100)).toBe(kind === 'sqlite' ? 1 : MAX_IMPORT_CONCURRENCY)
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
      ...Array.from({ length: 8 }, (_, k) => page(`other-${k}.fr.txt`, { title: `Autre projet ${String.fromCharCode(97 + k)}`, n: 10 + k })),
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
    let results: Awaited<ReturnType<typeof importPages>>
    try {
      results = await importPages(payload, files, { onPage: (result) => heard.push(path.basename(result.file)) })
    } finally {
      spy.mockRestore()
    }
    expect(results.map((result) => [path.basename(result.file), result.status, result.error])).toEqual([
      ['a.fr.txt', 'created', undefined],
      ['a.en.txt', 'updated', undefined],
      ['numbered.fr.txt', 'created', undefined],
      ['clash.fr.txt', 'created', undefined],
      ...Array.from({ length: 8 }, (_, k) => [`other-${k}.fr.txt`, 'created', undefined]),
      ['a-again.en.txt', 'unchanged', undefined],
    ])
    expect([...heard].sort()).toEqual(files.map((file) => path.basename(file)).sort())
    if (payload.db.name === 'sqlite') expect(mostCreating).toBe(1)
    else expect(mostCreating).toBeGreaterThan(1)

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
})
