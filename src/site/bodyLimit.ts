type Handler = (request: Request, context?: any) => Promise<Response>

/**
 * The largest request body the API reads: 1 MB is a project with every field filled in all three
 * languages many times over. The collections take no file uploads.
 */
export const MAX_BODY_BYTES = 1024 * 1024

const tooLarge = () =>
  Response.json(
    { errors: [{ message: `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB, the most the API accepts.` }] },
    { status: 413 },
  )

/**
 * Refuses a body over MAX_BODY_BYTES with a 413 before anything parses it: Next.js route handlers
 * would otherwise buffer a body of any size in memory. A declared Content-Length is checked at
 * once; a body sent without one (chunked) is read up to the limit and no further.
 */
export const withBodyLimit =
  (handler: Handler, limit = MAX_BODY_BYTES): Handler =>
  async (request, context) => {
    if (!request.body) return handler(request, context)
    const declared = Number(request.headers.get('content-length'))
    if (declared > limit) return tooLarge()
    if (declared > 0) return handler(request, context)
    const reader = request.body.getReader()
    const chunks: Uint8Array[] = []
    let size = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > limit) {
        await reader.cancel()
        return tooLarge()
      }
      chunks.push(value)
    }
    const body = Buffer.concat(chunks)
    return handler(new Request(request.url, { method: request.method, headers: request.headers, body }), context)
  }
