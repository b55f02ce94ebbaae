import type { Endpoint, Where } from 'payload'

import { isLocale } from '../../../domain/locales'
import { isConjunction } from '../../../hooks/whereJunctions'
import { CODED_FILTERS, type ListFilters } from '../../../readModel/findCards'
import { readStoredFacets } from '../../../readModel/storedFacets'
import { projectFacets } from '../../../site/facets'

/**
 * `where` as the card list's filters when it is nothing or a single `equals` on a coded field
 * (`where[idfRegion][equals]=africa`, also inside one `and` in any case), else null.
 */
const singleCodedFilter = (where: unknown): ListFilters | null => {
  if (where === undefined || where === null) return {}
  if (typeof where !== 'object' || Array.isArray(where)) return null
  const entries = Object.entries(where as Record<string, unknown>)
  if (entries.length === 0) return {}
  if (entries.length !== 1) return null
  const [field, condition] = entries[0]!
  if (isConjunction(field) && Array.isArray(condition) && condition.length <= 1) return singleCodedFilter(condition[0])
  if (!(CODED_FILTERS as readonly string[]).includes(field) || !condition || typeof condition !== 'object') return null
  const operators = Object.entries(condition as Record<string, unknown>)
  if (operators.length !== 1 || operators[0]![0] !== 'equals' || typeof operators[0]![1] !== 'string' || operators[0]![1] === '') return null
  return { [field]: operators[0]![1] }
}

/**
 * `GET /api/projects/facets?locale=fr&where[idfRegion][equals]=africa`: counts per status, type,
 * region, coverage, Member State and year among the projects the caller may read (the published
 * ones for anonymous front ends) that match `where`, labels in the locale.
 */
export const facetsEndpoint: Endpoint = {
  path: '/facets',
  method: 'get',
  handler: async (req) => {
    const query = req.query as { locale?: string; where?: Where }
    const locale = query.locale ?? 'en'
    if (!isLocale(locale)) return Response.json({ errors: [{ message: `locale must be en, fr or es, not “${locale}”` }] }, { status: 400 })
    // An anonymous front end's panel for no filter or one coded value is the read model's stored
    // panel: the same counts (the published projects), one row read instead of seven GROUP BYs.
    const single = req.user ? null : singleCodedFilter(query.where)
    const stored = single && (await readStoredFacets(req.payload, { ...single, locale }))
    if (stored) return new Response(stored, { headers: { 'content-type': 'application/json' } })
    try {
      return Response.json(await projectFacets(req.payload, { where: query.where, locale, req }))
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500
      if (status >= 500) throw error
      return Response.json({ errors: [{ message: (error as Error).message }] }, { status })
    }
  },
}
