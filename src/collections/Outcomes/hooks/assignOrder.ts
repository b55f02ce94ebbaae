import type { CollectionBeforeValidateHook } from 'payload'

import { lockPublicContentWrites } from '../../../database'
import { relationIds } from '../../../domain/relations'

/**
 * An outcome added without an order takes the next number after its project's last outcome
 * (drafts included), so a project's outcomes read i, ii, iii in the order they were added.
 */
export const assignOrder: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  if (!data || (data.order !== undefined && data.order !== null && data.order !== '')) return data
  if (originalDoc?.order && data.order === undefined) return data
  const [project] = relationIds(data.project ?? originalDoc?.project)
  if (project === undefined) return data
  // Two outcomes added at once must not both read the same last number (PostgreSQL: the unique
  // (project, order) index refused the second; SQLite's writers already queue).
  await lockPublicContentWrites(req)
  let last = 0
  for (const draft of [false, true]) {
    const { docs } = await req.payload.find({
      collection: 'outcomes',
      where: { project: { equals: project } },
      sort: '-order',
      draft,
      depth: 0,
      limit: 1,
      pagination: false,
      overrideAccess: true,
      select: { order: true },
      req,
    })
    last = Math.max(last, Number(docs[0]?.order ?? 0))
  }
  return { ...data, order: last + 1 }
}
