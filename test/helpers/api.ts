import { TEST_PASSWORD } from './payload'

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

/** The app's own route modules, with every wrapper they add (caching, body limit, closed routes). */
const routes = async () => ({
  rest: await import('../../src/app/(payload)/api/[...slug]/route'),
  graphql: await import('../../src/app/(payload)/api/graphql/route'),
})

export type CallOptions = {
  body?: unknown
  token?: string
  /** A whole Authorization header instead (an API key: `users API-Key <key>`). */
  authorization?: string
  /** The admin language the caller reads (Payload's i18n follows Accept-Language). */
  language?: string
}

export type ApiResponse<T = any> = { status: number; body: T; headers?: Headers }

/**
 * Calls the app's real Next.js route handlers (the functions `src/app/(payload)/api` exports,
 * built on the app's config) with real Request objects: REST under /api, GraphQL at /api/graphql.
 */
export const createApi = () => {
  const headersFor = ({ token, authorization, language, body }: CallOptions) => {
    const headers = new Headers()
    if (body !== undefined) headers.set('Content-Type', 'application/json')
    if (token) headers.set('Authorization', `JWT ${token}`)
    if (authorization) headers.set('Authorization', authorization)
    headers.set('Accept-Language', language ?? 'en')
    return headers
  }

  const rest = async <T = any>(method: Method, pathAndQuery: string, options: CallOptions = {}): Promise<ApiResponse<T>> => {
    const url = new URL(`http://localhost:3000/api${pathAndQuery}`)
    const slug = url.pathname.replace(/^\/api\//, '').split('/').filter(Boolean).map(decodeURIComponent)
    const request = new Request(url, {
      method,
      headers: headersFor(options),
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
    const response = await (await routes()).rest[method](request, { params: Promise.resolve({ slug }) })
    const text = await response.text()
    const json = (response.headers.get('content-type') ?? 'application/json').includes('json')
    return { status: response.status, body: text ? (json ? JSON.parse(text) : text) : null, headers: response.headers }
  }

  const graphql = async <T = any>(
    query: string,
    variables: Record<string, unknown> = {},
    options: Omit<CallOptions, 'body'> = {},
  ): Promise<ApiResponse<T>> => {
    const body = { query, variables }
    const request = new Request('http://localhost:3000/api/graphql', {
      method: 'POST',
      headers: headersFor({ ...options, body }),
      body: JSON.stringify(body),
    })
    const response = await (await routes()).graphql.POST(request)
    return { status: response.status, body: await response.json() }
  }

  const login = async (email: string, password = TEST_PASSWORD): Promise<string> => {
    const { status, body } = await rest('POST', '/users/login', { body: { email, password } })
    if (status !== 200 || !body?.token) throw new Error(`login failed for ${email}: ${status} ${JSON.stringify(body)}`)
    return body.token
  }

  return { rest, graphql, login }
}

/** This test file's Payload (own database, migrated) and a client for its REST and GraphQL routes. */
export const startApp = async () => {
  const { startPayload } = await import('./payload')
  const payload = await startPayload()
  return { payload, api: createApi() }
}
