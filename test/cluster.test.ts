import { readdirSync, readFileSync } from 'node:fs'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type RunningServer, startServer } from '../scripts/lib/server'

/** The server processes (cluster workers) in the server's process group. */
const workers = (server: RunningServer) =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
        const group = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2])
        return group === server.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('cluster.mjs')
      } catch {
        return false
      }
    })
    .map(Number)

let server: RunningServer

beforeAll(async () => {
  server = await startServer({ env: { WEB_CONCURRENCY: '2' } })
}, 300_000)

afterAll(async () => {
  await server?.stop()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Waits until `ready()` holds, checking every half second; false when `ms` pass first. */
const until = async (ready: () => boolean, ms: number) => {
  const deadline = Date.now() + ms
  while (!ready()) {
    if (Date.now() > deadline) return false
    await sleep(500)
  }
  return true
}

/**
 * The status of one request, tried again on a connection error or a stalled answer until a
 * minute has passed. A request in flight to a process that is killed is lost (a reset, or, when
 * the primary was handing the connection over as it died, no answer at all): a client tries again.
 * How long the machine takes is not what this test is about, so no single wait decides it.
 */
const status = async (url: string) => {
  const deadline = Date.now() + 60_000
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) })
      await response.arrayBuffer()
      return response.status
    } catch (error) {
      if (Date.now() > deadline) throw error
      await sleep(250)
    }
  }
}

describe('npm start with WEB_CONCURRENCY=2', () => {
  it('serves from two processes on one port, and replaces one that dies', async () => {
    const all = () =>
      Promise.all(Array.from({ length: 20 }, () => status(`${server.url}/api/member-states?limit=1`)))
    expect(new Set(await all())).toEqual(new Set([200]))
    // The primary and its two workers.
    const before = workers(server)
    expect(before.length).toBe(3)
    const victim = Math.max(...before)
    process.kill(victim, 'SIGKILL')
    // The survivor answers while the primary notices the death and starts another.
    expect(new Set(await all())).toEqual(new Set([200]))
    expect(await until(() => server.log().includes('starting another'), 60_000)).toBe(true)
    const replaced = () => workers(server).length === 3 && !workers(server).includes(victim)
    expect(await until(replaced, 180_000)).toBe(true)
    // And, with the replacement listening, every request is answered again.
    expect(new Set(await all())).toEqual(new Set([200]))
  }, 420_000)
})
