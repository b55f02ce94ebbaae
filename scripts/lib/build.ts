import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
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

/** Outside .next: `next build` empties that folder. One per checkout. */
const LOCK = path.join(os.tmpdir(), `next-build-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}.lock`)
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

/**
 * Runs `build` holding this checkout's build lock: test files that start the server at once (on a
 * fresh checkout, or after a change) would otherwise each start `next build`, and all but one
 * fail ("Another next build process is already running"). A lock left by a killed build is taken
 * over after 15 minutes.
 */
const withBuildLock = (build: () => void) => {
  for (;;) {
    try {
      mkdirSync(LOCK)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const since = statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs
      if (since !== undefined && Date.now() - since > 15 * 60_000) rmSync(LOCK, { recursive: true, force: true })
      else sleep(500)
    }
  }
  try {
    build()
  } finally {
    rmSync(LOCK, { recursive: true, force: true })
  }
}

const upToDate = (fingerprint: string) => existsSync(path.join(ROOT, '.next', 'BUILD_ID')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === fingerprint

/** Builds the production app when there is no build or the sources changed since the last one. */
export const buildIfStale = () => {
  const fingerprint = sourceFingerprint()
  if (upToDate(fingerprint)) return
  withBuildLock(() => {
    // Another process may have built it while this one waited.
    if (upToDate(fingerprint)) return
    rebuild(fingerprint)
  })
}

const rebuild = (fingerprint: string) => {
  const built = existsSync(path.join(ROOT, '.next', 'BUILD_ID'))
  console.log(built ? 'Sources changed since the last build: rebuilding…' : 'No production build yet: building (about a minute)…')
  const result = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'next'), ['build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`)
  writeFileSync(STAMP, fingerprint)
}
