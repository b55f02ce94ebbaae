/**
 * `npm run bench -- [--projects 10000] [--dataset file.json] [--database url --reset]
 *   [--peer directus] [--duration 10] [--warmup 3] [--connections 10] [--rounds 1]
 *   [--workers 1] [--import-pages 300] [--import-warmup 100] [--only list,page] [--no-cached] [--label name] [--out bench/results]`
 *
 * Loads a deterministic portfolio into a fresh database by the fast path (bench/load.ts), starts
 * the production server as `npm start` does, and drives it with autocannon over the queries front
 * ends make (bench/queries.ts), next to the floor (the same answers from hand-written SQL on the
 * same server) and, with --peer directus, the Directus peer (../shared/peers/directus) on the same
 * rows, alternating. Writes JSON and Markdown results into bench/results/. See docs/performance.md.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { SingleBar } from 'cli-progress'

import { ROOT } from './lib/env'
import { freshDatabase } from './lib/freshDatabase'

const { values: options } = parseArgs({
  options: {
    projects: { type: 'string', default: '10000' },
    dataset: { type: 'string' },
    database: { type: 'string' },
    reset: { type: 'boolean', default: false },
    peer: { type: 'string' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '1' },
    workers: { type: 'string', default: process.env.WEB_CONCURRENCY ?? '1' },
    'import-pages': { type: 'string', default: '300' },
    'import-warmup': { type: 'string', default: '100' },
    only: { type: 'string' },
    'no-cached': { type: 'boolean', default: false },
    label: { type: 'string', default: '' },
    out: { type: 'string', default: path.join(ROOT, 'bench', 'results') },
  },
})

const count = Number(options.projects)
const settings = { connections: Number(options.connections), duration: Number(options.duration), warmup: Number(options.warmup) }
const rounds = Math.max(1, Number(options.rounds))
if (options.peer && options.peer !== 'directus') throw new Error(`--peer must be directus, not ${options.peer}`)
const peerDir = process.env.PEER_DIR ?? '/tmp/directus-peer'
const peerUrl = process.env.DIRECTUS_URL ?? 'http://127.0.0.1:8055'
const log = (message: string) => console.error(`bench: ${message}`)

// The database: a fresh SQLite file unless one is given; a given one must be empty or --reset.
const databaseUrl = options.database ?? `file:${path.join(ROOT, 'data', 'bench', `bench-${count}.db`)}`
await freshDatabase(databaseUrl, { chosenByUs: !options.database, reset: options.reset })
process.env.DATABASE_URL = databaseUrl

await import('./lib/environment')
const { default: config } = await import('../payload.config')
const { getPayload } = await import('payload')
const { committedMigrations, databaseKind } = await import('../src/database')
const { loadPortfolio } = await import('../bench/load')
const { generatePortfolio, portfolioFromDataset } = await import('../bench/portfolio')
const { optimizeDatabase } = await import('../src/database')
const { benchQueries, rareTitleWord } = await import('../bench/queries')
const { measure, measureNotModified, probe, sampleMemory } = await import('../bench/measure')
const report = await import('../bench/report')
const { buildIfStale } = await import('./lib/build')
const { startServer } = await import('./lib/server')

const kind = databaseKind(databaseUrl)

// --- the portfolio ------------------------------------------------------------------------
let datasetFile = options.dataset
if (options.peer && !datasetFile) {
  // Both sides serve the same rows: the peer's own dump.
  datasetFile = path.join(peerDir, 'seed-data.json')
  if (!existsSync(datasetFile)) throw new Error(`${datasetFile} is missing: run \`node seed.mjs json\` in ../shared/peers/directus (see its README)`)
}
const portfolio = datasetFile
  ? portfolioFromDataset(JSON.parse(readFileSync(datasetFile, 'utf8')))
  : generatePortfolio({ count })
log(`portfolio: ${portfolio.source}`)

const payload = await getPayload({ config })
if (kind !== 'mongodb') await payload.db.migrate({ migrations: await committedMigrations(kind) })
const bar = new SingleBar({ format: 'Loading [{bar}] {value}/{total} projects  {duration_formatted}', stream: process.stderr })
bar.start(portfolio.projects.length, 0)
const loaded = await loadPortfolio(payload, portfolio, (done) => bar.update(done))
bar.stop()
await optimizeDatabase(payload)
log(`loaded ${loaded.projects} projects, ${loaded.outcomes} outcomes in ${loaded.seconds.toFixed(1)} s`)

// --- the server ---------------------------------------------------------------------------
buildIfStale()
const startedAt = performance.now()
const server = await startServer({ env: { DATABASE_URL: databaseUrl, BENCH_FLOOR: '1', WEB_CONCURRENCY: String(options.workers) } })
const coldStartMs = Math.round(performance.now() - startedAt)
log(`server up at ${server.url} (cold start ${coldStartMs} ms)`)

const peerSlug = existsSync(path.join(peerDir, 'fixed-slug.txt')) ? readFileSync(path.join(peerDir, 'fixed-slug.txt'), 'utf8').trim() : undefined
const slug = portfolio.projects.find((project) => project.slug === peerSlug)?.slug ?? portfolio.projects[Math.min(4241, portfolio.projects.length - 1)].slug
const queries = benchQueries(slug, rareTitleWord(portfolio)).filter((query) => !options.only || options.only.split(',').includes(query.key))

if (options.peer) {
  const ping = await fetch(`${peerUrl}/server/ping`).then((response) => response.ok, () => false)
  if (!ping) throw new Error(`the Directus peer does not answer at ${peerUrl}: start it with ../shared/peers/directus/start.sh`)
}

type Row = import('../bench/report').QueryResult
const median = <T>(runs: T[], by: (run: T) => number) => [...runs].sort((a, b) => by(a) - by(b))[Math.floor(runs.length / 2)]

let memory: ReturnType<typeof sampleMemory> | undefined
const results: Row[] = []
try {
  // Warm every query (JIT, caches, SQLite pages) before memory is first read; `--warmup 0` (the
  // CI's tiny run) skips it: those figures are not read.
  if (settings.warmup > 0) {
    for (const query of queries) await measure(server.url, query.api, query.items, { ...settings, warmup: 0, duration: settings.warmup })
  }
  memory = sampleMemory(server.pid)
  const runs = new Map<string, { api: Row['api'][]; floor: Row['api'][]; peer: Row['api'][] }>()
  for (let round = 1; round <= rounds; round++) {
    for (const query of queries) {
      const entry = runs.get(query.key) ?? { api: [], floor: [], peer: [] }
      runs.set(query.key, entry)
      log(`round ${round}/${rounds} · ${query.key}: API`)
      entry.api.push(await measure(server.url, query.api, query.items, settings))
      if (kind !== 'mongodb') {
        log(`round ${round}/${rounds} · ${query.key}: floor`)
        entry.floor.push(await measure(server.url, query.floor, query.items, settings))
      }
      if (options.peer && query.peer) {
        log(`round ${round}/${rounds} · ${query.key}: Directus (${query.peer.key})`)
        entry.peer.push(await measure(peerUrl, query.peer.request, query.items, settings))
      }
    }
  }
  for (const query of queries) {
    const entry = runs.get(query.key)!
    const api = median(entry.api, (run) => run.reqPerSec)
    const floor = entry.floor.length ? median(entry.floor, (run) => run.reqPerSec) : undefined
    const peer = entry.peer.length ? median(entry.peer, (run) => run.reqPerSec) : undefined
    if (floor && floor.items !== api.items) throw new Error(`${query.key}: the floor answered ${floor.items} items, the API ${api.items}`)
    results.push({
      key: query.key,
      name: query.name,
      api,
      ...(floor ? { floor, floorRatio: report.floorRatioOf(api, floor) } : {}),
      ...(peer ? { peer, peerRatio: report.peerRatioOf(api, peer) } : {}),
    })
  }
} catch (error) {
  console.error(server.log().slice(-4000))
  throw error
}
const samples = memory!.stop()

// With the caches the public site and API have: Next's data cache behind the pages, ETag/304.
const cached: Row[] = []
if (!options['no-cached']) {
  const list = queries.find((query) => query.key === 'list')
  const pages = [
    { key: 'site-page', name: 'public project page (HTML, French)', path: `/fr/projects/${slug}` },
    { key: 'site-list', name: 'public filtered list (HTML, French)', path: '/fr/projects?idfRegion=africa&status=completed' },
  ]
  for (const page of pages) {
    log(`cached · ${page.key}`)
    const api = await measure(server.url, { method: 'GET', path: page.path }, (html: string) => (html.includes('<h1') ? 1 : 0), settings)
    cached.push({ key: page.key, name: page.name, api })
  }
  if (list) {
    const etag = (await fetch(server.url + list.api.path)).headers.get('etag')
    if (etag) {
      log('cached · list-304')
      const revalidated = { ...list.api, headers: { 'if-none-match': etag } }
      const { items } = await probe(server.url, list.api, list.items)
      const api = await measureNotModified(server.url, revalidated, settings, items)
      cached.push({ key: 'list-304', name: 'the filtered list revalidated by a front end holding it (If-None-Match → 304)', api })
    }
  }
}
await server.stop()

// --- the importer's throughput, on the same database ---------------------------------------
let imported: import('../bench/report').BenchResults['import'] = null
const importCount = Number(options['import-pages'])
const importWarmup = Number(options['import-warmup'])
if (importCount > 0) {
  // The real page the site shows today (a copy kept with the tests), varied into distinct projects:
  // the warm-up pages get IDs of their own (ZA98P…, LM.8…), the measured ones ZA99P…, LM.9….
  const fixture = readFileSync(path.join(ROOT, 'test', 'fixtures', 'lesotho-labour-migration.fr.txt'), 'utf8')
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-import-'))
  const page = (n: number, set: 'warmup' | 'measured') => {
    const file = path.join(dir, `${set}-${n + 1}.fr.txt`)
    writeFileSync(
      file,
      fixture
        .replace('Renforcement de la gestion de la migration de travail au Lesotho', `Renforcement de la gestion de la migration de travail au Lesotho, ${set === 'warmup' ? 'étape' : 'phase'} ${n + 2}`)
        .replace('ZA10P0005', `${set === 'warmup' ? 'ZA98P' : 'ZA99P'}${String(n + 1).padStart(4, '0')}`)
        .replace('LM.0304', `LM.${String((set === 'warmup' ? 8000 : 9000) + n).padStart(4, '0')}`),
    )
    return file
  }
  const warmupFiles = Array.from({ length: importWarmup }, (_, n) => page(n, 'warmup'))
  const measuredFiles = Array.from({ length: importCount }, (_, n) => page(n, 'measured'))
  // In a process of its own, as `npm run import` runs: not in this one, whose heap and event loop
  // carried the load generator for the whole run before.
  const resultFile = path.join(dir, 'result.json')
  const child = spawnSync('node', ['scripts/run.mjs', 'bench/importRun.ts', resultFile, ...warmupFiles, '--', ...measuredFiles], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (child.status !== 0) throw new Error(`the import run failed (exit ${child.status ?? child.signal})`)
  imported = JSON.parse(readFileSync(resultFile, 'utf8'))
  rmSync(dir, { recursive: true, force: true })
  log(`imported ${importCount} pages in ${imported!.seconds} s after ${importWarmup} pages of warm-up`)
}

// --- results ------------------------------------------------------------------------------
const steady = samples.filter((sample) => sample.rssMb > 0)
const partial = {
  date: new Date().toISOString(),
  label: options.label ?? '',
  machine: report.machine(),
  database: {
    kind,
    note:
      kind === 'sqlite'
        ? 'SQLite file (WAL), @libsql/client, the embedded default'
        : kind === 'postgres'
          ? 'PostgreSQL through @payloadcms/db-postgres (node-postgres pool)'
          : 'MongoDB through @payloadcms/db-mongodb (mongoose)',
  },
  dataset: {
    source: portfolio.source,
    projects: loaded.projects,
    outcomes: loaded.outcomes,
    memberStates: portfolio.memberStates.length,
    loadSeconds: Math.round(loaded.seconds * 10) / 10,
  },
  settings: { connections: settings.connections, durationS: settings.duration, warmupS: settings.warmup, rounds, workers: Number(options.workers), peer: options.peer ?? null },
  coldStartMs,
  memory: {
    startMb: steady[0]?.rssMb ?? 0,
    endMb: steady.at(-1)?.rssMb ?? 0,
    peakMb: Math.max(0, ...steady.map((sample) => sample.rssMb)),
    low: report.memoryLows(steady),
    samples: steady.filter((_, i) => i % 4 === 0),
  },
  import: imported,
  queries: results,
  cached,
}
const final = { ...partial, targets: report.checkTargets(partial) }
await payload.destroy()
const written = report.writeResults(options.out!, final)
console.log(report.toMarkdown(final))
log(`results: ${path.relative(ROOT, written.json)}, ${path.relative(ROOT, written.markdown)}`)
process.exit(0)

