/**
 * `npm run import -- <files or folders…> [--dry-run] [--publish --as <email>] [--report file.json] [--concurrency N]`
 *
 * Imports project pages saved as text or HTML from the organisation's sites, and JSON exports made
 * by `npm run export`, into the database of DATABASE_URL. Pages land as drafts awaiting review; `--publish` publishes them, and needs
 * `--as` a reviewer's or admin's email. Each page is one transaction. See src/importer.
 */
import { existsSync } from 'node:fs'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { argumentsOrExit } from './lib/commandLine'
import { MAX_IMPORT_CONCURRENCY } from '../src/importer/concurrency'

const usage = 'Usage: npm run import -- <files or folders…> [--dry-run] [--publish --as <email>] [--report file.json] [--concurrency N]'
// Checked before anything loads: a mistyped `--dryrun` must not import for real, a `--report`
// without its file must not lose the report, and a missing path is told before any page is written.
const parsed = argumentsOrExit(
  { allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, publish: { type: 'boolean' }, as: { type: 'string' }, report: { type: 'string' }, concurrency: { type: 'string' } } },
  usage,
)
const inputs = parsed.positionals
const missing = inputs.filter((input) => !existsSync(input))
if (inputs.length === 0 || missing.length > 0) {
  if (missing.length) console.error(`Not found: ${missing.join(', ')}`)
  console.error(usage)
  process.exit(2)
}
const flag = (name: 'dry-run' | 'publish') => parsed.values[name] === true
const option = (name: 'as' | 'report') => parsed.values[name]
const concurrency = parsed.values.concurrency === undefined ? undefined : Number(parsed.values.concurrency)
if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= MAX_IMPORT_CONCURRENCY)) {
  console.error(`--concurrency ${parsed.values.concurrency}: a whole number of pages from 1 to ${MAX_IMPORT_CONCURRENCY}.\n${usage}`)
  process.exit(2)
}

// The environment (.env) first: the Payload config reads it.
await import('./lib/environment')
const { default: config } = await import('../payload.config')
const { SingleBar } = await import('cli-progress')
const { getPayload } = await import('payload')

const filesUnder = async (entry: string): Promise<string[]> =>
  (await stat(entry)).isDirectory()
    ? (await Promise.all((await readdir(entry)).sort().map((name) => filesUnder(path.join(entry, name))))).flat()
    : /\.(txt|text|html?|json)$/i.test(entry)
      ? [entry]
      : []

const { importPages } = await import('../src/importer/importPages')
const { importConcurrency } = await import('../src/importer/concurrency')
const { importExport } = await import('../src/importer/importExport')
const { committedMigrations, databaseKind, DEFAULT_DATABASE_URL, optimizeDatabase } = await import('../src/database')

const files = (await Promise.all(inputs.map(filesUnder))).flat()
const payload = await getPayload({ config })
const kind = databaseKind(process.env.DATABASE_URL || DEFAULT_DATABASE_URL)
if (kind !== 'mongodb') await payload.db.migrate({ migrations: await committedMigrations(kind) })
// The same writes page after page: PostgreSQL parses and plans each once (src/postgresStatements.ts).
if (kind === 'postgres') (await import('../src/postgresStatements')).nameStatements()

let user: any
const as = option('as')
if (as) {
  user = (await payload.find({ collection: 'users', where: { email: { equals: as } }, limit: 1 })).docs[0]
  if (!user) throw new Error(`--as ${as}: no such user`)
  user = { ...user, collection: 'users' }
}
if (flag('publish') && !user) {
  console.error('--publish needs --as <email> of a reviewer or admin: imports are otherwise drafts for review.')
  process.exit(2)
}

// The bar appears only once the run has lasted a few seconds: short runs print just the report.
const bar = new SingleBar({ format: 'Importing [{bar}] {value}/{total} pages  {duration_formatted}', stream: process.stderr })
const began = Date.now()
let barShown = false
const progress = (done: number, total: number) => {
  if (!barShown && process.stderr.isTTY && Date.now() - began > 2000 && done < total) {
    bar.start(total, done)
    barShown = true
  } else if (barShown) bar.update(done)
}
const options = { dryRun: flag('dry-run'), publish: flag('publish'), user, concurrency }
if (concurrency !== undefined && importConcurrency(payload, concurrency) < concurrency) {
  const why = payload.db.name === 'sqlite' ? 'SQLite has one writer' : 'only PostgreSQL imports pages at once'
  console.error(`--concurrency ${concurrency}: ${why}, so pages are imported one at a time.`)
}
const pages = files.filter((file) => !/\.json$/i.test(file))
const results = await importPages(payload, pages, { ...options, onPage: (_, done) => progress(done, files.length) })
for (const file of files.filter((name) => /\.json$/i.test(name))) {
  let json: unknown
  try {
    json = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    results.push({ file, status: 'failed', changes: [], problems: [], error: `not JSON: ${(error as Error).message}` })
    continue
  }
  results.push(...(await importExport(payload, json, file, { ...options, onPage: (_, done, total) => progress(done, total) })))
}
if (barShown) bar.stop()

for (const result of results) {
  const what = result.status === 'failed' ? `failed: ${result.error}` : result.status
  console.log(`${result.file}: ${what}${result.changes.length ? ` (${result.changes.join(', ')})` : ''}`)
  for (const problem of result.problems) console.log(`  ${problem.reason} ${problem.field}: “${problem.value}”`)
}
const count = (status: string) => results.filter((result) => result.status === status).length
console.log(
  `${flag('dry-run') ? 'Dry run, nothing written: ' : ''}${count('created')} created, ${count('updated')} updated, ` +
    `${count('unchanged')} unchanged, ${count('failed')} failed.`,
)
const report = option('report')
const summary = Object.fromEntries(['created', 'updated', 'unchanged', 'failed'].map((status) => [status, count(status)]))
if (report) await writeFile(report, JSON.stringify({ dryRun: flag('dry-run'), summary, results }, null, 2))
// A bulk load changes what the query planner should know (see optimizeDatabase).
if (!flag('dry-run') && count('created') + count('updated') > 0) await optimizeDatabase(payload)
await payload.destroy()
process.exit(count('failed') ? 1 : 0)
