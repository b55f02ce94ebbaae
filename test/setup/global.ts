import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'
import type { TestProject } from 'vitest/node'

import { mongoBaseUrl, postgresAdminUrl, TEST_DB_PREFIX, testTarget } from './targets'

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's own folder (SQLite files, the tests' other files) and prefix for PostgreSQL and MongoDB databases. */
    testRun: { dir: string; prefix: string }
  }
}

/**
 * Gives this run its own place for test databases, and drops them all once the workers have
 * exited (`payload.destroy()` does not release PostgreSQL's pool, so a file cannot drop its own).
 * Two runs on one machine (a developer's and CI's) never touch each other's databases.
 */
export default function setup(project: TestProject) {
  const run = { dir: mkdtempSync(path.join(os.tmpdir(), 'cms-tests-')), prefix: `${TEST_DB_PREFIX}${randomBytes(3).toString('hex')}_` }
  project.provide('testRun', run)
  return async function teardown() {
    const target = testTarget()
    rmSync(run.dir, { recursive: true, force: true })
    if (target === 'postgres') {
      const admin = new pg.Client({ connectionString: postgresAdminUrl() })
      await admin.connect()
      const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${run.prefix}%`])
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
      await admin.end()
    } else if (target === 'mongodb') {
      const { default: mongoose } = await import('mongoose')
      const connection = await mongoose.createConnection(mongoBaseUrl()).asPromise()
      const { databases } = await connection.db!.admin().listDatabases()
      for (const { name } of databases.filter((db) => db.name.startsWith(run.prefix))) {
        await connection.useDb(name).dropDatabase()
      }
      await connection.close()
    }
  }
}
