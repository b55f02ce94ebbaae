/** Load generation (autocannon) and the server's memory, for the benchmark. */
import { readdirSync, readFileSync } from 'node:fs'

import autocannon from 'autocannon'

import type { BenchRequest } from './queries'

export type LoadSettings = { connections: number; duration: number; warmup: number }

export type Measurement = {
  reqPerSec: number
  p50Ms: number
  p99Ms: number
  meanMs: number
  /** Size of one answer's body, uncompressed. */
  bytes: number
  /** Items in one answer (documents, or projects counted by the facets). */
  items: number
  requests: number
  /** How long the run lasted, in seconds (autocannon's own measure, to the hundredth). */
  seconds: number
  non2xx: number
  errors: number
}

/**
 * autocannon counts requests per sample and ends a run at a sample's tick: with its default
 * second of sampling, a run of a quarter of a second (the CI's tiny run) idled to the tick and
 * reported a second's rate of a quarter's requests, and one of 1.5 s a rate a quarter too low. The
 * run is cut into whole samples of at most a second instead.
 */
export const sampleIntervalMs = (durationS: number) => Math.max(10, Math.round((durationS * 1000) / Math.max(1, Math.ceil(durationS))))

const fire = (base: string, request: BenchRequest, connections: number, duration: number) =>
  new Promise<autocannon.Result & { sampleIntMs: number }>((resolve, reject) => {
    const sampleInt = sampleIntervalMs(duration)
    autocannon(
      { url: base + request.path, method: request.method, body: request.body, headers: request.headers, connections, duration, sampleInt },
      (error, result) => (error ? reject(error) : resolve({ ...result, sampleIntMs: sampleInt })),
    )
  })

/** One answer, checked: the status, the body's size and its items. */
export const probe = async (base: string, request: BenchRequest, items: (json: any) => number) => {
  const response = await fetch(base + request.path, { method: request.method, body: request.body, headers: request.headers })
  const body = Buffer.from(await response.arrayBuffer())
  const text = body.toString()
  // JSON answers are parsed; an HTML page is handed to `items` as text.
  let json: any = text
  if (response.headers.get('content-type')?.includes('json')) {
    try {
      json = JSON.parse(text)
    } catch {
      throw new Error(`${request.method} ${request.path}: HTTP ${response.status}, not JSON: ${text.slice(0, 300)}`)
    }
  }
  if (!response.ok || json.errors) throw new Error(`${request.method} ${request.path}: HTTP ${response.status} ${text.slice(0, 500)}`)
  return { bytes: body.length, items: items(json), json }
}

const summarise = (result: autocannon.Result & { sampleIntMs: number }, answer: { bytes: number; items: number }, non2xx = result.non2xx): Measurement => ({
  reqPerSec: Math.round(((result.requests.average * 1000) / result.sampleIntMs) * 10) / 10,
  p50Ms: result.latency.p50,
  p99Ms: result.latency.p99,
  meanMs: Math.round(result.latency.average * 10) / 10,
  bytes: answer.bytes,
  items: answer.items,
  requests: result.requests.total,
  seconds: result.duration,
  non2xx,
  errors: result.errors + result.timeouts,
})

/** Warm-up, then the measured run. */
export const measure = async (base: string, request: BenchRequest, items: (json: any) => number, settings: LoadSettings): Promise<Measurement> => {
  const answer = await probe(base, request, items)
  if (settings.warmup > 0) await fire(base, request, settings.connections, settings.warmup)
  return summarise(await fire(base, request, settings.connections, settings.duration), answer)
}

/** The same for a conditional request every answer of which should be a 304 (no body). */
export const measureNotModified = async (base: string, request: BenchRequest, settings: LoadSettings, items: number): Promise<Measurement> => {
  const response = await fetch(base + request.path, { headers: request.headers })
  if (response.status !== 304) throw new Error(`${request.path} with If-None-Match: HTTP ${response.status}, not 304`)
  if (settings.warmup > 0) await fire(base, request, settings.connections, settings.warmup)
  const result = await fire(base, request, settings.connections, settings.duration)
  return summarise(result, { bytes: 0, items }, result.non2xx - (result['3xx'] ?? 0))
}

/** Resident memory (MB) of the largest process in a process group: the Next.js server under npm start's wrappers. */
export const groupRssMb = (pgid: number): number => {
  let largest = 0
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(fields[2]) !== pgid) continue
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))
      if (rss) largest = Math.max(largest, Number(rss[1]) / 1024)
    } catch {
      // the process ended meanwhile
    }
  }
  return Math.round(largest)
}

/** Samples a process group's memory every `everyMs` until stopped. */
export const sampleMemory = (pgid: number, everyMs = 500) => {
  const samples: { atS: number; rssMb: number }[] = []
  const started = performance.now()
  const take = () => samples.push({ atS: Math.round((performance.now() - started) / 100) / 10, rssMb: groupRssMb(pgid) })
  take()
  const timer = setInterval(take, everyMs)
  return {
    samples,
    stop: () => {
      clearInterval(timer)
      take()
      return samples
    },
  }
}
