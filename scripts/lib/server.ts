import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '../..')

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

export type RunningServer = { url: string; pid: number; log: () => string; stop: () => Promise<void> }

/**
 * The production app as `npm start` runs it (built if the sources changed, migrated, seeded) on
 * the database of DATABASE_URL (a test file's own, the benchmark's), in its own process group
 * so that stopping it stops the tree. `env` adds to the environment.
 */
export const startServer = async ({ env = {} }: { env?: Record<string, string> } = {}): Promise<RunningServer> => {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  let output = ''
  const child: ChildProcess = spawn('node', ['scripts/run.mjs', 'scripts/start.ts'], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, PORT: String(port), NODE_ENV: 'production', SERVER_URL: url, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const stop = async () => {
    if (child.exitCode !== null || !child.pid) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      return
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))])
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + 300_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output.slice(-3000)}`)
    const ready = await fetch(`${url}/api/member-states?limit=1`).then((response) => response.ok, () => false)
    if (ready) return { url, pid: child.pid!, log: () => output, stop }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  await stop()
  throw new Error(`the server did not answer within 5 minutes:\n${output.slice(-3000)}`)
}
