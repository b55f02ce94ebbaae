/**
 * `npm run soak -- [--minutes 10] [--projects 1000] [--concurrency 10] [--workers 1] [--database url --reset]`
 *
 * Not in CI: ten minutes of what a day looks like, on loopback, against the production server.
 * Front ends read (the bench's five queries, 90% of requests) while editors change published
 * projects, submit them and reviewers approve them (10%), all through the REST API. Every 30 s
 * it prints requests, errors and the server's memory; at the end it writes a JSON report into
 * bench/results/ and exits 1 if any request failed. Goals: no errors, memory flat.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'

import { ROOT } from './lib/env'
import { freshDatabase } from './lib/freshDatabase'

const { values: options } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    projects: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '10' },
    workers: { type: 'string', default: process.env.WEB_CONCURRENCY ?? '1' },
    database: { type: 'string' },
    reset: { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(ROOT, 'bench', 'results') },
  },
})
const databaseUrl = options.database ?? `file:${path.join(ROOT, 'data', 'bench', 'soak.db')}`
await freshDatabase(databaseUrl, { chosenByUs: !options.database, reset: options.reset })
process.env.DATABASE_URL = databaseUrl

await import('./lib/environment')
const { default: config } = await import('../payload.config')
const { getPayload } = await import('payload')
const { committedMigrations, databaseKind, optimizeDatabase } = await import('../src/database')
const { loadPortfolio } = await import('../bench/load')
const { generatePortfolio } = await import('../bench/portfolio')
const { benchQueries } = await import('../bench/queries')
const { sampleMemory } = await import('../bench/measure')
const { buildIfStale } = await import('./lib/build')
const { startServer } = await import('./lib/server')
const { mkdirSync, writeFileSync } = await import('node:fs')

const PASSWORD = 'soak-password-not-for-production'
const portfolio = generatePortfolio({ count: Number(options.projects) })
const payload = await getPayload({ config })
const kind = databaseKind(databaseUrl)
if (kind !== 'mongodb') await payload.db.migrate({ migrations: await committedMigrations(kind) })
await loadPortfolio(payload, portfolio)
await optimizeDatabase(payload)
for (const role of ['admin', 'editor', 'reviewer'] as const) {
  await payload.create({ collection: 'users', data: { email: `soak-${role}@example.org`, password: PASSWORD, name: `Soak ${role}`, roles: [role] } })
}
await payload.destroy()

buildIfStale()
const server = await startServer({ env: { DATABASE_URL: databaseUrl, WEB_CONCURRENCY: String(options.workers) } })
console.error(`soak: server at ${server.url}, ${portfolio.projects.length} projects, ${options.minutes} min, ${options.concurrency} clients`)

const login = async (role: string) => {
  const response = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `soak-${role}@example.org`, password: PASSWORD }),
  })
  if (!response.ok) throw new Error(`login as ${role}: HTTP ${response.status}`)
  return `JWT ${((await response.json()) as { token: string }).token}`
}
const tokens = { editor: await login('editor'), reviewer: await login('reviewer') }
const reads = benchQueries(portfolio.projects[Math.floor(portfolio.projects.length / 2)].slug)

type Tally = { requests: number; errors: number; byKind: Record<string, { requests: number; errors: number }>; firstErrors: string[] }
const tally: Tally = { requests: 0, errors: 0, byKind: {}, firstErrors: [] }
const record = (kind: string, ok: boolean, detail: string) => {
  tally.requests++
  const entry = (tally.byKind[kind] ??= { requests: 0, errors: 0 })
  entry.requests++
  if (!ok) {
    tally.errors++
    entry.errors++
    if (tally.firstErrors.length < 20) tally.firstErrors.push(`${new Date().toISOString()} ${kind}: ${detail}`)
  }
}
const call = async (kind: string, method: string, url: string, body?: unknown, token?: string) => {
  try {
    const response = await fetch(server.url + url, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: token } : {}) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    const text = await response.text()
    record(kind, response.ok, `HTTP ${response.status} ${text.slice(0, 200)}`)
    return response.ok
  } catch (error) {
    record(kind, false, (error as Error).message)
    return false
  }
}

/** One editorial round on a project: edit it, submit it, approve it. */
const editRound = async (n: number) => {
  const project = portfolio.projects[n % portfolio.projects.length]
  const id = project.id
  if (!(await call('edit', 'PATCH', `/api/projects/${id}?locale=en`, { summary: `Soak edit ${n} at ${new Date().toISOString()}` }, tokens.editor))) return
  if (!(await call('submit', 'PATCH', `/api/projects/${id}`, { reviewStatus: 'in-review' }, tokens.editor))) return
  await call('approve', 'PATCH', `/api/projects/${id}`, { reviewStatus: 'approved' }, tokens.reviewer)
}

const deadline = Date.now() + Number(options.minutes) * 60_000
const memory = sampleMemory(server.pid, 5000)
const report = setInterval(() => {
  const last = memory.samples.at(-1)
  console.error(`soak: ${tally.requests} requests, ${tally.errors} errors, server ${last?.rssMb ?? '?'} MB`)
}, 30_000)
let round = 0
const client = async (worker: number) => {
  let n = 0
  while (Date.now() < deadline) {
    n++
    // Editors' rounds go to different projects per client, so two clients never edit the same one.
    if (n % 10 === 0) await editRound(worker + Number(options.concurrency) * round++)
    else {
      const query = reads[n % reads.length]
      await call(query.key, query.api.method, query.api.path, query.api.body)
    }
  }
}
await Promise.all(Array.from({ length: Number(options.concurrency) }, (_, worker) => client(worker)))
clearInterval(report)
const samples = memory.stop()
await server.stop()

const result = {
  date: new Date().toISOString(),
  database: kind,
  projects: portfolio.projects.length,
  minutes: Number(options.minutes),
  concurrency: Number(options.concurrency),
  workers: Number(options.workers),
  ...tally,
  memory: { startMb: samples[0]?.rssMb, endMb: samples.at(-1)?.rssMb, peakMb: Math.max(...samples.map((s) => s.rssMb)), samples },
}
mkdirSync(options.out!, { recursive: true })
const file = path.join(options.out!, `soak-${result.date.slice(0, 16).replace(/[:T]/g, '-')}-${kind}.json`)
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`)
console.log(
  `soak: ${tally.requests} requests in ${options.minutes} min, ${tally.errors} errors; server memory ${result.memory.startMb} → ${result.memory.endMb} MB (peak ${result.memory.peakMb}); ${path.relative(ROOT, file)}`,
)
for (const line of tally.firstErrors) console.log(`  ${line}`)
process.exit(tally.errors > 0 ? 1 : 0)
