import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { ROOT } from './env'

const INPUTS = ['src', 'payload.config.ts', 'next.config.ts', 'tsconfig.json', 'package-lock.json']
const STAMP = path.join(ROOT, '.next', 'source-fingerprint')

const filesUnder = (entry: string): string[] => {
  const full = path.join(ROOT, entry)
  if (!existsSync(full)) return []
  if (!statSync(full).isDirectory()) return [entry]
  return readdirSync(full).flatMap((name) => filesUnder(path.join(entry, name)))
}

/** A hash of everything the production build is made from. */
export const sourceFingerprint = (): string => {
  const hash = createHash('sha256')
  for (const file of INPUTS.flatMap(filesUnder).sort()) {
    hash.update(file).update('\0').update(readFileSync(path.join(ROOT, file))).update('\0')
  }
  return hash.digest('hex')
}

/** Builds the production app when there is no build or the sources changed since the last one. */
export const buildIfStale = () => {
  const fingerprint = sourceFingerprint()
  const built = existsSync(path.join(ROOT, '.next', 'BUILD_ID'))
  if (built && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === fingerprint) return
  console.log(built ? 'Sources changed since the last build: rebuilding…' : 'No production build yet: building (about a minute)…')
  const result = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'next'), ['build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`)
  writeFileSync(STAMP, fingerprint)
}
