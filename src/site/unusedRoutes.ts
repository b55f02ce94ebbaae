import type { SanitizedConfig } from 'payload'

type Handler = (request: Request, context: { params: Promise<{ slug: string[] }> }) => Promise<Response>

/**
 * Payload mounts every collection's version-restore and email-verification routes whether the
 * collection uses them or not, and answers them with a 500 where it does not (restoring a version
 * of a collection that keeps none, Payload's own `payload-kv` and `payload-jobs` included;
 * verifying an account where verification is off). Those requests get a 404 that says why.
 */
export const withUnusedRoutesClosed =
  (config: Promise<SanitizedConfig>, handler: Handler): Handler =>
  async (request, context) => {
    const slug = (await context.params).slug ?? []
    if (slug.length === 3 && (slug[1] === 'versions' || slug[1] === 'verify')) {
      const collection = (await config).collections.find((candidate) => candidate.slug === slug[0])
      if (collection && slug[1] === 'versions' && !collection.versions) {
        return Response.json({ errors: [{ message: `${collection.slug} keeps no versions to restore.` }] }, { status: 404 })
      }
      if (collection?.auth && slug[1] === 'verify' && !collection.auth.verify) {
        return Response.json({ errors: [{ message: 'Accounts are not verified by email here.' }] }, { status: 404 })
      }
    }
    return handler(request, context)
  }
