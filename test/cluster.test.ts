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

describe('npm start with WEB_CONCURRENCY=2', () => {
  it('serves from two processes on one port, and replaces one that dies', async () => {
    // A kept-alive connection to the process just killed ends in a reset: a client tries again once.
    // Each try is bounded: a request caught by the dying process must not hang the test.
    const once = () => fetch(`${server.url}/api/member-states?limit=1`, { signal: AbortSignal.timeout(30_000) })
    const get = () => once().catch(() => once())
    const all = () => Promise.all(Array.from({ length: 20 }, () => get().then((response) => response.status)))
    expect(new Set(await all())).toEqual(new Set([200]))
    // The primary and its two workers.
    const before = workers(server)
    expect(before.length).toBe(3)
    const victim = Math.max(...before)
    process.kill(victim, 'SIGKILL')
    expect(new Set(await all())).toEqual(new Set([200]))
    const deadline = Date.now() + 150_000
    while (Date.now() < deadline && !(workers(server).length === 3 && !workers(server).includes(victim))) {
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    expect(workers(server).length).toBe(3)
    expect(server.log()).toContain('starting another')
  }, 280_000)
})
