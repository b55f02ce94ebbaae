import type { Endpoint } from 'payload'

import { findProjectPage, parsePageQuery } from '../../../readModel/findCards'

const refuse = (message: string, status = 400) => Response.json({ errors: [{ message }] }, { status })

/**
 * `GET /api/projects/page/:slug?locale=fr`: a published project's page from the read model
 * (src/readModel), the document `GET /api/projects?where[slug][equals]=…&depth=1` answers, with
 * its outcomes, Member States and related projects, in one indexed query. 404 when no published
 * project has the slug. See docs/api.md.
 */
export const pageEndpoint: Endpoint = {
  path: '/page/:slug',
  method: 'get',
  handler: async (req) => {
    let locale
    try {
      ;({ locale } = parsePageQuery(req.query as Record<string, unknown>))
    } catch (error) {
      return refuse((error as Error).message)
    }
    const slug = String(req.routeParams?.slug ?? '')
    const page = await findProjectPage(req.payload, slug, locale)
    if (!page) return refuse(`no published project has the slug “${slug}”`, 404)
    return new Response(page, { headers: { 'content-type': 'application/json' } })
  },
}
