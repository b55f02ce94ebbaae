// Runs a TypeScript script with tsx, or a JavaScript one with Node (Payload's own CLI,
// node_modules/payload/bin.js, which loads TypeScript itself), with the export condition that keeps
// Node 20 from stalling on Lexical's module wrappers (scripts/lib/nodeConditions.mjs).
//
// A script whose modules still never finished loading (Node's exit code 13, before any of its
// code ran) is started again, up to three times: that is always safe, and was how the stall was
// lived with before its cause was known.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { buildCondition } from './lib/nodeConditions.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const tsx = path.join(root, 'node_modules', '.bin', 'tsx')
const [script, ...args] = process.argv.slice(2)
const runner = /\.m?js$/.test(script) ? process.execPath : tsx

for (let attempt = 1; ; attempt++) {
  const { status, signal } = spawnSync(runner, [buildCondition(), script, ...args], { cwd: root, stdio: 'inherit' })
  if (status === 13 && attempt < 3) {
    console.error(`${script}: its modules did not finish loading; starting it again (${attempt + 1}/3).`)
    continue
  }
  process.exit(status ?? (signal ? 1 : 0))
}
