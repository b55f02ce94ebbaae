import type { CollectionSlug, FieldHook, PayloadRequest, Where } from 'payload'

import { relationIds } from '../domain/relations'

/**
 * The IDs asked about by the documents being read side by side (a list's), looked up in one query
 * per request and collection. Nothing is kept past that query: a later read in the same request
 * (after a mutation, say) asks again.
 */
type Waiting = { resolve: (readable: boolean) => void; reject: (error: unknown) => void }
type Batch = Map<string, Waiting[]>
const batchesOf = new WeakMap<PayloadRequest, Map<string, Batch>>()

/**
 * The IDs among `ids` that the caller's read access (`access`, a query) lets through, in one query
 * straight from the adapter: the IDs are all it needs.
 */
export const readableAmong = async (req: PayloadRequest, collection: CollectionSlug, access: Where, ids: string[]): Promise<Set<string>> => {
  if (ids.length === 0) return new Set()
  const { docs } = await req.payload.db.find({ collection, where: { and: [{ id: { in: ids } }, access] }, limit: ids.length, pagination: false, select: { id: true }, req })
  return new Set(docs.map((doc) => String(doc.id)))
}

const flush = async (req: PayloadRequest, collection: CollectionSlug, access: Where, batch: Batch) => {
  batchesOf.get(req)?.delete(collection)
  try {
    const readable = await readableAmong(req, collection, access, [...batch.keys()])
    for (const [id, waiting] of batch) for (const { resolve } of waiting) resolve(readable.has(id))
  } catch (error) {
    // The read fails as the lookup did: a guess either way would show a draft or store a page without its relations.
    for (const waiting of batch.values()) for (const { reject } of waiting) reject(error)
  }
}

const isReadable = (req: PayloadRequest, collection: CollectionSlug, access: Where, id: string): Promise<boolean> => {
  const batches = batchesOf.get(req) ?? new Map<string, Batch>()
  batchesOf.set(req, batches)
  let batch = batches.get(collection)
  if (!batch) {
    const fresh: Batch = new Map()
    batches.set(collection, fresh)
    // Once every document of the list has reached this field: their hooks run side by side.
    setImmediate(() => void flush(req, collection, access, fresh))
    batch = fresh
  }
  const waiting = batch.get(id) ?? []
  batch.set(id, waiting)
  return new Promise((resolve, reject) => waiting.push({ resolve, reject }))
}

/**
 * Leaves out of a relationship the documents its caller may not read: for the public, a related
 * project that is not published. Payload keeps such a relation as a bare ID among the populated
 * documents (and every ID shows at depth 0), so a front end found a number where it expected a
 * project, and learnt that an unpublished page exists. Staff, and the Local API's trusted calls,
 * keep every relation.
 */
export const hideUnreadableRelations =
  (collection: CollectionSlug): FieldHook =>
  async ({ value, req, overrideAccess }) => {
    if (overrideAccess || !Array.isArray(value) || value.length === 0) return value
    const read = req.payload.collections[collection]?.config.access.read
    const access = read ? await read({ req }) : true
    if (access === true) return value
    if (access === false) return []
    const readable = await Promise.all(value.map((ref) => isReadable(req, collection, access, String(relationIds(ref)[0]))))
    return value.filter((_, n) => readable[n])
  }
