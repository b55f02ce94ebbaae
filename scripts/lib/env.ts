import { randomBytes } from 'node:crypto'
import { appendFileSync, existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

// @next/env: the .env files read by the same rules as the Next.js server's.
import nextEnv from '@next/env'

export const ROOT = path.resolve(import.meta.dirname, '..', '..')

/**
 * Loads `.env` (Next's rules), then makes sure PAYLOAD_SECRET is set: when it is not, a random one
 * is written to `.env` so sessions survive restarts, and the user is told.
 */
export const ensureEnvironment = (root: string = ROOT) => {
  nextEnv.loadEnvConfig(root, false, { info: () => {}, error: console.error })
  if (process.env.PAYLOAD_SECRET) return
  const secret = randomBytes(32).toString('hex')
  const file = path.join(root, '.env')
  const before = existsSync(file) ? readFileSync(file, 'utf8') : ''
  appendFileSync(file, `${before && !before.endsWith('\n') ? '\n' : ''}PAYLOAD_SECRET=${secret}\n`)
  process.env.PAYLOAD_SECRET = secret
  console.log(`PAYLOAD_SECRET was not set: wrote a new random secret to ${file}. Keep that file private.`)
}
