import type { Payload, PayloadRequest } from 'payload'

import { lockPublicContentWrites } from '../database'

/**
 * A generation number of the public content, kept in the database (Payload's key-value store) so
 * that every server instance sees it. Each change to a project, outcome or Member State moves it
 * on, in the same transaction as the change; the public pages' cached data is keyed by it
 * (src/site/data.ts). An instance whose own cache was not expired (the change was saved on
 * another instance behind the load balancer) therefore never serves the old page: its next read
 * finds a new generation and misses the cache. Costs one indexed read per public page.
 */
export const CONTENT_VERSION_KEY = 'site:content-version'
const KV_COLLECTION = 'payload-kv'

export const readContentVersion = async (payload: Payload): Promise<string> =>
  String((await payload.kv.get<{ version: string }>(CONTENT_VERSION_KEY))?.version ?? '0')

/** Where a request notes the transaction that moved the generation on already. */
const BUMPED_IN = 'contentVersionBumpedIn'

/**
 * Moves the generation on, inside the caller's transaction when `req` has one, and then once per
 * transaction: the other instances see the new generation at the commit, with every write of it,
 * so a second move would tell them nothing more (seeding the 183 States made 549 of them). Outside
 * a transaction each write is seen at once, and each moves it on.
 */
export const bumpContentVersion = async (req: PayloadRequest) => {
  const transaction = req.transactionID
  const known = typeof transaction === 'string' || typeof transaction === 'number'
  if (known && req.context[BUMPED_IN] === transaction) return
  await lockPublicContentWrites(req)
  const version = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
  await req.payload.db.upsert({
    collection: KV_COLLECTION as never,
    where: { key: { equals: CONTENT_VERSION_KEY } },
    data: { key: CONTENT_VERSION_KEY, data: { version } },
    req,
  })
  if (known) req.context[BUMPED_IN] = transaction
}
