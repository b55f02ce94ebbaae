/**
 * Two costs @libsql/client adds on a SQLite file, which Payload's adapter pays on every statement.
 * Measured on the page importer (10,000 projects, 400 pages, statements timed one by one):
 *
 * - It compiles every statement anew. Payload's statements are long (a project's read is a dozen
 *   subqueries), and compiling them took about 9 ms of a page's 45 (63 statements, 31 distinct).
 *   `cacheStatements` keeps each connection's recent statements compiled, as better-sqlite3 users
 *   and drizzle's own `.prepare()` do.
 * - It hands its connection to each transaction and opens a new one for what follows, so every
 *   transaction began on a connection that had read no schema (1.5 ms) and compiled nothing.
 *   `reuseTransactionConnections` gives transactions connections of their own, kept for the next.
 *
 * Both leave SQL, results and errors as they were: the client still runs every statement.
 */
import { expandConfig, isInMemoryConfig } from '@libsql/core/config'
import { transactionModeToBegin } from '@libsql/core/util'
import { Sqlite3Transaction } from '@libsql/client/sqlite3'
import Database from 'libsql'

import { selectsEveryColumn, withStableAliases } from './statementText'

type Connection = InstanceType<typeof Database>
type Statement = ReturnType<Connection['prepare']>
type Prototype = { prepare: (this: Connection, sql: string) => Statement; exec: (this: Connection, sql: string) => unknown; close: (this: Connection) => unknown }

/** Statements kept per connection: the importer uses about 30, the admin and the API a few hundred. */
const MAX_STATEMENTS = 500

const SCHEMA_WORDS = 'create|alter|drop|analyze|vacuum|reindex'
/**
 * A statement that changes the schema or the planner's statistics. SQLite compiles a kept
 * statement again by itself when the schema changed, but what `columns()` said of it is kept
 * here, so every kept statement is dropped (every connection of this process).
 */
const CHANGES_SCHEMA = new RegExp(`^\\s*(${SCHEMA_WORDS})\\b`, 'i')
/** Several statements at once (a migration): any schema word in them counts. */
const MAY_CHANGE_SCHEMA = new RegExp(`\\b(${SCHEMA_WORDS})\\b`, 'i')

/**
 * Statements kept: data statements and a transaction's end, but not a `select *` (its columns
 * follow the table's, which another process may alter, and what they were is remembered).
 */
const KEPT = /^\s*(select|insert|update|delete|with|commit|rollback)\b/i

let schemaVersion = 0
const kept = new WeakMap<Connection, { version: number; statements: Map<string, Statement> }>()
let statementsCompiled = 0

/** How many statements SQLite compiled in this process since it started (tests and benchmarks). */
export const compiledStatements = () => statementsCompiled

/**
 * The client calls `raw(true)` and `columns()` (twice) on a statement each time it runs it: for a
 * kept statement the answers do not change, so they are given from memory. `raw` on a statement
 * that returns no rows throws, which tells the client so: that error is thrown again.
 */
const remembering = (statement: Statement): Statement => {
  const native = { raw: statement.raw.bind(statement), columns: statement.columns.bind(statement) }
  let columns: ReturnType<Statement['columns']> | undefined
  let raw: { mode: boolean | undefined; error?: unknown } | undefined
  statement.columns = () => (columns ??= native.columns())
  statement.raw = (mode?: boolean) => {
    if (raw && raw.mode === mode) {
      if (raw.error) throw raw.error
      return statement
    }
    try {
      native.raw(mode)
      raw = { mode }
    } catch (error) {
      raw = { mode, error }
      throw error
    }
    return statement
  }
  return statement
}

/** Set on libsql's prototype: two copies of this module in one process (a bundle and the CLI) patch it once. */
const INSTALLED = Symbol.for('iom-projects-cms:sqlite-statements-kept')

/**
 * Keeps the statements each libsql connection of this process compiled (the last MAX_STATEMENTS),
 * so running one again binds its values and runs it. Safe to reuse: the client runs a statement
 * to its end before the next one (libsql is synchronous), and libsql resets a statement before it
 * runs it again.
 */
export const cacheStatements = () => {
  const prototype = Database.prototype as unknown as Prototype & { [INSTALLED]?: boolean }
  if (prototype[INSTALLED]) return
  prototype[INSTALLED] = true
  const compile = prototype.prepare
  const exec = prototype.exec
  const closeConnection = prototype.close
  // libsql closes a connection once its last statement is freed: the kept ones go first.
  prototype.close = function (this: Connection) {
    kept.delete(this)
    return closeConnection.call(this)
  }
  prototype.exec = function (this: Connection, sql: string) {
    if (MAY_CHANGE_SCHEMA.test(sql)) schemaVersion++
    return exec.call(this, sql)
  }
  prototype.prepare = function (this: Connection, text: string) {
    if (CHANGES_SCHEMA.test(text)) schemaVersion++
    const sql = withStableAliases(text)
    if (!KEPT.test(sql) || selectsEveryColumn(sql)) {
      statementsCompiled++
      return compile.call(this, sql)
    }
    let entry = kept.get(this)
    if (!entry || entry.version !== schemaVersion) kept.set(this, (entry = { version: schemaVersion, statements: new Map() }))
    const found = entry.statements.get(sql)
    if (found) {
      // Most recently used last: the first is the one to drop.
      entry.statements.delete(sql)
      entry.statements.set(sql, found)
      return found
    }
    statementsCompiled++
    const statement = remembering(compile.call(this, sql))
    entry.statements.set(sql, statement)
    if (entry.statements.size > MAX_STATEMENTS) entry.statements.delete(entry.statements.keys().next().value!)
    return statement
  }
}

type TransactionClient = {
  transaction: (mode?: 'write' | 'read' | 'deferred') => Promise<unknown>
  close: () => void
}

/** Idle connections kept for the next transactions: this process writes one transaction at a time (database.ts). */
const IDLE_CONNECTIONS = 2

/**
 * Runs the transactions of `client` (an @libsql/client client of a SQLite file) on connections of
 * their own, kept after the commit or rollback for the next transaction, with their compiled
 * statements. `prepareConnection` gives a new connection the settings the client's own has (busy
 * timeout, flush). An in-memory database keeps the client's way: a new connection there is
 * another database.
 */
export const reuseTransactionConnections = (
  client: TransactionClient,
  config: { url: string; authToken?: string; encryptionKey?: string; intMode?: 'number' | 'bigint' | 'string' },
  prepareConnection: (connection: Connection) => void,
): boolean => {
  const expanded = expandConfig(config as Parameters<typeof expandConfig>[0], true)
  if (expanded.scheme !== 'file' || isInMemoryConfig(expanded)) return false
  const idle: Connection[] = []
  /** A connection out of any transaction waits for the next one (two at most); any other is closed. */
  const giveBack = (connection: Connection) => {
    if (!connection.inTransaction && idle.length < IDLE_CONNECTIONS) idle.push(connection)
    else connection.close()
  }
  const open = () => {
    // The options the client opens its own connections with.
    const options = { authToken: expanded.authToken, encryptionKey: expanded.encryptionKey }
    const connection = new Database(expanded.path, options as ConstructorParameters<typeof Database>[1])
    try {
      prepareConnection(connection)
    } catch (error) {
      connection.close()
      throw error
    }
    return connection
  }
  const close = client.close.bind(client)
  client.close = () => {
    for (const connection of idle.splice(0)) connection.close()
    close()
  }
  client.transaction = async (mode = 'write') => {
    const connection = idle.pop() ?? open()
    try {
      connection.exec(transactionModeToBegin(mode))
    } catch (error) {
      // Busy past the timeout, say: the connection itself is sound.
      giveBack(connection)
      throw error
    }
    const transaction = new Sqlite3Transaction(connection, expanded.intMode)
    // drizzle ends a transaction with commit or rollback (never close): either way, once SQLite
    // says it is over, the connection waits for the next one.
    let released = false
    const release = () => {
      if (released || connection.inTransaction) return
      released = true
      giveBack(connection)
    }
    // The client tells a finished transaction by its connection being out of one; once the
    // connection serves the next transaction, this handle must still refuse (TRANSACTION_CLOSED)
    // rather than write into, commit or roll back another request's transaction.
    Object.defineProperty(transaction, 'closed', { get: () => released || !connection.inTransaction })
    for (const end of ['commit', 'rollback'] as const) {
      const original = transaction[end].bind(transaction)
      transaction[end] = async () => {
        try {
          return await original()
        } finally {
          release()
        }
      }
    }
    const close = transaction.close.bind(transaction)
    transaction.close = () => {
      try {
        close()
      } finally {
        release()
      }
    }
    return transaction
  }
  return true
}
