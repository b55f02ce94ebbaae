import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { beginTransaction } from '@payloadcms/drizzle'
import type { DatabaseAdapterObj, Migration, Payload, PayloadRequest } from 'payload'
import { APIError, initTransaction } from 'payload'

// The adapters, their migrations and the SQLite connection code load with the database they are
// for (databaseAdapter, committedMigrations): a process on SQLite never loads PostgreSQL's or
// MongoDB's adapter (about 0.6 s of the start of each command and test file, measured under tsx).
type SqliteConnections = typeof import('./sqliteConnections')

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
export const committedMigrations = async (kind: DatabaseKind): Promise<Migration[]> =>
  (kind === 'sqlite'
    ? (await import('./migrations/sqlite')).migrations
    : kind === 'postgres'
      ? (await import('./migrations/postgres')).migrations
      : []) as unknown as Migration[]

type LibsqlClient = {
  execute: (...args: any[]) => Promise<any>
  batch: (...args: any[]) => Promise<any>
  executeMultiple: (...args: any[]) => Promise<any>
  transaction: (...args: any[]) => Promise<any>
  close: () => void
}

const BUSY_TIMEOUT_MS = 5000

/**
 * How hard SQLite flushes a commit to disk (`SQLITE_SYNCHRONOUS`): NORMAL by default, FULL on
 * request. In WAL mode FULL syncs the log at every commit (about 3 ms on this machine's disk, a
 * tenth of a small save); NORMAL syncs at checkpoints only.
 * Either way the file is never corrupted, and a crash of the process loses nothing; with NORMAL a
 * power cut or an operating-system crash may undo the last commits (SQLite's documented trade-off,
 * the default of Rails and of most embedded deployments). Where every acknowledged save must
 * survive a power cut, set FULL.
 */
export const sqliteSynchronous = (value = process.env.SQLITE_SYNCHRONOUS): 'NORMAL' | 'FULL' => {
  const setting = (value ?? '').trim().toUpperCase()
  if (setting === '' || setting === 'NORMAL') return 'NORMAL'
  if (setting === 'FULL') return 'FULL'
  throw new Error(`SQLITE_SYNCHRONOUS "${value}" is not supported: use NORMAL (the default) or FULL.`)
}

/**
 * Every connection of the client gets the adapter's `PRAGMA busy_timeout` (and the commit's flush,
 * see sqliteSynchronous) before its first statement: the adapter sets them on its first connection
 * only, and without the timeout a writer that found the file locked failed at once with
 * SQLITE_BUSY (test/crash.test.ts, importing pages one transaction each). Transactions run on
 * connections kept from one to the next, and statements stay compiled (sqliteConnections.ts).
 */
const patchClient = (client: LibsqlClient, synchronous: 'NORMAL' | 'FULL', config: { url: string }, connections: SqliteConnections) => {
  const settings = [`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`, `PRAGMA synchronous = ${synchronous}`]
  connections.cacheStatements()
  const ownConnections = connections.reuseTransactionConnections(client, config, (connection) => settings.forEach((setting) => connection.exec(setting)))
  const original = { execute: client.execute.bind(client), batch: client.batch.bind(client), executeMultiple: client.executeMultiple.bind(client), transaction: client.transaction.bind(client) }
  // One promise per connection, so that a transaction begun while the settings are being applied
  // waits for all of them instead of taking the connection half set.
  let prepared: Promise<void> | undefined
  const ready = () =>
    (prepared ??= (async () => {
      for (const setting of settings) await original.execute(setting)
    })())
  // A write outside a transaction (a login, a preference, a job's progress) waits, without blocking
  // the event loop, for this process's open write transaction (see queueWriter).
  const isRead = (statement: unknown) => /^\s*(select|pragma|explain)\b/i.test(typeof statement === 'string' ? statement : String((statement as { sql?: unknown })?.sql ?? ''))
  client.execute = async (...args) => {
    await ready()
    if (!isRead(args[0])) await writersDone(client)
    return original.execute(...args)
  }
  client.batch = async (...args) => (await ready(), await writersDone(client), original.batch(...args))
  client.executeMultiple = async (...args) => (await ready(), await writersDone(client), original.executeMultiple(...args))
  client.transaction = async (...args) => {
    await ready()
    const transaction = await original.transaction(...args)
    // Left to the client (an in-memory database), it opens a new connection on its next use.
    if (!ownConnections) prepared = undefined
    return transaction
  }
}

const withBusyTimeoutOnEveryConnection = (adapterObj: DatabaseAdapterObj, synchronous: 'NORMAL' | 'FULL', connections: SqliteConnections): DatabaseAdapterObj => ({
  ...adapterObj,
  init: (args) => {
    const adapter = adapterObj.init(args) as ReturnType<DatabaseAdapterObj['init']> & { client?: LibsqlClient }
    const connect = adapter.connect
    adapter.connect = async function (this: typeof adapter, ...connectArgs: Parameters<NonNullable<typeof connect>>) {
      const result = await connect!.apply(this, connectArgs)
      if (this.client && !(this.client as { patched?: boolean }).patched) {
        patchClient(this.client, synchronous, (this as unknown as { clientConfig: { url: string } }).clientConfig, connections)
        ;(this.client as { patched?: boolean }).patched = true
      }
      return result
    }
    // The end of a transaction (commit, or rollback on an error) lets the next writer in.
    for (const method of ['commitTransaction', 'rollbackTransaction'] as const) {
      const end = adapter[method] as (id: unknown) => Promise<void>
      ;(adapter as unknown as Record<string, unknown>)[method] = async function (this: typeof adapter, id: unknown) {
        try {
          return await end.call(this, id)
        } finally {
          if (this.client) releaseWriter(this.client, await id)
        }
      }
    }
    return adapter
  },
})

/**
 * One write transaction at a time per SQLite client in this process. libsql runs statements
 * synchronously: a second BEGIN IMMEDIATE while a first transaction is open made SQLite's busy
 * handler sleep on the event loop, so the first could never finish, and the second failed after
 * the 5 s timeout (two editors saving at once on one server process). Writers now queue here,
 * and the busy timeout only ever waits for another process.
 */
type Writers = { tail: Promise<void>; holders: Map<string, () => void> }
const writersOf = new WeakMap<object, Writers>()
const WRITER_WAIT_MS = 30_000
const WRITER_HOLD_MS = 120_000

const writers = (db: object): Writers => {
  let entry = writersOf.get(db)
  if (!entry) writersOf.set(db, (entry = { tail: Promise.resolve(), holders: new Map() }))
  return entry
}

/** Waits for the writers before this one; resolves with the function that lets the next one in. */
const queueWriter = async (db: object): Promise<() => void> => {
  const entry = writers(db)
  let release!: () => void
  const done = new Promise<void>((resolve) => (release = resolve))
  const before = entry.tail
  entry.tail = before.then(() => done)
  let timer: NodeJS.Timeout | undefined
  const waited = await Promise.race([
    before.then(() => 'ready' as const),
    new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), WRITER_WAIT_MS))),
  ])
  clearTimeout(timer)
  if (waited === 'late') {
    release()
    throw new APIError('Another save is still being written; try again in a moment.', 503, null, true)
  }
  return release
}

const holdWriter = (db: object, id: unknown, release: () => void) => {
  // A transaction never ended (a bug elsewhere) must not stop every later save for good.
  const timer = setTimeout(() => {
    console.error(`SQLite transaction ${String(id)} still open after ${WRITER_HOLD_MS / 1000} s: letting the next writer in`)
    releaseWriter(db, id)
  }, WRITER_HOLD_MS)
  timer.unref?.()
  writers(db).holders.set(String(id), () => {
    clearTimeout(timer)
    release()
  })
}

/** Resolves once no write transaction is open or queued (or after the busy timeout: SQLite decides then). */
const writersDone = async (client: object) => {
  const entry = writersOf.get(client)
  if (!entry || entry.holders.size === 0) return
  let timer: NodeJS.Timeout | undefined
  await Promise.race([entry.tail, new Promise<void>((resolve) => (timer = setTimeout(resolve, BUSY_TIMEOUT_MS)))])
  clearTimeout(timer)
}

const releaseWriter = (db: object, id: unknown) => {
  const entry = writersOf.get(db)
  const release = entry?.holders.get(String(id))
  if (!release) return
  entry!.holders.delete(String(id))
  release()
}

/**
 * The database adapter for a URL, chosen by its scheme. Schema push is off everywhere: every
 * environment, tests included, runs the same committed migrations, and a production server
 * applies the pending ones when it starts (`prodMigrations`).
 */
export const databaseAdapter = (url: string = DEFAULT_DATABASE_URL): Promise<DatabaseAdapterObj> => {
  // Checked at once, as the config is imported: a URL or a setting that cannot work stops a command
  // or `npm start` before it builds or does anything else, not when the adapter has loaded.
  const kind = databaseKind(url)
  const synchronous = kind === 'sqlite' ? sqliteSynchronous() : 'NORMAL'
  return loadAdapter(kind, url, synchronous)
}

const loadAdapter = async (kind: DatabaseKind, url: string, synchronous: 'NORMAL' | 'FULL'): Promise<DatabaseAdapterObj> => {
  if (kind === 'sqlite') {
    const { sqliteAdapter } = await import('@payloadcms/db-sqlite')
    const connections = await import('./sqliteConnections')
    const migrations = await committedMigrations(kind)
    const file = url.slice('file:'.length)
    if (file && !file.startsWith(':')) mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
    return withBusyTimeoutOnEveryConnection(sqliteAdapter({
      client: { url },
      // WAL: readers never wait for a writer (the site keeps serving while an editor saves or an
      // import runs), and several server processes can share the file. A writer that finds the
      // file locked waits up to 5 s instead of failing at once with SQLITE_BUSY.
      wal: { synchronous },
      busyTimeout: 5000,
      migrationDir: migrationDir('sqlite'),
      prodMigrations: migrations as never,
      push: false,
    }), synchronous, connections)
  }
  if (kind === 'postgres') {
    const { postgresAdapter } = await import('@payloadcms/db-postgres')
    const { default: pg } = await import('pg')
    const { namingClient } = await import('./postgresStatements')
    const migrations = await committedMigrations(kind)
    return postgresAdapter({
      // Statements named only in a process that asks (the importer): see postgresStatements.ts.
      pool: { connectionString: url, Client: namingClient(pg.Client) },
      migrationDir: migrationDir('postgres'),
      prodMigrations: migrations as never,
      push: false,
    })
  }
  const { mongooseAdapter } = await import('@payloadcms/db-mongodb')
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
    await reloadSqliteStatistics(payload)
  } else if (payload.db.name === 'postgres') {
    await db.drizzle.execute!(sql`ANALYZE`)
  }
}

/**
 * Makes every SQLite connection read the planner's statistics (sqlite_stat1) again. A connection
 * reads them when it reads the schema, and ANALYZE changes the schema's version only the first
 * time. Connections live for the whole process (sqliteConnections.ts), in this process and in the
 * servers beside it: a table made and dropped moves the version on, so every connection reads the
 * schema, and the statistics, before its next statement.
 */
export const reloadSqliteStatistics = async (payload: { db: { name: string } }) => {
  const { sql } = await import('drizzle-orm')
  const { drizzle } = payload.db as unknown as { drizzle: { run: (query: unknown) => Promise<unknown> } }
  await drizzle.run(sql`CREATE TABLE IF NOT EXISTS statistics_reload (x)`)
  await drizzle.run(sql`DROP TABLE statistics_reload`)
}

/**
 * Starts a transaction for `req` that Payload's operations called with it then share, on every
 * adapter that has them. Payload leaves transactions off on SQLite (its default), so `initTransaction`
 * does nothing there: a page import was several separate writes, and a crash between them left a
 * project without its version and outcomes (test/crash.test.ts). Turning them on for the whole
 * SQLite adapter is not safe: Payload's own forgot-password operation then deadlocks (it writes
 * outside the transaction it opened). So our multi-write operations (import, seed) open a real one
 * here, IMMEDIATE so that the write lock is taken at the start, after this process's other writers
 * (queueWriter). Returns whether it began one.
 */
export const startTransaction = async (req: PayloadRequest): Promise<boolean> => {
  if (req.payload.db.name !== 'sqlite') return initTransaction(req)
  // An operation may already have tried (Payload's own initTransaction leaves a promise of null
  // where the adapter has transactions off): only a real one counts.
  if (await req.transactionID) return false
  const client = (req.payload.db as unknown as { client: object }).client
  const release = await queueWriter(client)
  let id: unknown
  try {
    id = await beginTransaction.call(req.payload.db as never, { behavior: 'immediate' } as never)
  } catch (error) {
    release()
    throw error
  }
  if (!id) {
    release()
    return false
  }
  holdWriter(client, id, release)
  req.transactionID = id as string
  return true
}

/**
 * The drizzle handle of `req`'s transaction on the SQL adapters (the adapter's own handle when
 * there is none), for the few writes made past Payload's operations (the read model's bulk rows).
 */
export const sqlSession = async (payload: Payload, req?: PayloadRequest): Promise<any> => {
  const adapter = payload.db as unknown as { drizzle: any; sessions: Record<string, { db: any }> }
  const id = req?.transactionID ? await req.transactionID : undefined
  return (id !== undefined && id !== null && adapter.sessions?.[String(id)]?.db) || adapter.drizzle
}

/**
 * On PostgreSQL, makes the writes of public content that touch shared rows (the read model's rows,
 * the content generation) one transaction at a time, until the caller's transaction ends. Without
 * it two saves at once could both rebuild one project's rows (a unique-key error for the second),
 * or a rename and a publication could each miss the other's change. Always taken before those
 * rows are written, so it adds no lock-order cycle. SQLite has one writer already; MongoDB none.
 */
export const lockPublicContentWrites = async (req: PayloadRequest) => {
  if (req.payload.db.name !== 'postgres' || !req.transactionID) return
  const { sql } = await import('drizzle-orm')
  await (await sqlSession(req.payload, req)).execute(sql`SELECT pg_advisory_xact_lock(hashtext('public-content-writes'))`)
}
