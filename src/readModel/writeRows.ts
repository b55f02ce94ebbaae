import type { Payload, PayloadRequest } from 'payload'
import { createLocalReq } from 'payload'

import { sqlSession } from '../database'
import type { Locale } from '../domain/locales'

/**
 * Writes a read model's rows in `req`'s transaction: in bulk on SQL databases (one INSERT per
 * hundred rows; one adapter `create` per row took a 10,000-project rebuild from 15 s to 29 s when
 * rows were cards only), one by one through the adapter elsewhere.
 */
export const insertRows = async (payload: Payload, slug: 'project-cards' | 'project-card-facets', rows: Record<string, unknown>[], req?: PayloadRequest) => {
  if (!rows.length) return
  if (payload.db.name === 'sqlite' || payload.db.name === 'postgres') {
    const adapter = payload.db as unknown as { tables: Record<string, any>; tableNameMap: Map<string, string> }
    const db = await sqlSession(payload, req)
    const table = adapter.tables[adapter.tableNameMap.get(slug.replaceAll('-', '_')) ?? slug.replaceAll('-', '_')]
    for (let start = 0; start < rows.length; start += 100) await db.insert(table).values(rows.slice(start, start + 100))
    return
  }
  for (const row of rows) await payload.db.create({ collection: slug, data: row, req })
}

/**
 * A Local API request of its own that reads inside `req`'s transaction when there is one (sees
 * what it wrote). Not the caller's request itself: a Local API read sets its request's locale and
 * context for the rest of the caller's operation.
 */
export const readingRequest = async (payload: Payload, req?: PayloadRequest, locale?: Locale) => {
  const own = await createLocalReq({ locale, context: {} }, payload)
  if (req?.transactionID) own.transactionID = req.transactionID
  return own
}
