import type { CollectionBeforeOperationHook, JoinQuery, Where } from 'payload'

/** The most documents one anonymous REST or GraphQL call returns (all 183 Member States fit). */
export const MAX_PUBLIC_LIMIT = 250

/**
 * A query for a list of IDs cannot return more documents than the list has. Payload's population
 * reads related documents this way (`where: { id: { in: [...] } }`, `pagination: false`) with
 * the caller's request: capping it would add a count to every populated list and page.
 */
const boundedByIds = (where: Where | undefined): boolean => {
  const ids = (where?.id as { in?: unknown } | undefined)?.in
  return Object.keys(where ?? {}).length === 1 && Array.isArray(ids) && ids.length <= MAX_PUBLIC_LIMIT
}

/**
 * Anonymous API callers cannot ask for everything at once: `limit=0`, `pagination=false` without
 * a limit, or a limit above MAX_PUBLIC_LIMIT are served one page of MAX_PUBLIC_LIMIT (the
 * answer's `limit`, `totalDocs` and `hasNextPage` say so). `pagination=false` with a limit
 * within bounds is kept: it is how a front end asks for a page without the count (a second query
 * over the same filter); so is `pagination=false` over a short list of IDs. Server code (the
 * Local API) and signed-in staff are not capped: the sitemap and the exporter read everything.
 * Anonymous callers asking for drafts (`draft=true`) read the published documents.
 */
export const capPublicQueries: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  // Server code reading with the caller's request (a hook, a job) says so with overrideAccess.
  if (operation !== 'read' || req.user || req.payloadAPI === 'local' || (args as { overrideAccess?: boolean }).overrideAccess === true) return args
  const { limit, pagination, where, joins } = args as { limit?: number; pagination?: boolean; where?: Where; joins?: JoinQuery }
  const unbounded = limit === 0 || (pagination === false && typeof limit !== 'number' && !boundedByIds(where))
  const tooLarge = typeof limit === 'number' && limit > MAX_PUBLIC_LIMIT
  const capped = unbounded || tooLarge ? { ...args, pagination: true, limit: MAX_PUBLIC_LIMIT } : args
  // Drafts are not theirs to read: `draft=true` read the latest versions, which for a published
  // page with a newer draft is the draft, and access then left the page out (or, populated on
  // another page, a bare ID). They get what they get without it.
  const published = (capped as { draft?: boolean }).draft ? { ...capped, draft: false } : capped
  return joins && typeof joins === 'object' ? { ...published, joins: capJoins(joins) } : published
}

/**
 * A join's `limit=0` means all of it (a Member State's every project, in every State of a list):
 * anonymous callers get at most MAX_PUBLIC_LIMIT per join, as for the list itself.
 */
const capJoins = (joins: Exclude<JoinQuery, false>): JoinQuery =>
  Object.fromEntries(
    Object.entries(joins).map(([path, join]) => {
      if (!join || typeof join !== 'object') return [path, join]
      const limit = Number((join as { limit?: unknown }).limit)
      return [path, (join as { limit?: unknown }).limit === undefined || (limit > 0 && limit <= MAX_PUBLIC_LIMIT) ? join : { ...join, limit: MAX_PUBLIC_LIMIT }]
    }),
  ) as JoinQuery
