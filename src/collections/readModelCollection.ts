import type { CollectionConfig } from 'payload'

/**
 * What the read model's collections (`project-cards`, `project-card-facets`; src/readModel) share:
 * hidden from the admin and from GraphQL, closed to every API caller. Only the hooks that keep
 * them write them, in the writing transaction, and only their own endpoints read them.
 */
export const READ_MODEL_COLLECTION = {
  admin: { hidden: true },
  graphQL: false,
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  timestamps: false,
} satisfies Partial<CollectionConfig>
