/**
 * Named (prepared) statements on PostgreSQL, for a process that runs the same writes over and over:
 * the importer. node-postgres sends every statement unnamed, so PostgreSQL parses and plans it on
 * every execution; Payload's are long (a document's read is a dozen subqueries of JSON), and
 * planning them was a large part of an imported page. A named statement is parsed once per
 * connection, and after five executions PostgreSQL may keep a generic plan (plan_cache_mode
 * `auto`) when it costs no more than the ones made for the values. Scratch timer, 300 pages into a
 * copy of the 10,000-project database, four at a time, alternating three times: 46.4 → 53.6 pages/s
 * on average; with plans made anew each time (force_custom_plan) no gain, so the gain is the plans.
 *
 * Off unless a process asks (nameStatements), after its migrations: the server's reads are left
 * to plans made for their values (a list filtered by a rare region and by a common one may want
 * different plans). Behind a connection pooler in transaction mode, names need its support for
 * prepared statements (PgBouncer 1.21 and later, with `max_prepared_statements` set); where a
 * named statement is found missing or already there (a pooler without it, a DISCARD ALL), the
 * process stops naming, says so, and that one statement fails.
 */
import { createHash } from 'node:crypto'

import type pg from 'pg'

import { selectsEveryColumn, withStableAliases } from './statementText'

/**
 * Single data statements only. Not a `select *`: its columns follow the table's, and a prepared
 * statement's columns may not change (a migration would make it fail). Not a `with`: the filter
 * panels counted on request (src/readModel/cardFacets.ts, run by a publishing import) are one,
 * and their best plan depends on the filter's values (a region of 2,937 projects or of 40).
 */
const NAMED = /^\s*(select|insert|update|delete)\b/i
const SEVERAL_STATEMENTS = /;\s*\S/

/**
 * Statements named on one connection at most; later ones run unnamed. The importer uses about
 * forty; the bound keeps a process that meets many shapes (IN lists of every length) from
 * growing each connection's memory on the server without end.
 */
export const MAX_NAMED_STATEMENTS = 300

let naming = false
let executions = 0

/** How many statements ran named in this process so far. */
export const namedExecutions = () => executions

/** From now on, this process's PostgreSQL connections name their statements. */
export const nameStatements = (on = true) => {
  naming = on
}

/** PostgreSQL refuses a prepared statement whose result columns a schema change altered. */
const changedResult = (error: { code?: string; message?: string }) => error.code === '0A000' && /cached plan must not change result type/.test(error.message ?? '')

/** The server does not have a statement the connection prepared, or has one it did not: names are not kept there. */
const namesNotKept = (error: { code?: string }) => error.code === '26000' || error.code === '42P05'

type QueryConfig = { text: string; name?: string; submit?: unknown; callback?: unknown }
type Callback = (error: Error | null, result?: unknown) => void

/**
 * A node-postgres Client (the pool's `Client` option) that names its data statements by their text
 * while nameStatements is on: the same text, the same name, on every connection. A statement that
 * fails because the schema changed under it is not named again (that execution fails once).
 *
 * It also sends a connection's statements one after another: a statement asked for while another
 * runs is sent once that one has ended. A transaction is one connection, and Payload reads in
 * parallel inside one (a document's relations and joins, its fields' afterRead hooks, at once):
 * node-postgres queued those itself, but deprecates that queue (a DeprecationWarning in every
 * process) and pg@9 refuses a query sent while another runs. The order and the waits are the
 * ones its queue gave. A statement given a callback, or a submittable (a cursor), is sent at once
 * as before: node-postgres' pool sends those to a connection nobody else holds.
 */
export const namingClient = (Client: typeof pg.Client): typeof pg.Client => {
  const refused = new Set<string>()
  class NamingClient extends Client {
    #named = new Set<string>()
    /** Settles when the last statement asked for on this connection has ended. */
    #last: Promise<unknown> = Promise.resolve()

    #config(config: unknown): QueryConfig | undefined {
      if (!naming || !config || typeof config !== 'object') return undefined
      const { text, name, submit, callback } = config as QueryConfig
      if (typeof text !== 'string' || name || typeof submit === 'function' || typeof callback === 'function') return undefined
      if (!NAMED.test(text) || selectsEveryColumn(text) || SEVERAL_STATEMENTS.test(text)) return undefined
      const stable = withStableAliases(text)
      const named = `s_${createHash('sha1').update(stable).digest('hex').slice(0, 24)}`
      if (refused.has(named) || (!this.#named.has(named) && this.#named.size >= MAX_NAMED_STATEMENTS)) return undefined
      this.#named.add(named)
      executions++
      return { ...(config as QueryConfig), text: stable, name: named }
    }

    // node-postgres' overloads: (config), (config, values), (config, callback), (config, values, callback).
    override query(...args: unknown[]): any {
      const first = args[0] as { submit?: unknown; callback?: unknown } | null | undefined
      const answersBack = args.some((arg) => typeof arg === 'function') || typeof first?.submit === 'function' || typeof first?.callback === 'function'
      if (answersBack) return this.#send(...args)
      const sent = this.#last.then(() => this.#send(...args))
      this.#last = sent.then(
        () => undefined,
        () => undefined,
      )
      return sent
    }

    #send(...args: unknown[]): any {
      const config = this.#config(args[0])
      if (!config) return (super.query as (...a: unknown[]) => unknown)(...args)
      const name = config.name!
      const noteRefusal = (error: unknown) => {
        if (!error || typeof error !== 'object') return
        if (changedResult(error)) refused.add(name)
        if (namesNotKept(error)) {
          // pg would otherwise go on sending this name as already prepared.
          delete (this as unknown as { connection: { parsedStatements: Record<string, string> } }).connection.parsedStatements[name]
          if (naming) console.warn(`PostgreSQL does not keep this connection's named statements (${(error as Error).message}): statements are sent unnamed from now on.`)
          naming = false
        }
      }
      const rest = args.slice(1)
      const callbackAt = rest.findIndex((arg) => typeof arg === 'function')
      if (callbackAt >= 0) {
        const callback = rest[callbackAt] as Callback
        rest[callbackAt] = (error: Error | null, result?: unknown) => {
          noteRefusal(error)
          callback(error, result)
        }
        return (super.query as (...a: unknown[]) => unknown)(config, ...rest)
      }
      return ((super.query as (...a: unknown[]) => Promise<unknown>)(config, ...rest)).catch((error: unknown) => {
        noteRefusal(error)
        throw error
      })
    }
  }
  return NamingClient as unknown as typeof pg.Client
}
