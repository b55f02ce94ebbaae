import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { backupSqlite, restoreSqlite } from '../src/backup/sqlite'
import { databaseKind } from '../src/database'
import { seedStates, validProject } from './helpers/fixtures'
import { createUser, startPayload, startPayloadOn } from './helpers/payload'
import { tempDir } from './helpers/tempDir'

/** `npm run backup` / `npm run restore` for the embedded SQLite database. */
const dir = tempDir('cms-backup')
const kind = databaseKind(process.env.DATABASE_URL ?? 'file:')
let payload: Payload

const run = (script: 'backup' | 'restore', args: string[], env: Record<string, string> = {}) =>
  spawnSync('npm', ['run', '--silent', script, '--', ...args], {
    cwd: path.join(import.meta.dirname, '..'),
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  })

const contents = async (instance: Payload) => ({
  projects: (await instance.count({ collection: 'projects' })).totalDocs,
  projectVersions: (await instance.countVersions({ collection: 'projects' })).totalDocs,
  outcomes: (await instance.count({ collection: 'outcomes' })).totalDocs,
  users: (await instance.count({ collection: 'users' })).totalDocs,
  memberStates: (await instance.count({ collection: 'member-states' })).totalDocs,
  reviewEvents: (await instance.count({ collection: 'review-events' })).totalDocs,
  titles: (await instance.find({ collection: 'projects', draft: true, locale: 'all', sort: 'slug', depth: 0, limit: 0 })).docs.map((doc: any) => doc.title),
})

beforeAll(async () => {
  payload = await startPayload()
  if (kind !== 'sqlite') return
  const states = await seedStates(payload, ['LS', 'ZA'])
  const editor = await createUser(payload, ['editor'])
  const published = await payload.create({ collection: 'projects', locale: 'fr', data: validProject(states.LS!, { title: 'Projet publié', _status: 'published', reviewStatus: 'approved' }) as any })
  await payload.update({ collection: 'projects', id: published.id, locale: 'en', draft: true, data: { title: 'Published project, English draft' } as any })
  await payload.create({ collection: 'outcomes', locale: 'fr', data: { project: published.id, statement: 'Un effet.', _status: 'published' } as any })
  const draft = await payload.create({ collection: 'projects', draft: true, data: validProject(states.ZA!) as any, user: editor, overrideAccess: false })
  await payload.update({ collection: 'projects', id: draft.id, draft: true, data: { reviewStatus: 'in-review' } as any, user: editor, overrideAccess: false })
})
afterAll(async () => {
  await payload?.destroy()
})

describe.runIf(kind === 'sqlite')('SQLite backups', () => {
  it('copy the running database and restore into an empty one with every project, version and user', async () => {
    const backup = path.join(dir, 'backup.db')
    const made = run('backup', ['--out', backup])
    expect(made.status, made.stderr).toBe(0)
    expect(made.stdout).toMatch(/Backed up to .*backup\.db \(\d+ KiB, integrity checked\)\./)
    // The CMS kept running: it still writes after the copy, and the copy does not change.
    await payload.create({ collection: 'projects', locale: 'fr', draft: true, data: validProject((await payload.find({ collection: 'member-states', limit: 1 })).docs[0]!.id, { title: 'Après la sauvegarde' }) as any })

    const restoredUrl = `file:${path.join(dir, 'restored.db')}`
    const restored = run('restore', [backup], { DATABASE_URL: restoredUrl })
    expect(restored.status, restored.stderr).toBe(0)
    const copy = await startPayloadOn(restoredUrl, 'restored')
    try {
      const [original, back] = [await contents(payload), await contents(copy)]
      expect(back).toEqual({ ...original, projects: original.projects - 1, projectVersions: original.projectVersions - 1, titles: original.titles.filter((title: any) => title?.fr !== 'Après la sauvegarde') })
      expect(back.projects).toBe(2)
      expect(back.users).toBe(2)
      expect(back.projectVersions).toBeGreaterThanOrEqual(4)
    } finally {
      await copy.destroy()
    }
  })

  it('refuse to overwrite a database or to restore a file that is not one', async () => {
    const backup = path.join(dir, 'backup.db')
    const existing = `file:${path.join(dir, 'restored.db')}`
    await expect(restoreSqlite(backup, existing)).rejects.toThrow(/already holds a database: stop the CMS and add --force/)
    const forced = await restoreSqlite(backup, existing, { force: true })
    expect(forced.keptAs).toMatch(/restored\.db\.before-restore-/)
    await expect(backupSqlite(existing, backup)).rejects.toThrow(/already exists/)

    const junk = path.join(dir, 'junk.db')
    writeFileSync(junk, 'not a database')
    await expect(restoreSqlite(junk, `file:${path.join(dir, 'other.db')}`)).rejects.toThrow(/is not a sound SQLite database/)
    // The command reports a refusal on stderr with a failing exit code (one spawn: each loads the CLI).
    const bad = run('restore', [junk], { DATABASE_URL: `file:${path.join(dir, 'other.db')}` })
    expect(bad.status).toBe(1)
    expect(bad.stderr).toMatch(/Restore failed: .*junk\.db is not a sound SQLite database/)
  })
})

describe.runIf(kind !== 'sqlite')('backups on a server database', () => {
  it('point to the database’s own tools', () => {
    const made = run('backup', [])
    expect(made.status).toBe(2)
    expect(made.stderr).toMatch(/pg_dump|mongodump/)
  })
})
