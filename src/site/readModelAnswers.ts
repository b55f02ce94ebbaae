import type { SanitizedConfig } from 'payload'
import { getPayload, headersWithCors } from 'payload'

import { answerGenericList, genericListFromReadModel, readGenericListQuery } from '../readModel/genericList'
import { isPersonal } from './httpCache'

type Handler = (request: Request, context: any) => Promise<Response>

/**
 * Anonymous `GET /api/projects` queries the read model can answer exactly (src/readModel/genericList.ts)
 * are answered from it, with Payload's answer and headers; every other request goes to `handler`
 * (Payload's REST). Signed-in callers always get Payload's: they may read drafts.
 */
export const withReadModelAnswers =
  (config: Promise<SanitizedConfig> | SanitizedConfig, handler: Handler): Handler =>
  async (request, context) => {
    if (request.method !== 'GET' || isPersonal(request)) return handler(request, context)
    const url = new URL(request.url)
    const resolved = await config
    if (url.pathname !== `${resolved.routes.api}/projects` || !url.search) return handler(request, context)
    const payload = await getPayload({ config: resolved })
    const query = readGenericListQuery(url.search, payload)
    if (!query || !(await genericListFromReadModel(payload))) return handler(request, context)
    const json = await answerGenericList(payload, query)
    const headers = headersWithCors({ headers: new Headers({ 'Content-Type': 'application/json' }), req: { payload, headers: request.headers } as never })
    return new Response(json, { status: 200, headers })
  }
