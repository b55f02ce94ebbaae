import type { Payload, SanitizedConfig } from 'payload'
import { getPayload, headersWithCors } from 'payload'

import { rowsInShape } from '../readModel/cards'
import { answerGenericList, readGenericListQuery } from '../readModel/genericList'
import { isPersonal } from './httpCache'

type Handler = (request: Request, context: any) => Promise<Response>

/** How long a process that found the rows of another shape (an upgrade's rebuild pending) waits before it looks again. */
const RECHECK_MS = 10_000
const ready = new WeakMap<Payload, { inShape: boolean; at: number }>()

/**
 * Whether the read model's rows are in this code's shape. Once they are they stay so (the shape
 * comes from the code), so it is asked once; until then every RECHECK_MS.
 */
const readModelReady = async (payload: Payload) => {
  const known = ready.get(payload)
  if (known && (known.inShape || Date.now() - known.at < RECHECK_MS)) return known.inShape
  const inShape = await rowsInShape(payload)
  ready.set(payload, { inShape, at: Date.now() })
  return inShape
}

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
    if (payload.db.name !== 'sqlite' && payload.db.name !== 'postgres') return handler(request, context)
    const query = readGenericListQuery(url.search, payload)
    if (!query || !(await readModelReady(payload))) return handler(request, context)
    const json = await answerGenericList(payload, query)
    const headers = headersWithCors({ headers: new Headers({ 'Content-Type': 'application/json' }), req: { payload, headers: request.headers } as never })
    return new Response(json, { status: 200, headers })
  }
