import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { tempDir } from './helpers/tempDir'

/** `npm run import` as a person runs it: a folder in, a summary and a JSON report out. */
describe('npm run import', () => {
  it('dry-runs a folder of pages, reports field by field, and writes nothing', () => {
    const dir = tempDir('cms-import-cli')
    const report = path.join(dir, 'report.json')
    const run = spawnSync('npm', ['run', '--silent', 'import', '--', 'test/fixtures', '--dry-run', '--report', report, '--concurrency', '4'], {
      cwd: path.join(import.meta.dirname, '..'),
      env: { ...process.env, DATABASE_URL: `file:${path.join(dir, 'cms.db')}`, NODE_ENV: 'test' },
      encoding: 'utf8',
      timeout: 120_000,
    })
    expect(run.status, run.stderr).toBe(0)
    // Pages at once are for PostgreSQL: SQLite has one writer, and the run says so.
    expect(run.stderr).toContain('--concurrency 4: SQLite has one writer, so pages are imported one at a time.')
    expect(run.stdout).toContain('test/fixtures/lesotho-labour-migration.fr.txt: created (')
    expect(run.stdout).toContain('Dry run, nothing written: 1 created, 0 updated, 0 unchanged, 0 failed.')
    const { results } = JSON.parse(readFileSync(report, 'utf8'))
    expect(results).toEqual([
      expect.objectContaining({ status: 'created', locale: 'fr', changes: expect.arrayContaining(['title', 'projectId', 'outcomes[2]']) }),
    ])
    // This database has no Member States yet: the name is read, and its absence reported.
    expect(results[0].problems).toEqual([{ field: 'memberStates', value: 'LS', reason: 'not-in-database' }])
    expect(run.stdout).toContain('not-in-database memberStates: “LS”')
  })

  it('refuses what is not one of its options, an option without its value and a path that is not there, before writing anything', () => {
    const dir = tempDir('cms-import-cli')
    const database = path.join(dir, 'cms.db')
    const run = (...args: string[]) =>
      spawnSync('npm', ['run', '--silent', 'import', '--', ...args], {
        cwd: path.join(import.meta.dirname, '..'),
        env: { ...process.env, DATABASE_URL: `file:${database}`, NODE_ENV: 'test' },
        encoding: 'utf8',
        timeout: 120_000,
      })
    // A dry run mistyped used to import for real.
    const typo = run('test/fixtures', '--dryrun')
    expect(typo.status).toBe(2)
    expect(typo.stderr).toContain("Unknown option '--dryrun'")
    const noFile = run('test/fixtures', '--dry-run', '--report')
    expect(noFile.status).toBe(2)
    expect(noFile.stderr).toMatch(/--report <value>' argument missing/)
    const nowhere = run('test/no-such-folder', '--dry-run')
    expect(nowhere.status).toBe(2)
    expect(nowhere.stderr).toContain('Not found: test/no-such-folder')
    for (const pages of ['9', 'four']) {
      const concurrency = run('test/fixtures', '--concurrency', pages)
      expect(concurrency.status).toBe(2)
      expect(concurrency.stderr).toContain(`--concurrency ${pages}: a whole number of pages from 1 to 8.`)
    }
    expect(existsSync(database)).toBe(false)
  })
})
