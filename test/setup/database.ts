import { randomBytes } from 'node:crypto'
import path from 'node:path'

import pg from 'pg'
import { inject } from 'vitest'

import { mongoBaseUrl, postgresAdminUrl, testTarget, withDatabase } from './targets'

/**
 * Runs before each test file, in that file's own process: points DATABASE_URL at a fresh
 * database for this file alone (two files sharing one SQLite file fail with SQLITE_BUSY), inside
 * this run's own folder or name prefix (see global.ts).
 */
const run = inject('testRun')
const name = `${run.prefix}${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
const target = testTarget()

if (target === 'sqlite') {
  process.env.DATABASE_URL = `file:${path.join(run.dir, `${name}.db`)}`
} else if (target === 'postgres') {
  const admin = new pg.Client({ connectionString: postgresAdminUrl() })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  await admin.end()
  process.env.DATABASE_URL = withDatabase(postgresAdminUrl(), name)
} else {
  process.env.DATABASE_URL = withDatabase(mongoBaseUrl(), name)
}
