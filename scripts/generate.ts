/**
 * `npm run generate`: regenerates every generated file from the collections — the TypeScript
 * types, the admin import map, the GraphQL schema and, for each SQL adapter, a migration when
 * the schema changed. `npm run generate:check` (run in CI) regenerates into the tree, reports any
 * difference from what is committed, puts the committed files back and fails on drift.
 *
 * The PostgreSQL migration is made against POSTGRES_URL (a server where the script may create
 * and drop a scratch database); without it that step is skipped and says so.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { ROOT } from './lib/env'
import { buildCondition } from './lib/nodeConditions.mjs'

const check = process.argv.includes('--check')
/** The new migrations' name: `npm run generate -- --name review_workflow`. */
const migrationName = process.argv[process.argv.indexOf('--name') + 1] && process.argv.includes('--name') ? process.argv[process.argv.indexOf('--name') + 1]! : 'schema'
const GENERATED = ['src/payload-types.ts', 'src/app/(payload)/admin/importMap.js', 'src/generated-schema.graphql']
const MIGRATION_DIRS = ['src/migrations/sqlite', 'src/migrations/postgres']

const env = { ...process.env, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'generate-only' }

const run = (command: string, args: string[], extraEnv: Record<string, string> = {}) => {
  // A generator that stalls fails the run instead of holding CI until its time limit.
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, ...extraEnv },
    encoding: 'utf8',
    timeout: 300_000,
  })
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr)
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`)
  }
  return result.stdout + result.stderr
}

/**
 * Runs one step of scripts/lib/generateStep.ts and checks that it really ran. A step whose Payload
 * config never finished loading would end having done nothing, and the drift check pass without
 * checking (scripts/lib/nodeConditions.mjs has the cause, now avoided); a missing `ready:` line
 * means "try again".
 */
const step = (args: string[], extraEnv: Record<string, string> = {}) => {
  for (let attempt = 1; attempt <= 3; attempt++) {
    let output: string
    try {
      output = run(tsx, [buildCondition(), 'scripts/lib/generateStep.ts', ...args], extraEnv)
    } catch (error) {
      // Exit 3: generateStep's own watchdog found the config's loading stalled (a CI run failed
      // so); anything else is a real failure.
      if (!/failed \(exit 3\)/.test((error as Error).message) || attempt === 3) throw error
      output = ''
    }
    if (output.includes(`ready: ${args[0]}`)) return
    console.log(`The ${args[0]} step did not load the config: running it again (${attempt}/3).`)
  }
  throw new Error(`The ${args[0]} step never ran`)
}

const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx')

const snapshot = () => {
  const files = new Map<string, string | null>()
  for (const file of GENERATED) files.set(file, existsSync(path.join(ROOT, file)) ? readFileSync(path.join(ROOT, file), 'utf8') : null)
  for (const dir of MIGRATION_DIRS) {
    for (const name of existsSync(path.join(ROOT, dir)) ? readdirSync(path.join(ROOT, dir)) : []) {
      files.set(`${dir}/${name}`, readFileSync(path.join(ROOT, dir, name), 'utf8'))
    }
  }
  return files
}

const before = snapshot()

/** Check mode leaves the tree as it found it: committed files back, new migrations removed. */
const restore = () => {
  const now = snapshot()
  for (const file of new Set([...before.keys(), ...now.keys()])) {
    const original = before.get(file)
    if (original === now.get(file)) continue
    if (original === undefined || original === null) rmSync(path.join(ROOT, file), { force: true })
    else writeFileSync(path.join(ROOT, file), original)
  }
}

const regenerate = async () => {
  step(['types'])
  step(['importmap'])
  step(['graphql'])

  const scratch = mkdtempSync(path.join(os.tmpdir(), 'cms-generate-'))
  try {
    step(['migration', migrationName], { DATABASE_URL: `file:${path.join(scratch, 'generate.db')}` })
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }

  const postgresUrl = process.env.POSTGRES_URL
  if (postgresUrl) {
    const name = `cms_generate_${process.pid}`
    const admin = new pg.Client({ connectionString: postgresUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE "${name}"`)
    try {
      const url = new URL(postgresUrl)
      url.pathname = `/${name}`
      step(['migration', migrationName], { DATABASE_URL: url.toString() })
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await admin.end()
    }
  } else {
    console.log('POSTGRES_URL is not set: the PostgreSQL migration was not checked.')
  }
}

try {
  await regenerate()
} catch (error) {
  if (check) restore()
  throw error
}

const after = snapshot()
const changed = [...new Set([...before.keys(), ...after.keys()])].filter((file) => before.get(file) !== after.get(file))

if (!check) {
  console.log(changed.length ? `Regenerated: ${changed.join(', ')}` : 'Generated files are up to date.')
} else {
  restore()
  if (changed.length) {
    console.error(
      `Generated files are out of date: ${changed.join(', ')}.\n` +
        'Run `npm run generate` (with POSTGRES_URL for the PostgreSQL migration) and commit the result.',
    )
    process.exit(1)
  }
  console.log('Generated files match the collections.')
}
