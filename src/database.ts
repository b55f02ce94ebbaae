import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { beginTransaction } from '@payloadcms/drizzle'
import type { DatabaseAdapterObj, Migration, PayloadRequest } from 'payload'
import { initTransaction } from 'payload'

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

type LibsqlClient = {
  execute: (...args: any[]) => Promise<any>
  batch: (...args: any[]) => Promise<any>
  executeMultiple: (...args: any[]) => Promise<any>
  transaction: (...args: any[]) => Promise<any>
}

const BUSY_TIMEOUT_MS = 5000

/**
 * @libsql/client hands its connection to each transaction and opens a new one for what follows,
 * without the adapter's `PRAGMA busy_timeout`: from the second transaction on, a writer that
 * found the file locked failed at once with SQLITE_BUSY (test/crash.test.ts, importing pages one
 * transaction each). This sets the timeout on every connection before its first statement.
 */
const patchClient = (client: LibsqlClient) => {
  let fresh = true
  const original = { execute: client.execute.bind(client), batch: client.batch.bind(client), executeMultiple: client.executeMultiple.bind(client), transaction: client.transaction.bind(client) }
  const ready = async () => {
    if (!fresh) return
    fresh = false
    await original.execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`)
  }
  client.execute = async (...args) => (await ready(), original.execute(...args))
  client.batch = async (...args) => (await ready(), original.batch(...args))
  client.executeMultiple = async (...args) => (await ready(), original.executeMultiple(...args))
  client.transaction = async (...args) => {
    await ready()
    const transaction = await original.transaction(...args)
    // The client opens a new connection on its next use.
    fresh = true
    return transaction
  }
}

const withBusyTimeoutOnEveryConnection = (adapterObj: DatabaseAdapterObj): DatabaseAdapterObj => ({
  ...adapterObj,
  init: (args) => {
    const adapter = adapterObj.init(args) as ReturnType<DatabaseAdapterObj['init']> & { client?: LibsqlClient }
    const connect = adapter.connect
    adapter.connect = async function (this: typeof adapter, ...connectArgs: Parameters<NonNullable<typeof connect>>) {
      const result = await connect!.apply(this, connectArgs)
      if (this.client && !(this.client as { patched?: boolean }).patched) {
        patchClient(this.client)
        ;(this.client as { patched?: boolean }).patched = true
      }
      return result
    }
    return adapter
  },
})

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
    return withBusyTimeoutOnEveryConnection(sqliteAdapter({
      client: { url },
      // WAL: readers never wait for a writer (the site keeps serving while an editor saves or an
      // import runs), and several server processes can share the file. A writer that finds the
      // file locked waits up to 5 s instead of failing at once with SQLITE_BUSY.
      wal: true,
      busyTimeout: 5000,
      migrationDir: migrationDir('sqlite'),
      prodMigrations: sqliteMigrations,
      push: false,
    }))
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

/**
 * Starts a transaction for `req` that Payload's operations called with it then share, on every
 * adapter that has them. Payload leaves transactions off on SQLite (its default), so `initTransaction`
 * does nothing there: a page import was several separate writes, and a crash between them left a
 * project without its version and outcomes (test/crash.test.ts). Turning them on for the whole
 * SQLite adapter is not safe: Payload's own forgot-password operation then deadlocks (it writes
 * outside the transaction it opened). So our multi-write operations (import, seed) open a real one
 * here, IMMEDIATE so that the write lock is taken at the start. Returns whether it began one.
 */
export const startTransaction = async (req: PayloadRequest): Promise<boolean> => {
  if (req.payload.db.name !== 'sqlite') return initTransaction(req)
  // An operation may already have tried (Payload's own initTransaction leaves a promise of null
  // where the adapter has transactions off): only a real one counts.
  if (await req.transactionID) return false
  const id = await beginTransaction.call(req.payload.db as never, { behavior: 'immediate' } as never)
  if (!id) return false
  req.transactionID = id
  return true
}
