import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { entityKind, is, SQL, sql, Table } from 'drizzle-orm'
import { sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'

import { buildCondition } from '../scripts/lib/nodeConditions.mjs'
import { tempDir } from './helpers/tempDir'

const ROOT = path.resolve(import.meta.dirname, '..')

/**
 * drizzle-orm's `is()` is patched (patches/drizzle-orm+0.45.2.patch, applied by `npm install`):
 * it remembers each class's kinds instead of walking its prototype chain on every failed check.
 * Its answers must stay drizzle's own, including for a class from another copy of drizzle (the
 * reason `is()` exists rather than `instanceof`).
 */
describe('the patched drizzle is()', () => {
  it('is applied: an object without a prototype is no entity instead of a TypeError', () => {
    expect(is(Object.create(null), SQL)).toBe(false)
  })

  it('answers as drizzle does: the class, a subclass, another copy of the class, and not another kind', () => {
    const table = sqliteTable('things', { name: text('name') })
    expect(is(sql`select 1`, SQL)).toBe(true)
    expect(is(table, Table)).toBe(true)
    expect(is(sql`select 1`, Table)).toBe(false)
    expect(is(table, SQL)).toBe(false)
    // A class of another copy of drizzle carries the same kind, without the same prototype.
    class OtherCopyOfSQL {
      static readonly [entityKind]: string = 'SQL'
    }
    class SubclassOfOtherCopy extends OtherCopyOfSQL {
      static readonly [entityKind]: string = 'SubclassOfOtherCopy'
    }
    expect(is(new OtherCopyOfSQL(), SQL)).toBe(true)
    expect(is(new SubclassOfOtherCopy(), SQL)).toBe(true)
    expect(is(new SubclassOfOtherCopy(), Table)).toBe(false)
    // Asked twice, the remembered kinds give the same answers.
    expect(is(new SubclassOfOtherCopy(), SQL)).toBe(true)
    expect(is(new SubclassOfOtherCopy(), Table)).toBe(false)
    expect(is(null, SQL)).toBe(false)
    expect(is('SQL', SQL)).toBe(false)
  })

  it('still refuses a class that is no drizzle entity', () => {
    class NotAnEntity {}
    expect(() => is({}, NotAnEntity as never)).toThrow(/doesn't look like a Drizzle entity/)
  })
})

/**
 * Lexical's packages resolve for Node to wrappers that pick a build with a top-level `await
 * import()`, on which Node 20 stalls now and then (exit code 13, nothing run). The scripts run
 * with an export condition that resolves them straight to a build (scripts/lib/nodeConditions.mjs).
 */
describe('the scripts’ export condition', () => {
  const resolveLexical = (...flags: string[]) =>
    spawnSync('node', [...flags, '--input-type=module', '-e', "console.log(import.meta.resolve('@lexical/html'))"], { cwd: ROOT, encoding: 'utf8' })

  it('resolves Lexical to the build its wrapper would pick, which has no top-level await', () => {
    const plain = resolveLexical()
    expect(plain.stdout.trim()).toMatch(/LexicalHtml\.node\.mjs$/)
    expect(readFileSync(fileURLToPath(plain.stdout.trim()), 'utf8')).toMatch(/^const mod = await /m)

    const resolved = resolveLexical(buildCondition())
    expect(resolved.stdout.trim(), resolved.stderr).toMatch(/LexicalHtml\.dev\.mjs$/)
    expect(readFileSync(fileURLToPath(resolved.stdout.trim()), 'utf8')).not.toMatch(/^(const \w+ = )?await /m)
    expect(buildCondition({ NODE_ENV: 'production' })).toBe('--conditions=production')
  })

  it('is what npm’s scripts run TypeScript with', () => {
    const probe = path.join(tempDir('conditions'), 'probe.mts')
    writeFileSync(probe, 'console.log(JSON.stringify(process.execArgv))\n')
    const run = spawnSync('node', ['scripts/run.mjs', probe], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'test' } })
    expect(run.status, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout.trim().split('\n').at(-1)!)).toContain('--conditions=development')
    // A JavaScript file (Payload's own CLI, `npm run payload`) runs on Node with the same condition.
    const script = path.join(tempDir('conditions'), 'probe.mjs')
    writeFileSync(script, 'console.log(JSON.stringify(process.execArgv))\n')
    const plain = spawnSync('node', ['scripts/run.mjs', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } })
    expect(plain.status, plain.stderr).toBe(0)
    expect(JSON.parse(plain.stdout.trim())).toEqual(['--conditions=production'])
    expect(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.payload).toBe('node scripts/run.mjs node_modules/payload/bin.js')
  })

  it('passes a SIGTERM sent to it on to the script, and ends with it', async () => {
    // A process manager stops the process it started: the server or jobs worker under it must stop too.
    const dir = tempDir('conditions')
    const script = path.join(dir, 'worker.mjs')
    const stopped = path.join(dir, 'stopped')
    writeFileSync(script, `import { writeFileSync } from 'node:fs'\nprocess.on('SIGTERM', () => { writeFileSync(${JSON.stringify(stopped)}, 'stopped'); process.exit(0) })\nconsole.log('ready')\nsetInterval(() => {}, 1000)\n`)
    const run = spawn('node', ['scripts/run.mjs', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
    await new Promise<void>((resolve) => run.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve()))
    const ended = new Promise<number | null>((resolve) => run.on('exit', (code) => resolve(code)))
    run.kill('SIGTERM')
    expect(await ended).toBe(0)
    expect(readFileSync(stopped, 'utf8')).toBe('stopped')
  })
})
