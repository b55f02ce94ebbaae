// No imports but types: the import command reads its limit before anything loads.
import type { Payload } from 'payload'

/**
 * The most pages an import writes at once. Each holds a connection of the PostgreSQL adapter's
 * pool (node-postgres: 10) for its transaction; the run's other reads need the rest.
 */
export const MAX_IMPORT_CONCURRENCY = 8

/**
 * How many pages an import writes at once on this database (see importPages): one on SQLite,
 * which has one writer (our transactions take its lock at their start, one after the other:
 * startTransaction), so pages written at once would only queue for it. On PostgreSQL four unless
 * asked otherwise: 300 pages into a copy of the 10,000-project database took 25 pages/s one at a
 * time, 31 two at a time, 39 four at a time, 38 six at a time, Node's CPU then being the limit.
 * MongoDB has not been measured: one unless asked.
 */
export const importConcurrency = (payload: Payload, asked?: number) => {
  if (payload.db.name === 'sqlite') return 1
  if (asked === undefined) return payload.db.name === 'postgres' ? 4 : 1
  return Math.min(MAX_IMPORT_CONCURRENCY, Math.max(1, Math.floor(asked) || 1))
}
