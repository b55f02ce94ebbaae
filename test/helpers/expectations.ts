import type { Payload } from 'payload'
import { expect } from 'vitest'

import type { ApiResponse } from './api'

/** Documents and versions of the content collections: a rejected write must leave both unchanged. */
export const snapshotCounts = async (payload: Payload) => {
  const counts: Record<string, number> = {}
  for (const collection of ['projects', 'outcomes'] as const) {
    counts[collection] = (await payload.count({ collection })).totalDocs
    counts[`${collection} versions`] = (await payload.countVersions({ collection })).totalDocs
  }
  counts['member-states'] = (await payload.count({ collection: 'member-states' })).totalDocs
  return counts
}

/** The field paths a REST error response names. */
export const restErrorPaths = (response: ApiResponse) =>
  (response.body?.errors ?? []).flatMap((error: any) => (error.data?.errors ?? []).map((field: any) => field.path))

/** The field paths a GraphQL error response names. */
export const graphqlErrorPaths = (response: ApiResponse) =>
  (response.body?.errors ?? []).flatMap((error: any) =>
    (error.extensions?.data?.errors ?? []).map((field: any) => field.path),
  )

/** Runs a write expected to fail validation and returns the field paths its ValidationError names. */
export const localErrorPaths = async (write: () => Promise<unknown>): Promise<string[]> => {
  try {
    await write()
  } catch (error: any) {
    expect(error.name).toBe('ValidationError')
    expect(error.status).toBe(400)
    return (error.data?.errors ?? []).map((field: any) => field.path)
  }
  throw new Error('the write was accepted')
}

/**
 * Runs `run` and counts the adapter's calls of `method` for which `counted` holds: how many
 * reads of the database a request made (a lookup batched per list, a row read once per save).
 */
export const countAdapterReads = async <T>(
  payload: Payload,
  method: 'find' | 'findOne' | 'count' | 'findVersions' | 'upsert',
  counted: (args: any) => boolean,
  run: () => Promise<T>,
): Promise<{ result: T; reads: number }> => {
  const original = payload.db[method] as (args: any) => Promise<unknown>
  let reads = 0
  payload.db[method] = ((args: any) => {
    if (counted(args)) reads++
    return original.call(payload.db, args)
  }) as never
  try {
    return { result: await run(), reads }
  } finally {
    payload.db[method] = original as never
  }
}
