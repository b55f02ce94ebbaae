/**
 * `npm run export -- [--format json|csv] [--locale en|fr|es] [--status published|draft|all] [--out file]`
 *
 * Writes every project of the database of DATABASE_URL (or the published or draft ones) with its
 * coded values and their labels, Member States as ISO codes and names, partners and outcomes in
 * order: JSON in every language unless `--locale` is given (and `npm run import` reads it back),
 * or CSV in one language (English unless `--locale`). To standard output unless `--out`.
 */
import { argumentsOrExit } from './lib/commandLine'

const usage = 'Usage: npm run export -- [--format json|csv] [--locale en|fr|es] [--status published|draft|all] [--out file]'
// Checked before anything loads: a mistyped `--fromat csv` must not export JSON, and an `--out`
// without its file must not pour the export onto the terminal.
const parsed = argumentsOrExit(
  { options: { format: { type: 'string', default: 'json' }, locale: { type: 'string' }, status: { type: 'string', default: 'all' }, out: { type: 'string' } } },
  usage,
)
const { format, status, out } = parsed.values
const locale = parsed.values.locale ?? (format === 'csv' ? 'en' : 'all')
const problems = [
  !['json', 'csv'].includes(format) && `--format must be json or csv, not “${format}”`,
  !['published', 'draft', 'all'].includes(status) && `--status must be published, draft or all, not “${status}”`,
  !['en', 'fr', 'es', ...(format === 'csv' ? [] : ['all'])].includes(locale) && `--locale must be en, fr or es, not “${locale}”`,
  out === '' && '--out needs a file name',
].filter(Boolean)
if (problems.length) {
  console.error(`${problems.join('\n')}\n${usage}`)
  process.exit(2)
}

// The arguments are checked before anything loads (a mistyped option is told at once). Then the
// environment (.env), which the Payload config reads.
await import('./lib/environment')
const { default: config } = await import('../payload.config')
const { writeFile } = await import('node:fs/promises')
const { getPayload } = await import('payload')
const { exportProjects } = await import('../src/exporter/exportProjects')
const { formatExport } = await import('../src/exporter/formats')
const { committedMigrations, databaseKind, DEFAULT_DATABASE_URL } = await import('../src/database')

// The export goes to standard output: Payload's own messages go to standard error, warnings only.
const payload = await getPayload({ config: { ...(await config), logger: { options: { level: 'warn' } as never, destination: process.stderr } } })
const kind = databaseKind(process.env.DATABASE_URL || DEFAULT_DATABASE_URL)
if (kind !== 'mongodb') await payload.db.migrate({ migrations: await committedMigrations(kind) })
const data = await exportProjects(payload, { locale: locale as never, status: status as never })
const { body } = formatExport(data, format as 'json' | 'csv')
if (out) {
  await writeFile(out, body)
  console.error(`${data.projects.length} projects written to ${out}.`)
} else {
  process.stdout.write(body)
}
await payload.destroy()
process.exit(0)
