import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj, Migration } from 'payload'

import { migrations as postgresMigrations } from './migrations/postgres'
import { migrations as sqliteMigrations } from './migrations/sqlite'

const here = path.dirname(fileURLToPath(import.meta.url))

/** The embedded default: nothing to install, the data in one file. */
export const DEFAULT_DATABASE_URL = 'file:./data/cms.db'

export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

export const databaseKind = (url: string): DatabaseKind => {
  if (url.startsWith('file:')) return 'sqlite'
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres'
  if (/^mongodb(\+srv)?:\/\//.test(url)) return 'mongodb'
  throw new Error(
    `DATABASE_URL "${url.replace(/\/\/[^@/]*@/, '//…@')}" is not supported: use file: (SQLite), ` +
      'postgres:// or postgresql:// (PostgreSQL), or mongodb:// or mongodb+srv:// (MongoDB).',
  )
}

/** Each SQL adapter has its own committed migrations; production applies them on start. */
export const migrationDir = (kind: 'sqlite' | 'postgres') => path.resolve(here, 'migrations', kind)

/** The committed migrations of an adapter, for `payload.db.migrate({ migrations })`. */
export const committedMigrations = (kind: DatabaseKind): Migration[] =>
  (kind === 'sqlite' ? sqliteMigrations : kind === 'postgres' ? postgresMigrations : []) as unknown as Migration[]

/**
 * The database adapter for a URL, chosen by its scheme. Schema push is off everywhere: every
 * environment, tests included, runs the same committed migrations, and a production server
 * applies the pending ones when it starts (`prodMigrations`).
 */
export const databaseAdapter = (url: string = DEFAULT_DATABASE_URL): DatabaseAdapterObj => {
  const kind = databaseKind(url)
  if (kind === 'sqlite') {
    const file = url.slice('file:'.length)
    if (file && !file.startsWith(':')) mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
    return sqliteAdapter({
      client: { url },
      // WAL: readers never wait for a writer (the site keeps serving while an editor saves or an
      // import runs), and several server processes can share the file. A writer that finds the
      // file locked waits up to 5 s instead of failing at once with SQLITE_BUSY.
      wal: true,
      busyTimeout: 5000,
      migrationDir: migrationDir('sqlite'),
      prodMigrations: sqliteMigrations,
      push: false,
    })
  }
  if (kind === 'postgres') {
    return postgresAdapter({
      pool: { connectionString: url },
      migrationDir: migrationDir('postgres'),
      prodMigrations: postgresMigrations,
      push: false,
    })
  }
  return mongooseAdapter({ url })
}

/**
 * Refreshes the query planner's statistics. SQLite has none until ANALYZE runs, and without them
 * it may read a join through the least selective index: at 10,000 projects the admin's list of
 * drafts took 3.5 minutes instead of 45 ms. Run at start and after bulk loads: a full ANALYZE
 * (a quarter of a second at 10,000 projects). A sampled one (analysis_limit) rated every index
 * alike, and the planner then read a region's projects through the `_status` index.
 */
export const optimizeDatabase = async (payload: { db: { name: string } }) => {
  const { sql } = await import('drizzle-orm')
  const db = payload.db as unknown as { drizzle: { run?: (query: unknown) => Promise<unknown>; execute?: (query: unknown) => Promise<unknown> } }
  if (payload.db.name === 'sqlite') {
    await db.drizzle.run!(sql`ANALYZE`)
  } else if (payload.db.name === 'postgres') {
    await db.drizzle.execute!(sql`ANALYZE`)
  }
}
