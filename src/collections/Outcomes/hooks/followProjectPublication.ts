import type { FieldHook, PayloadRequest } from 'payload'

import { sqlSession } from '../../../database'
import { relationIds } from '../../../domain/relations'
import { isPublishedRow } from '../../../hooks/publishedRow'

/**
 * `projectPublished` on an outcome: whether its project is published now, read from the project's
 * row at every publication of the outcome, whatever the caller sent (the field is hidden from the
 * API). A draft is public in no case, so its save keeps what the outcome had (a project's
 * publication sets it on all its outcomes, drafts included): an imported page's three outcomes
 * do not look their new project up three times.
 */
export const projectPublishedNow: FieldHook = async ({ siblingData, originalDoc, req }) => {
  if (siblingData?._status !== 'published') return Boolean((originalDoc as { projectPublished?: boolean } | undefined)?.projectPublished)
  const [project] = relationIds(siblingData?.project ?? originalDoc?.project)
  return isPublishedRow(req, 'projects', project)
}

/** Sets the outcomes of a project to its publication state, in `req`'s transaction; only those that differ are written. */
export const setOutcomesPublication = async (req: PayloadRequest, projectId: number | string, published: boolean) => {
  const { payload } = req
  if (payload.db.name === 'sqlite' || payload.db.name === 'postgres') {
    // One UPDATE: the adapter's updateMany rewrites each row in turn through its generic upsert.
    const { and, eq, ne } = await import('drizzle-orm')
    const adapter = payload.db as unknown as { tables: Record<string, any> }
    const table = adapter.tables.outcomes
    const db = await sqlSession(payload, req)
    await db.update(table).set({ projectPublished: published }).where(and(eq(table.project, projectId), ne(table.projectPublished, published)))
    return
  }
  // MongoDB's updateMany is one `$set` over the matching documents.
  await payload.db.updateMany({
    collection: 'outcomes',
    where: { and: [{ project: { equals: projectId } }, { projectPublished: { not_equals: published } }] },
    data: { projectPublished: published },
    returning: false,
    req,
  })
}
