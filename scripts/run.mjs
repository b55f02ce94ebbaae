// Runs a TypeScript script with tsx, or a JavaScript one with Node (Payload's own CLI,
// node_modules/payload/bin.js, which loads TypeScript itself), with the export condition that keeps
// Node 20 from stalling on Lexical's module wrappers (scripts/lib/nodeConditions.mjs).
//
// A script whose modules still never finished loading (Node's exit code 13, before any of its
// code ran) is started again, up to three times: that is always safe, and was how the stall was
// lived with before its cause was known. (Payload's CLI loads its code from a function, not at
// the top level: a stall there would end it with code 0, so the condition is its only guard.)
//
// SIGTERM and SIGHUP sent to this process are passed on to the script: a process manager that
// stops only the process it started (supervisord, pm2, `kill <pid>`) stops the server or the jobs
// worker too, instead of leaving it running on its own. SIGINT (Ctrl-C) reaches the script from
// the terminal already: passed on as well, it would reach tsx twice, which kills a script still
// shutting down; this process waits for the script's end and exits with its status.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { buildCondition } from './lib/nodeConditions.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const tsx = path.join(root, 'node_modules', '.bin', 'tsx')
const [script, ...args] = process.argv.slice(2)
const runner = /\.m?js$/.test(script) ? process.execPath : tsx
const SIGNALS = ['SIGTERM', 'SIGHUP']
process.on('SIGINT', () => undefined)

const start = (attempt) => {
  const child = spawn(runner, [buildCondition(), script, ...args], { cwd: root, stdio: 'inherit' })
  const pass = (signal) => child.kill(signal)
  for (const signal of SIGNALS) process.on(signal, pass)
  child.on('exit', (status, signal) => {
    for (const name of SIGNALS) process.off(name, pass)
    if (status === 13 && attempt < 3) {
      console.error(`${script}: its modules did not finish loading; starting it again (${attempt + 1}/3).`)
      start(attempt + 1)
      return
    }
    process.exit(status ?? (signal ? 1 : 0))
  })
}
start(1)
