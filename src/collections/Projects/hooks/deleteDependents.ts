import type { CollectionBeforeDeleteHook } from 'payload'
import { APIError } from 'payload'

/**
 * Outcomes and review history belong to their project: deleting the project deletes them in the
 * same transaction (the hook passes `req`), so nothing is left orphaned; if the project's own
 * deletion then fails, the transaction brings them back.
 */
export const deleteDependents: CollectionBeforeDeleteHook = async ({ id, req }) => {
  for (const collection of ['outcomes', 'review-events'] as const) {
    // A bulk delete reports the documents it could not delete instead of throwing (an outcome once
    // published, refused to an editor): the project's deletion stops there, or they would be left
    // without their project.
    const { errors } = await req.payload.delete({ collection, where: { project: { equals: id } }, overrideAccess: true, req })
    if (errors.length > 0) throw new APIError(errors[0]!.message, 403, undefined, true)
  }
}
