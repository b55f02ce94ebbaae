import { spawn } from 'node:child_process'
import path from 'node:path'

import { ROOT } from './env'

/**
 * Runs `next <command>` in the foreground and passes signals on, exiting with its code. In
 * production, WEB_CONCURRENCY above 1 runs that many server processes on the port instead
 * (scripts/lib/cluster.mjs): one per core is the documented setting for the embedded SQLite
 * database, whose queries hold the process they run in (docs/performance.md).
 */
export const runNext = (command: 'start' | 'dev', env: NodeJS.ProcessEnv) => {
  const port = process.env.PORT || '3000'
  const clustered = command === 'start' && Number(process.env.WEB_CONCURRENCY) > 1
  const [program, args] = clustered
    ? [process.execPath, [path.join(ROOT, 'scripts', 'lib', 'cluster.mjs')]]
    : [path.join(ROOT, 'node_modules', '.bin', 'next'), [command, '-p', port]]
  const child = spawn(program, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env, PORT: port },
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
  console.log(`CMS at http://localhost:${port}/admin, REST at /api, GraphQL at /api/graphql`)
}
