// The production server on several processes (WEB_CONCURRENCY > 1, see scripts/lib/serve.ts):
// node:cluster forks one Next.js server per worker, all listening on the same port, so a request
// waiting on a synchronous SQLite query in one process does not hold up those in the others, and
// every core serves. A worker that dies is replaced. Plain JavaScript: workers start without tsx.
import cluster from 'node:cluster'
import { createServer } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const port = Number(process.env.PORT || 3000)
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY) || 1)

if (cluster.isPrimary) {
  let stopping = false
  for (let i = 0; i < workers; i++) cluster.fork()
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return
    console.error(`worker ${worker.process.pid} ended (${signal ?? code}); starting another`)
    cluster.fork()
  })
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      stopping = true
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill(signal)
      setTimeout(() => process.exit(0), 5000).unref()
      cluster.on('exit', () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(0))
    })
  }
  console.log(`${workers} server processes on port ${port}`)
} else {
  const { default: next } = await import('next')
  const app = next({ dev: false, dir: root, port, hostname: process.env.HOSTNAME || undefined })
  await app.prepare()
  const handle = app.getRequestHandler()
  createServer((req, res) => handle(req, res)).listen(port)
}
