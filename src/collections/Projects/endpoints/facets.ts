import type { Endpoint, Where } from 'payload'

import { isLocale } from '../../../domain/locales'
import { projectFacets } from '../../../site/facets'

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
    try {
      return Response.json(await projectFacets(req.payload, { where: query.where, locale, req }))
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500
      if (status >= 500) throw error
      return Response.json({ errors: [{ message: (error as Error).message }] }, { status })
    }
  },
}
