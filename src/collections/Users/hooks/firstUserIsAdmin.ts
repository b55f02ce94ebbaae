import type { CollectionBeforeChangeHook } from 'payload'

/**
 * The first account ever registered (admin panel or `POST /api/users/first-register`) becomes an
 * admin, whatever roles were sent: someone has to be able to manage the others.
 */
export const firstUserIsAdmin: CollectionBeforeChangeHook = async ({ collection, data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: collection.slug, overrideAccess: true, req })
  return totalDocs === 0 ? { ...data, roles: ['admin'] } : data
}
