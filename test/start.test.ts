import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { afterEach, describe, expect, it, vi } from 'vitest'

import { ensureEnvironment } from '../scripts/lib/env'
import { payloadSecret, secretWeakness } from '../src/secret'
import { tempDir } from './helpers/tempDir'

const saved = process.env.PAYLOAD_SECRET
afterEach(() => {
  process.env.PAYLOAD_SECRET = saved
  vi.restoreAllMocks()
})

describe('npm start without configuration', () => {
  it('writes a random PAYLOAD_SECRET to .env when none is set, keeping what .env had, and says so', () => {
    const dir = tempDir('cms-env')
    writeFileSync(path.join(dir, '.env'), 'PORT=4000')
    delete process.env.PAYLOAD_SECRET
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})

    ensureEnvironment(dir)

    const written = readFileSync(path.join(dir, '.env'), 'utf8')
    expect(written).toMatch(/^PORT=4000\nPAYLOAD_SECRET=[0-9a-f]{64}\n$/)
    expect(process.env.PAYLOAD_SECRET).toBe(written.match(/PAYLOAD_SECRET=(\w+)/)![1])
    expect(log.mock.calls[0]![0]).toMatch(/PAYLOAD_SECRET was not set: wrote a new random secret to .*\.env/)
  })

  it('leaves a configured secret alone', () => {
    const dir = tempDir('cms-env')
    process.env.PAYLOAD_SECRET = 'configured'
    ensureEnvironment(dir)
    expect(process.env.PAYLOAD_SECRET).toBe('configured')
    expect(() => readFileSync(path.join(dir, '.env'))).toThrow()
  })
})

describe('PAYLOAD_SECRET strength', () => {
  it('names what is wrong with a weak secret', () => {
    expect(secretWeakness(undefined)).toBe('is not set')
    expect(secretWeakness('changeme')).toBe('is a placeholder')
    expect(secretWeakness('ci-smoke-secret')).toMatch(/too short \(15 characters; at least 32\)/)
    expect(secretWeakness('a'.repeat(40))).toMatch(/too simple/)
    expect(secretWeakness('ababababababababababababababababab')).toMatch(/too simple/)
    expect(secretWeakness('3f9c2a7e51b84d06a9e3c7f1d2b58e40')).toBeNull()
  })

  it('stops a production server from loading the config with one, but not the build or development', () => {
    expect(() => payloadSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: 'short' })).toThrow(/PAYLOAD_SECRET is too short .* will not start/)
    expect(() => payloadSecret({ NODE_ENV: 'production' })).toThrow(/PAYLOAD_SECRET is not set/)
    expect(payloadSecret({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build', PAYLOAD_SECRET: 'short' })).toBe('short')
    expect(payloadSecret({ NODE_ENV: 'development', PAYLOAD_SECRET: 'short' })).toBe('short')
  })

  it('npm start refuses to start with a weak secret, saying why', () => {
    const run = spawnSync('node', ['scripts/run.mjs', 'scripts/start.ts'], {
      cwd: path.resolve(import.meta.dirname, '..'),
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, PAYLOAD_SECRET: 'password123', PORT: '0' },
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/PAYLOAD_SECRET is too short \(11 characters; at least 32\): the production server will not start/)
  }, 130_000)
})

describe('DATABASE_URL', () => {
  it('npm start refuses one it cannot use as it reads the config, before building or migrating', () => {
    const run = spawnSync('node', ['scripts/run.mjs', 'scripts/start.ts'], {
      cwd: path.resolve(import.meta.dirname, '..'),
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, DATABASE_URL: 'mysql://cms:secret@db.example.org/cms', PAYLOAD_SECRET: '3f9c2a7e51b84d06a9e3c7f1d2b58e40', PORT: '0' },
    })
    expect(run.status).not.toBe(0)
    expect(run.stderr).toMatch(/DATABASE_URL "mysql:\/\/…@db\.example\.org\/cms" is not supported: use file: \(SQLite\), postgres:\/\//)
    // Its password is not repeated, and nothing was built or migrated first.
    expect(run.stderr + run.stdout).not.toContain('secret@')
    expect(run.stdout).not.toMatch(/building|Migrat/i)
  }, 130_000)
})
