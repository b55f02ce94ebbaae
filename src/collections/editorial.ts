import type { CollectionConfig } from 'payload'

import { authenticated, authenticatedOrPublished } from '../access'

/**
 * What projects and outcomes share as edited content: drafts (validated like published documents,
 * so no rule is skipped on the way to review) and who may read and write them.
 */
export const editorialContent: Pick<CollectionConfig, 'access' | 'versions'> = {
  access: {
    read: authenticatedOrPublished,
    create: authenticated,
    update: authenticated,
    delete: authenticated,
  },
  versions: {
    drafts: { validate: true },
    maxPerDoc: 100,
  },
}
