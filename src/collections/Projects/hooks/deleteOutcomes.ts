import type { CollectionAfterDeleteHook } from 'payload'

/**
 * Outcomes belong to their project: deleting the project deletes them in the same transaction
 * (the hook passes `req`), so no orphan outcome is left behind.
 */
export const deleteOutcomes: CollectionAfterDeleteHook = async ({ id, req }) => {
  await req.payload.delete({
    collection: 'outcomes',
    where: { project: { equals: id } },
    overrideAccess: true,
    req,
  })
}
