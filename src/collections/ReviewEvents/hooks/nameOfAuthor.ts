import type { CollectionSlug, FieldHook } from 'payload'

const CACHE = 'review-events:names'

/**
 * The name (else the email) of who made a review step or wrote a note. Staff read the history but
 * not each other's accounts, so the name is looked up past the users' access, once per request.
 */
export const nameOfAuthor =
  (usersSlug: CollectionSlug): FieldHook =>
  async ({ siblingData, req }) => {
    const by = siblingData?.by
    const id = by && typeof by === 'object' ? (by as { id: number | string }).id : by
    if (id === undefined || id === null) return null
    const names = (req.context[CACHE] ??= new Map<string, Promise<string | null>>()) as Map<string, Promise<string | null>>
    if (!names.has(String(id))) {
      names.set(
        String(id),
        req.payload
          .findByID({ collection: usersSlug, id, depth: 0, select: { name: true, email: true }, overrideAccess: true, disableErrors: true })
          .then((user: any) => user?.name || user?.email || null),
      )
    }
    return names.get(String(id))!
  }
