import type { Endpoint } from 'payload'

import { configuredProjectTypes } from '../../../domain/vocabularies'
import { findProjectCards, parseCardQuery } from '../../../readModel/findCards'

/**
 * `GET /api/projects/cards?locale=fr&idfRegion=africa&status=completed&sort=-endYear&limit=10&page=1`:
 * the public list's cards (published projects only, for every caller), read from the read model
 * (src/readModel) in one indexed query. Also `q` (words in the title, IDs or summary),
 * `projectType`, `coverage`, `memberState` (ISO code), `from` and `to` (years). See docs/api.md.
 */
export const cardsEndpoint: Endpoint = {
  path: '/cards',
  method: 'get',
  handler: async (req) => {
    const projectTypes = configuredProjectTypes(req.payload.config)
    let query
    try {
      query = parseCardQuery(req.query as Record<string, unknown>, projectTypes)
    } catch (error) {
      return Response.json({ errors: [{ message: (error as Error).message }] }, { status: (error as { status?: number }).status ?? 400 })
    }
    const { json } = await findProjectCards(req.payload, query)
    return new Response(json, { headers: { 'content-type': 'application/json' } })
  },
}
