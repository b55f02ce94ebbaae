// No imports but types: the import command reads its limit before anything loads.
import type { Payload } from 'payload'

/**
 * The most pages an import writes at once. Each holds a connection of the PostgreSQL adapter's
 * pool (node-postgres: 10) for its transaction; the run's other reads need the rest.
 */
export const MAX_IMPORT_CONCURRENCY = 8

/**
 * How many pages an import writes at once on this database (see importPages). On PostgreSQL four
 * unless asked otherwise: 300 pages into a copy of the 10,000-project database took 25 pages/s one
 * at a time, 31 two at a time, 39 four at a time, 38 six at a time (Node's CPU then the limit). One
 * elsewhere, whatever is asked:
 * - SQLite has one writer (our transactions take its lock at their start, one after the other:
 *   startTransaction), so pages written at once would only queue for it;
 * - on MongoDB nothing makes publications take turns (lockPublicContentWrites is PostgreSQL's), and
 *   publishing pages at once would write the same stored filter panels and content version; it has
 *   not been measured either.
 */
export const importConcurrency = (payload: Payload, asked?: number) => {
  if (payload.db.name !== 'postgres') return 1
  if (asked === undefined) return 4
  return Math.min(MAX_IMPORT_CONCURRENCY, Math.max(1, Math.floor(asked) || 1))
}
