import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { sql } from 'drizzle-orm'
import type { Payload } from 'payload'
import { commitTransaction, createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { databaseKind, sqliteSynchronous, sqlSession, startTransaction } from '../src/database'
import { seedStates } from './helpers/fixtures'
import { startPayload } from './helpers/payload'
import { tempDir } from './helpers/tempDir'

/**
 * A crash in the middle of an import (the process killed with SIGKILL while it writes) leaves
 * whole pages or nothing: every project in the database has all its outcomes and a version, and
 * running the import again completes the rest.
 */
const ROOT = path.resolve(import.meta.dirname, '..')
const PAGES = 40
let payload: Payload
let dir: string

beforeAll(async () => {
  payload = await startPayload()
  await seedStates(payload, ['LS'])
  const fixture = readFileSync(path.join(ROOT, 'test', 'fixtures', 'lesotho-labour-migration.fr.txt'), 'utf8')
  dir = tempDir('crash-import')
  for (let i = 1; i <= PAGES; i++) {
    writeFileSync(
      path.join(dir, `page-${String(i).padStart(2, '0')}.fr.txt`),
      fixture
        .replace('Renforcement de la gestion de la migration de travail au Lesotho', `Renforcement de la gestion de la migration de travail au Lesotho, phase ${i}`)
        .replace('ZA10P0005', `ZA98P${String(i).padStart(4, '0')}`)
        .replace('LM.0304', `LM.${String(8000 + i)}`),
    )
  }
})
afterAll(async () => {
  await payload?.destroy()
})

let output = ''
const importInto = () => {
  const child = spawn('node', ['scripts/run.mjs', 'scripts/import.ts', dir], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } })
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  return child
}

/** Every project with its outcomes: none may be half-written. */
const expectWholePages = async () => {
  const { docs } = await payload.find({ collection: 'projects', draft: true, limit: 0, pagination: false, depth: 0, locale: 'fr', joins: false })
  for (const project of docs) {
    const outcomes = await payload.count({ collection: 'outcomes', where: { project: { equals: project.id } } })
    expect(outcomes.totalDocs, project.title as string).toBe(3)
    expect(project).toMatchObject({ primaId: expect.stringMatching(/^ZA98P/), projectId: expect.stringMatching(/^LM\.80/) })
    const versions = await payload.countVersions({ collection: 'projects', where: { parent: { equals: project.id } } })
    expect(versions.totalDocs, project.title as string).toBeGreaterThan(0)
  }
  return docs.length
}

describe('a crash in the middle of an import', () => {
  it('leaves only whole pages, and a second run completes the rest', async () => {
    const child = importInto()
    const deadline = Date.now() + 120_000
    // Killed once a few pages are in: it is then writing the next one.
    while (Date.now() < deadline && (await payload.count({ collection: 'projects' })).totalDocs < 3) {
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    process.kill(-child.pid!, 'SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))

    const survived = await expectWholePages()
    expect(survived).toBeGreaterThanOrEqual(3)
    expect(survived).toBeLessThan(PAGES)

    output = ''
    const again = importInto()
    const code = await new Promise((resolve) => again.once('exit', resolve))
    expect(code, output.slice(-3000)).toBe(0)
    expect(await expectWholePages()).toBe(PAGES)
  }, 240_000)
})

describe('a failure in the middle of a publication', () => {
  it('leaves the page, its versions and its history as they were', async () => {
    const { validProject } = await import('./helpers/fixtures')
    const { LS } = await seedStates(payload, ['LS'])
    const page = await payload.create({
      collection: 'projects',
      data: validProject(LS!, { title: 'Before the failure', _status: 'published', reviewStatus: 'approved', primaId: 'ZA97P0001', projectId: 'LM.7001' }) as any,
    })
    const counts = async () => ({
      versions: (await payload.countVersions({ collection: 'projects', where: { parent: { equals: page.id } } })).totalDocs,
      history: (await payload.count({ collection: 'review-events', where: { project: { equals: page.id } } })).totalDocs,
    })
    const before = await counts()
    // Fails after the document and its version were written, as a crash there would.
    const hooks = payload.collections.projects.config.hooks.afterChange
    const failing = () => {
      throw new Error('the server failed in the middle of the publication')
    }
    hooks.push(failing)
    try {
      await expect(
        payload.update({ collection: 'projects', id: page.id, data: { title: 'After the failure', _status: 'published' } as any, overrideAccess: true }),
      ).rejects.toThrow(/in the middle of the publication/)
    } finally {
      hooks.splice(hooks.indexOf(failing), 1)
    }
    expect((await payload.findByID({ collection: 'projects', id: page.id, depth: 0 })).title).toBe('Before the failure')
    expect((await payload.findByID({ collection: 'projects', id: page.id, depth: 0, draft: true })).title).toBe('Before the failure')
    expect(await counts()).toEqual(before)
    // And the next publication goes through.
    await payload.update({ collection: 'projects', id: page.id, data: { title: 'After the failure', _status: 'published' } as any, overrideAccess: true })
    expect((await payload.findByID({ collection: 'projects', id: page.id, depth: 0 })).title).toBe('After the failure')
  })
})

describe.runIf(databaseKind(process.env.DATABASE_URL ?? 'file:') === 'sqlite')('every SQLite connection', () => {
  const client = () => (payload.db as unknown as { client: { execute: (statement: string) => Promise<{ rows: Record<string, unknown>[] }> } }).client
  const first = (row: Record<string, unknown> | unknown[]) => Number(Object.values(row)[0])
  // SQLite's numbers for the setting this run asked for: NORMAL is 1, FULL 2.
  const flush = sqliteSynchronous() === 'FULL' ? 2 : 1

  it('waits for a locked file and flushes commits as configured, in and after a transaction', async () => {
    const req = await createLocalReq({}, payload)
    expect(await startTransaction(req)).toBe(true)
    try {
      // A transaction runs on a connection of its own (sqliteConnections.ts): the settings must be on that one…
      const session = await sqlSession(payload, req)
      expect(first((await session.all(sql.raw('PRAGMA synchronous')))[0])).toBe(flush)
      expect(first((await session.all(sql.raw('PRAGMA busy_timeout')))[0])).toBe(5000)
    } finally {
      await commitTransaction(req)
    }
    // …and on the client's, which answers what follows.
    expect(first((await client().execute('PRAGMA synchronous')).rows[0]!)).toBe(flush)
    expect(first((await client().execute('PRAGMA busy_timeout')).rows[0]!)).toBe(5000)
  })

  it('takes SQLITE_SYNCHRONOUS as NORMAL (the default) or FULL, and refuses anything else', () => {
    expect(sqliteSynchronous('')).toBe('NORMAL')
    expect(sqliteSynchronous(' full ')).toBe('FULL')
    expect(sqliteSynchronous('normal')).toBe('NORMAL')
    // OFF may corrupt the file on a power cut; EXTRA buys nothing in WAL mode.
    expect(() => sqliteSynchronous('OFF')).toThrow(/SQLITE_SYNCHRONOUS "OFF" is not supported: use NORMAL \(the default\) or FULL/)
  })
})
