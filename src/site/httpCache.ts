import { createHash } from 'node:crypto'

/** Requests that carry a session or an API key: their answers are personal and never cached. */
export const isPersonal = (request: Request) => {
  const authorization = request.headers.get('authorization')
  const cookie = request.headers.get('cookie') ?? ''
  // Payload's session cookie is `<cookiePrefix>-token` (`payload-token` by default): any such name counts.
  return Boolean(authorization) || /(?:^|;)\s*[^=;]*-token\s*=/.test(cookie)
}

type Handler = (request: Request, context: any) => Promise<Response>

/**
 * Public GETs of the API answer with a strong ETag and `Cache-Control: public, max-age=0,
 * must-revalidate`: a front end or CDN may keep the answer and revalidates it each time, getting a
 * 304 without a body while nothing changed, and the new content as soon as a reviewer publishes.
 * Answers to signed-in callers are `private, no-store`.
 */
export const withHttpCaching =
  (handler: Handler): Handler =>
  async (request, context) => {
    const response = await handler(request, context)
    if (request.method !== 'GET' || response.status !== 200) return response
    const headers = new Headers(response.headers)
    if (isPersonal(request)) {
      headers.set('Cache-Control', 'private, no-store')
      return new Response(response.body, { status: response.status, headers })
    }
    const body = await response.arrayBuffer()
    const etag = `"${createHash('sha1').update(new Uint8Array(body)).digest('base64url')}"`
    headers.set('ETag', etag)
    headers.set('Cache-Control', 'public, max-age=0, must-revalidate')
    headers.append('Vary', 'Accept-Language')
    const wanted = request.headers.get('if-none-match')
    if (wanted && wanted.split(/\s*,\s*/).includes(etag)) return new Response(null, { status: 304, headers })
    return new Response(body, { status: 200, headers })
  }
