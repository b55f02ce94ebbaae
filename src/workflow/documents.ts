import type { CollectionSlug, PayloadRequest } from 'payload'

/**
 * The latest version of a document (its current draft, or the published one when there is none),
 * in the request's locale without fallback: what that locale really holds.
 */
export const latestVersion = (req: PayloadRequest, collection: CollectionSlug, id: number | string) =>
  req.payload.findByID({
    collection,
    id,
    draft: true,
    depth: 0,
    fallbackLocale: false,
    overrideAccess: true,
    req,
    disableErrors: true,
  }) as Promise<Record<string, any> | null>

/**
 * Whether a document was ever published: live now, or first published at some time (see
 * firstPublication.ts), or, for what was stored before that was kept, with a published version.
 */
export const wasEverPublished = async (req: PayloadRequest, collection: CollectionSlug, id: number | string) => {
  const live = await req.payload.db.findOne<{ id: number | string; _status?: string; firstPublishedAt?: string | null }>({
    collection,
    where: { id: { equals: id } },
    select: { _status: true, firstPublishedAt: true },
    req,
  })
  if (live?._status === 'published' || live?.firstPublishedAt) return true
  const { totalDocs } = await req.payload.countVersions({
    collection,
    where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}
