import type { CollectionConfig } from 'payload'

import { authenticatedOrPublished, staff } from '../access'

/** How many versions of a project or an outcome are kept when the plugin's options do not say. */
export const DEFAULT_VERSIONS_PER_DOCUMENT = 100

/**
 * What projects and outcomes share as reviewed content: drafts (validated like published documents,
 * so no rule is skipped on the way to review) and who may read and write them.
 */
export const editorialContent: Pick<CollectionConfig, 'access' | 'versions'> = {
  access: {
    read: authenticatedOrPublished,
    // Who may do what beyond this (publishing, review steps, deleting what was published) is
    // decided by the workflow hooks in src/workflow, which see the whole request.
    create: staff,
    update: staff,
    delete: staff,
  },
  versions: {
    drafts: { validate: true },
    // Pruned by the collections' own hook instead (src/hooks/pruneVersions.ts), which keeps the
    // published version and reads nothing on a create.
    maxPerDoc: 0,
  },
}
