/**
 * `node scripts/run.mjs bench/importRun.ts <result.json> <warm-up files…> -- <measured files…>`
 *
 * The bench's importer measurement, in a process of its own as `npm run import` runs (on the
 * database of DATABASE_URL): the warm-up pages first, timed apart (the first hundred pages of a
 * process run at half speed while the JIT compiles Payload's code), then the measured pages,
 * with where their time went by Local API operation. Writes the figures to result.json.
 */
import { writeFileSync } from 'node:fs'

const [resultFile, ...rest] = process.argv.slice(2)
const split = rest.indexOf('--')
if (!resultFile || split < 0) throw new Error('usage: bench/importRun.ts <result.json> <warm-up files…> -- <measured files…>')
const warmupFiles = rest.slice(0, split)
const measuredFiles = rest.slice(split + 1)

await import('../scripts/lib/environment')
const { default: config } = await import('../payload.config')
const { getPayload } = await import('payload')
const { importPages } = await import('../src/importer/importPages')
const { importConcurrency } = await import('../src/importer/concurrency')
const { perPage, timeOperations } = await import('./importBreakdown')

const payload = await getPayload({ config })
// As `npm run import` does once it has migrated (a no-op on SQLite).
;(await import('../src/postgresStatements')).nameStatements()
// As `npm run import` runs on this database: pages at once on PostgreSQL, one at a time on SQLite.
const concurrency = importConcurrency(payload)

/** Runs the import of `files` and says how long it took. */
const timed = async <T>(files: string[], run: () => Promise<T>) => {
  const started = performance.now()
  const result = await run()
  return { result, ms: performance.now() - started, pages: files.length }
}
// The bench imports valid pages only: any failed one fails the run.
const failedPages = (results: Awaited<ReturnType<typeof importPages>>) => results.filter((page) => page.status === 'failed')

const warmup = await timed(warmupFiles, () => importPages(payload, warmupFiles))
const measured = await timed(measuredFiles, () => timeOperations(payload, () => importPages(payload, measuredFiles)))
const failed = [...failedPages(warmup.result), ...failedPages(measured.result.result)]
if (failed.length) throw new Error(`the importer failed on ${failed.length} pages: ${failed[0]!.error}`)

const rate = (pages: number, ms: number) => (pages ? Math.round((pages / (ms / 1000)) * 10) / 10 : 0)
writeFileSync(
  resultFile,
  JSON.stringify({
    pages: measured.pages,
    seconds: Math.round(measured.ms / 10) / 100,
    pagesPerSec: rate(measured.pages, measured.ms),
    concurrency,
    msPerPage: perPage(measured.result.spent, measured.pages, measured.ms, concurrency),
    warmup: { pages: warmup.pages, seconds: Math.round(warmup.ms / 10) / 100, pagesPerSec: rate(warmup.pages, warmup.ms) },
  }),
)
await payload.destroy()
process.exit(0)
