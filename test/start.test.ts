import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it, vi } from 'vitest'

import { ensureEnvironment } from '../scripts/lib/env'

const saved = process.env.PAYLOAD_SECRET
afterEach(() => {
  process.env.PAYLOAD_SECRET = saved
  vi.restoreAllMocks()
})

describe('npm start without configuration', () => {
  it('writes a random PAYLOAD_SECRET to .env when none is set, keeping what .env had, and says so', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cms-env-'))
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
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cms-env-'))
    process.env.PAYLOAD_SECRET = 'configured'
    ensureEnvironment(dir)
    expect(process.env.PAYLOAD_SECRET).toBe('configured')
    expect(() => readFileSync(path.join(dir, '.env'))).toThrow()
  })
})
