import type { CollectionAfterChangeHook } from 'payload'

type VersionRow = { id: number | string; version?: { _status?: string } }

/**
 * Keeps at most `max` versions of a document (0: all of them), as Payload's `versions.maxPerDoc`
 * does, with two differences:
 * - its newest published version is one of them however many drafts were saved since: the review
 *   dashboard compares a draft with it (src/admin/Dashboard/changedLocales.ts), and Payload's
 *   pruning dropped it after the hundredth draft;
 * - a document's creation reads nothing (it has one version), where Payload looked for the
 *   version past the limit on every save: a read of a whole version with its locales and
 *   relations, four of them for each page an import creates.
 * An update counts the document's versions and reads them only when there are too many.
 */
export const pruneVersions =
  (max: number): CollectionAfterChangeHook =>
  async ({ collection, doc, operation, req }) => {
    if (max <= 0 || operation === 'create') return doc
    const where = { parent: { equals: doc.id } }
    const { totalDocs } = await req.payload.db.countVersions({ collection: collection.slug, where, req })
    if (totalDocs <= max) return doc
    const { docs } = await req.payload.db.findVersions({
      collection: collection.slug,
      where,
      sort: '-updatedAt',
      limit: 0,
      pagination: false,
      select: { updatedAt: true, version: { _status: true } },
      req,
    })
    const newest = docs as unknown as VersionRow[]
    const published = newest.find((version) => version.version?._status === 'published')
    const kept = new Set(newest.slice(0, max).map((version) => String(version.id)))
    // The published version takes the place of the oldest one kept, never of the latest.
    if (published && !kept.has(String(published.id))) {
      if (max > 1) kept.delete(String(newest[max - 1]!.id))
      kept.add(String(published.id))
    }
    const pruned = newest.filter((version) => !kept.has(String(version.id))).map((version) => version.id)
    if (pruned.length > 0) await req.payload.db.deleteVersions({ collection: collection.slug, where: { id: { in: pruned } }, req })
    return doc
  }
