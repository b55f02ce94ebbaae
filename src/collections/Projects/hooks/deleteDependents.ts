import type { CollectionBeforeDeleteHook } from 'payload'

/**
 * Outcomes and review history belong to their project: deleting the project deletes them in the
 * same transaction (the hook passes `req`), so nothing is left orphaned; if the project's own
 * deletion then fails, the transaction brings them back.
 */
export const deleteDependents: CollectionBeforeDeleteHook = async ({ id, req }) => {
  for (const collection of ['outcomes', 'review-events'] as const) {
    await req.payload.delete({ collection, where: { project: { equals: id } }, overrideAccess: true, req })
  }
}
