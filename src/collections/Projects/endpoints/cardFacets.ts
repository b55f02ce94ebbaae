import type { Endpoint } from 'payload'

import { configuredProjectTypes } from '../../../domain/vocabularies'
import { cardFacetsJson } from '../../../readModel/cardFacets'
import { parseCardFilters } from '../../../readModel/findCards'

/**
 * `GET /api/projects/cards/facets?locale=fr&idfRegion=africa&q=santé`: the card list's filter
 * panel, from the read model (src/readModel/cardFacets.ts): how many published projects match the
 * card list's filters (`totalDocs`, the list's count) and how many per status, type, region,
 * coverage, Member State and year, labels in the locale. Same parameters and refusals as
 * `GET /api/projects/cards`, without `sort`, `limit` and `page`. See docs/api.md.
 */
export const cardFacetsEndpoint: Endpoint = {
  path: '/cards/facets',
  method: 'get',
  handler: async (req) => {
    let filters
    try {
      filters = parseCardFilters(req.query as Record<string, unknown>, configuredProjectTypes(req.payload.config))
    } catch (error) {
      return Response.json({ errors: [{ message: (error as Error).message }] }, { status: (error as { status?: number }).status ?? 400 })
    }
    return new Response(await cardFacetsJson(req.payload, filters), { headers: { 'content-type': 'application/json' } })
  },
}
