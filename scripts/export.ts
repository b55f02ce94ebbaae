/**
 * `npm run export -- [--format json|csv] [--locale en|fr|es] [--status published|draft|all] [--out file]`
 *
 * Writes every project of the database of DATABASE_URL (or the published or draft ones) with its
 * coded values and their labels, Member States as ISO codes and names, partners and outcomes in
 * order: JSON in every language unless `--locale` is given (and `npm run import` reads it back),
 * or CSV in one language (English unless `--locale`). To standard output unless `--out`.
 */
export {}

const args = process.argv.slice(2)
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
const format = option('--format') ?? 'json'
const status = option('--status') ?? 'all'
const locale = option('--locale') ?? (format === 'csv' ? 'en' : 'all')
const usage = 'Usage: npm run export -- [--format json|csv] [--locale en|fr|es] [--status published|draft|all] [--out file]'
const known = ['--format', '--locale', '--status', '--out']
// Anything but a known option and its value (a mistyped `--fromat csv` would otherwise export JSON).
const unknown = args.filter((arg, n) => !known.includes(arg) && !known.includes(args[n - 1] ?? ''))
if (unknown.length) console.error(`Not an option of the export: ${unknown.join(' ')}`)
if (unknown.length || !['json', 'csv'].includes(format) || !['published', 'draft', 'all'].includes(status) || !['en', 'fr', 'es', ...(format === 'json' ? ['all'] : [])].includes(locale)) {
  console.error(usage)
  process.exit(2)
}

// The arguments are checked before anything loads (a mistyped option is told at once). Then the
// environment (.env) and the Payload config before any other module: loaded after other modules,
// the config's graph can stall under tsx.
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
if (kind !== 'mongodb') await payload.db.migrate({ migrations: committedMigrations(kind) })
const data = await exportProjects(payload, { locale: locale as never, status: status as never })
const { body } = formatExport(data, format as 'json' | 'csv')
const out = option('--out')
if (out) {
  await writeFile(out, body)
  console.error(`${data.projects.length} projects written to ${out}.`)
} else {
  process.stdout.write(body)
}
await payload.destroy()
process.exit(0)
