/** The benchmark's results: one JSON file and one Markdown table per run, in bench/results/. */
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Measurement } from './measure'

export type QueryResult = {
  key: string
  name: string
  api: Measurement
  floor?: Measurement
  /** Floor requests per second over the API's: how many times our stack is slower than the bare query (1 = no cost). */
  floorRatio?: number
  peer?: Measurement
  /** The API's requests per second over the Directus peer's, in the same run (1.5 = 50% faster). */
  peerRatio?: number
}

export type BenchResults = {
  date: string
  label: string
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; os: string }
  database: { kind: string; note: string }
  dataset: { source: string; projects: number; outcomes: number; memberStates: number; loadSeconds: number }
  settings: { connections: number; durationS: number; warmupS: number; rounds: number; workers: number; peer: string | null }
  coldStartMs: number
  /**
   * Resident memory of the largest server process (of each, with several workers): the first and
   * last samples after warm-up, the peak, and `low`, the least in the first and in the last
   * quarter of the samples (see memoryLows).
   */
  memory: { startMb: number; endMb: number; peakMb: number; low?: { firstMb: number; lastMb: number }; samples: { atS: number; rssMb: number }[] }
  /**
   * The importer on copies of the real page, in a process of its own (bench/importRun.ts), after
   * `warmup` pages timed apart; `concurrency`: pages written at once, as `npm run import` does on
   * the database (src/importer/concurrency.ts; absent in runs before 2026-12-06 16:00, one at a
   * time); `msPerPage`: where a measured page's time goes, by Local API operation
   * (bench/importBreakdown.ts).
   */
  import: {
    pages: number
    seconds: number
    pagesPerSec: number
    concurrency?: number
    msPerPage?: Record<string, number>
    warmup?: { pages: number; seconds: number; pagesPerSec: number }
  } | null
  queries: QueryResult[]
  /** With the response caching the public site and API have (Next's data cache, ETag/304). */
  cached: QueryResult[]
  targets: { target: string; met: boolean; detail: string }[]
}

export const machine = () => ({
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  memoryGb: Math.round(os.totalmem() / 1024 ** 3),
  node: process.version,
  os: `${os.type()} ${os.release()}`,
})

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : 0)
export const floorRatioOf = (api: Measurement, floor: Measurement) => ratio(floor.reqPerSec, api.reqPerSec)
export const peerRatioOf = (api: Measurement, peer: Measurement) => ratio(api.reqPerSec, peer.reqPerSec)

/**
 * The least resident memory in the first quarter of a run's samples and in its last quarter. A
 * server's memory goes up and down with its garbage collections (on PostgreSQL by 150 MB within
 * seconds): a first and a last sample compare two points of that saw, and a leak shows as its low
 * points rising.
 */
export const memoryLows = (samples: { rssMb: number }[]): { firstMb: number; lastMb: number } | undefined => {
  // Quarters of one sample would compare a first and a last sample again.
  if (samples.length < MIN_MEMORY_SAMPLES) return undefined
  const quarter = Math.floor(samples.length / 4)
  const least = (part: { rssMb: number }[]) => Math.min(...part.map((sample) => sample.rssMb))
  return { firstMb: least(samples.slice(0, quarter)), lastMb: least(samples.slice(-quarter)) }
}
export const MIN_MEMORY_SAMPLES = 8

/** The issue's targets, read off a run: which are met, and by how much the others are not. */
export const checkTargets = (results: Omit<BenchResults, 'targets'>) => {
  const targets: BenchResults['targets'] = []
  for (const query of results.queries) {
    if (query.peerRatio !== undefined) {
      targets.push({ target: `${query.key}: ≥ 1.5× Directus req/s`, met: query.peerRatio >= 1.5, detail: `${query.peerRatio}×` })
    }
    if (query.floorRatio !== undefined) {
      targets.push({ target: `${query.key}: within 2× of its floor`, met: query.floorRatio <= 2, detail: `floor is ${query.floorRatio}× faster` })
    }
    targets.push({ target: `${query.key}: p50 < 15 ms`, met: query.api.p50Ms < 15, detail: `${query.api.p50Ms} ms` })
    targets.push({ target: `${query.key}: p99 < 60 ms`, met: query.api.p99Ms < 60, detail: `${query.api.p99Ms} ms` })
    targets.push({ target: `${query.key}: no errors`, met: query.api.errors === 0 && query.api.non2xx === 0, detail: `${query.api.errors} errors, ${query.api.non2xx} non-2xx` })
  }
  const { startMb, endMb, peakMb } = results.memory
  const low = results.memory.low ?? memoryLows(results.memory.samples)
  targets.push({
    target: 'memory flat over the run (its low in the last quarter within 25% of the first quarter’s, after warm-up)',
    met: low !== undefined && low.lastMb <= low.firstMb * 1.25,
    detail: low
      ? `low ${low.firstMb} MB → ${low.lastMb} MB (first and last samples ${startMb} → ${endMb} MB, peak ${peakMb} MB)`
      : `${results.memory.samples.length} samples, too few to tell (${MIN_MEMORY_SAMPLES} at least)`,
  })
  if (results.import) {
    targets.push({ target: 'import ≥ 50 pages/s', met: results.import.pagesPerSec >= 50, detail: `${results.import.pagesPerSec} pages/s` })
  }
  return targets
}

const row = (query: QueryResult) => {
  const { api, floor, peer } = query
  return `| ${query.key} | ${api.reqPerSec} | ${api.p50Ms} / ${api.p99Ms} | ${api.bytes} | ${api.items} | ${floor ? `${floor.reqPerSec} (${query.floorRatio}×)` : '–'} | ${peer ? `${peer.reqPerSec} (${query.peerRatio}×)` : '–'} |`
}

export const toMarkdown = (results: BenchResults) => {
  const m = results.machine
  return [
    `# Benchmark ${results.label}: ${results.dataset.projects.toLocaleString('en')} projects on ${results.database.kind}`,
    '',
    `${results.date} · ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}, ${m.os} · load generator on the same machine`,
    `Dataset: ${results.dataset.source}; ${results.dataset.outcomes} outcomes, ${results.dataset.memberStates} Member States, loaded in ${results.dataset.loadSeconds} s · ${results.database.note}`,
    `${results.settings.workers} server process(es), ${results.settings.connections} connections, ${results.settings.warmupS} s warm-up + ${results.settings.durationS} s measured per query, ${results.settings.rounds} round(s) (median)${results.settings.peer ? `, alternating with ${results.settings.peer}` : ''}; no response caches in the first table.`,
    '',
    '| query | req/s | p50 / p99 ms | bytes | items | floor req/s (floor ÷ API) | Directus req/s (API ÷ Directus) |',
    '|---|---|---|---|---|---|---|',
    ...results.queries.map(row),
    '',
    ...(results.cached.length
      ? ['With response caching (Next data cache for the public pages, ETag/304 for the API):', '', '| query | req/s | p50 / p99 ms | bytes | items | | |', '|---|---|---|---|---|---|---|', ...results.cached.map(row), '']
      : []),
    `Cold start (npm start → first answer): ${results.coldStartMs} ms · server memory ${results.memory.startMb} MB at the start, ${results.memory.endMb} MB at the end, peak ${results.memory.peakMb} MB${results.memory.low ? `, low ${results.memory.low.firstMb} MB in the first quarter and ${results.memory.low.lastMb} MB in the last` : ''}` +
      (results.import
        ? ` · import ${results.import.pagesPerSec} pages/s (${results.import.pages} pages in ${results.import.seconds} s, ${(results.import.concurrency ?? 1) > 1 ? `${results.import.concurrency} at a time` : 'one at a time'}, in a process of its own` +
          (results.import.warmup?.pages ? `, after ${results.import.warmup.pages} pages of warm-up at ${results.import.warmup.pagesPerSec} pages/s)` : ')')
        : ''),
    ...(results.import?.msPerPage
      ? [
          '',
          `A page's import, in ms${(results.import.concurrency ?? 1) > 1 ? ' (each page its own time, overlapping the others’)' : ''}: ${Object.entries(results.import.msPerPage)
            .map(([key, ms]) => `${key} ${ms}`)
            .join(' · ')}`,
        ]
      : []),
    '',
    '| target | met | figure |',
    '|---|---|---|',
    ...results.targets.map((t) => `| ${t.target} | ${t.met ? 'yes' : '**no**'} | ${t.detail} |`),
    '',
  ].join('\n')
}

/** Writes `<dir>/<stem>.json` and `<dir>/<stem>.md`; returns their paths. */
export const writeResults = (dir: string, results: BenchResults) => {
  mkdirSync(dir, { recursive: true })
  const stem = `${results.date.slice(0, 16).replace(/[:T]/g, '-')}-${results.database.kind}-${results.dataset.projects}${results.label ? `-${results.label}` : ''}`
  const json = path.join(dir, `${stem}.json`)
  const markdown = path.join(dir, `${stem}.md`)
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`)
  writeFileSync(markdown, toMarkdown(results))
  return { json, markdown }
}
