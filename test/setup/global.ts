import { rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { mongoBaseUrl, postgresAdminUrl, TEST_DB_PREFIX, testTarget } from './targets'

/**
 * Drops every test database once all workers have exited: `payload.destroy()` does not release
 * PostgreSQL's pool, so a file cannot drop its own database.
 */
export default function setup() {
  return async function teardown() {
    const target = testTarget()
    if (target === 'sqlite') {
      rmSync(path.join(os.tmpdir(), 'cms-tests'), { recursive: true, force: true })
    } else if (target === 'postgres') {
      const admin = new pg.Client({ connectionString: postgresAdminUrl() })
      await admin.connect()
      const { rows } = await admin.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE datname LIKE $1',
        [`${TEST_DB_PREFIX}%`],
      )
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
      await admin.end()
    } else {
      const { default: mongoose } = await import('mongoose')
      const connection = await mongoose.createConnection(mongoBaseUrl()).asPromise()
      const { databases } = await connection.db!.admin().listDatabases()
      for (const { name } of databases.filter((db) => db.name.startsWith(TEST_DB_PREFIX))) {
        await connection.useDb(name).dropDatabase()
      }
      await connection.close()
    }
  }
}
