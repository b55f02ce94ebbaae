import type { CollectionBeforeOperationHook } from 'payload'

/** The most documents one anonymous REST or GraphQL call returns (all 183 Member States fit). */
export const MAX_PUBLIC_LIMIT = 250

/**
 * Anonymous API callers cannot ask for everything at once: `limit=0`, `pagination=false` without
 * a limit, or a limit above MAX_PUBLIC_LIMIT are served one page of MAX_PUBLIC_LIMIT (the
 * answer's `limit`, `totalDocs` and `hasNextPage` say so). `pagination=false` with a limit
 * within bounds is kept: it is how a front end asks for a page without the count (a second query
 * over the same filter). Server code (the Local API) and signed-in staff are not capped: the
 * sitemap and the exporter read everything.
 */
export const capPublicQueries: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'read' || req.user || req.payloadAPI === 'local') return args
  const { limit, pagination } = args as { limit?: number; pagination?: boolean }
  const unbounded = limit === 0 || (pagination === false && typeof limit !== 'number')
  const tooLarge = typeof limit === 'number' && limit > MAX_PUBLIC_LIMIT
  return unbounded || tooLarge ? { ...args, pagination: true, limit: MAX_PUBLIC_LIMIT } : args
}
