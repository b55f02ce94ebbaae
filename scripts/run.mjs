// Runs a TypeScript script with tsx, once more if its modules never finished loading.
//
// On a cold tsx cache, loading the Payload config's module graph can stall; Node then exits with
// code 13 (unsettled top-level await) before any of the script's code ran, so running it again
// is safe. The scripts import the config first, which makes this rare; this makes it harmless.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const tsx = path.join(root, 'node_modules', '.bin', 'tsx')
const [script, ...args] = process.argv.slice(2)

for (let attempt = 1; ; attempt++) {
  const { status, signal } = spawnSync(tsx, [script, ...args], { cwd: root, stdio: 'inherit' })
  if (status === 13 && attempt < 3) {
    console.error(`${script}: its modules did not finish loading; starting it again (${attempt + 1}/3).`)
    continue
  }
  process.exit(status ?? (signal ? 1 : 0))
}
