import { spawn } from 'node:child_process'
import path from 'node:path'

import { ROOT } from './env'

/** Runs `next <command>` in the foreground and passes signals on, exiting with its code. */
export const runNext = (command: 'start' | 'dev', env: NodeJS.ProcessEnv) => {
  const port = process.env.PORT || '3000'
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'next'), [command, '-p', port], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env, PORT: port },
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
  console.log(`CMS at http://localhost:${port}/admin, REST at /api, GraphQL at /api/graphql`)
}
