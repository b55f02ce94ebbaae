import type { CollectionAfterOperationHook, CollectionBeforeOperationHook } from 'payload'
import { commitTransaction } from 'payload'

import { startTransaction } from '../database'

/** The operations (their arguments objects) whose transaction these hooks began and must commit. */
const begun = new WeakSet<object>()

/** The operations that write: a restore writes the document and a new version, and runs the hooks. */
const WRITES: string[] = ['create', 'update', 'delete', 'restoreVersion']

/**
 * Each write to the content (a save, a publication, a scheduled publication, a delete, a restore) is one
 * transaction on SQLite too, where Payload leaves transactions off: the document, its version,
 * the review history and the queued webhooks are written together or not at all. Must be the last
 * `beforeOperation` hook, so that the arguments it sees are those the operation hands to
 * `afterOperation`; on an error Payload's operation rolls the transaction back itself.
 * Other adapters start their own transaction in the operation: nothing to do.
 */
export const beginAtomicWrite: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (!WRITES.includes(operation)) return args
  if (req.payload.db.name !== 'sqlite') return args
  if (await startTransaction(req)) begun.add(args)
  return args
}

export const commitAtomicWrite: CollectionAfterOperationHook = async ({ args, req, result }) => {
  if (begun.has(args)) {
    begun.delete(args)
    await commitTransaction(req)
  }
  return result
}
