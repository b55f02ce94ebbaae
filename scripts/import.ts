/**
 * `npm run import -- <files or folders…> [--dry-run] [--publish --as <email>] [--report file.json]`
 *
 * Imports project pages saved as text or HTML from the organisation's sites into the database of
 * DATABASE_URL. Pages land as drafts awaiting review; `--publish` publishes them, and needs
 * `--as` a reviewer's or admin's email. Each page is one transaction. See src/importer.
 */
// The environment (.env), then the Payload config, before anything else: loaded after other
// modules, the config's graph can stall under tsx.
import './lib/environment'
import config from '../payload.config'

import { readdir, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { SingleBar } from 'cli-progress'
import { getPayload } from 'payload'


const args = process.argv.slice(2)
const flag = (name: string) => args.includes(name)
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
const inputs = args.filter((arg, n) => !arg.startsWith('--') && !['--as', '--report'].includes(args[n - 1] ?? ''))

const filesUnder = async (entry: string): Promise<string[]> =>
  (await stat(entry)).isDirectory()
    ? (await Promise.all((await readdir(entry)).sort().map((name) => filesUnder(path.join(entry, name))))).flat()
    : /\.(txt|text|html?)$/i.test(entry)
      ? [entry]
      : []

const { importPages } = await import('../src/importer/importPages')
const { committedMigrations, databaseKind, DEFAULT_DATABASE_URL } = await import('../src/database')

if (inputs.length === 0) {
  console.error('Usage: npm run import -- <files or folders…> [--dry-run] [--publish --as <email>] [--report file.json]')
  process.exit(2)
}
const files = (await Promise.all(inputs.map(filesUnder))).flat()
const payload = await getPayload({ config })
const kind = databaseKind(process.env.DATABASE_URL || DEFAULT_DATABASE_URL)
if (kind !== 'mongodb') await payload.db.migrate({ migrations: committedMigrations(kind) })

let user: any
const as = option('--as')
if (as) {
  user = (await payload.find({ collection: 'users', where: { email: { equals: as } }, limit: 1 })).docs[0]
  if (!user) throw new Error(`--as ${as}: no such user`)
  user = { ...user, collection: 'users' }
}
if (flag('--publish') && !user) {
  console.error('--publish needs --as <email> of a reviewer or admin: imports are otherwise drafts for review.')
  process.exit(2)
}

const bar = process.stdout.isTTY && files.length > 20 ? new SingleBar({ format: 'Importing [{bar}] {value}/{total} pages' }) : undefined
bar?.start(files.length, 0)
const results = await importPages(payload, files, {
  dryRun: flag('--dry-run'),
  publish: flag('--publish'),
  user,
  onPage: (_, done) => bar?.update(done),
})
bar?.stop()

for (const result of results) {
  const what = result.status === 'failed' ? `failed: ${result.error}` : result.status
  console.log(`${result.file}: ${what}${result.changes.length ? ` (${result.changes.join(', ')})` : ''}`)
  for (const problem of result.problems) console.log(`  ${problem.reason} ${problem.field}: “${problem.value}”`)
}
const count = (status: string) => results.filter((result) => result.status === status).length
console.log(
  `${flag('--dry-run') ? 'Dry run, nothing written: ' : ''}${count('created')} created, ${count('updated')} updated, ` +
    `${count('unchanged')} unchanged, ${count('failed')} failed.`,
)
const report = option('--report')
if (report) await writeFile(report, JSON.stringify({ results }, null, 2))
await payload.destroy()
process.exit(count('failed') ? 1 : 0)
