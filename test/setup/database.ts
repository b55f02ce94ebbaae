import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { mongoBaseUrl, postgresAdminUrl, TEST_DB_PREFIX, testTarget, withDatabase } from './targets'

/**
 * Runs before each test file, in that file's own process: points DATABASE_URL at a fresh
 * database for this file alone (two files sharing one SQLite file fail with SQLITE_BUSY).
 */
const name = `${TEST_DB_PREFIX}${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
const target = testTarget()

if (target === 'sqlite') {
  const dir = path.join(os.tmpdir(), 'cms-tests')
  mkdirSync(dir, { recursive: true })
  process.env.DATABASE_URL = `file:${path.join(dir, `${name}.db`)}`
} else if (target === 'postgres') {
  const admin = new pg.Client({ connectionString: postgresAdminUrl() })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  await admin.end()
  process.env.DATABASE_URL = withDatabase(postgresAdminUrl(), name)
} else {
  process.env.DATABASE_URL = withDatabase(mongoBaseUrl(), name)
}
