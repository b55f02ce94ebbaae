import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { changesPublicContent } from '../readModel/publicChange'
import { bumpContentVersion } from './contentVersion'

/** Cache tags of the public site's data (src/site/data.ts). */
export const TAGS = {
  projects: 'site:projects',
  memberStates: 'site:member-states',
} as const

/**
 * Expires the public site's cached data at once (not stale-while-revalidate: a reader must never
 * see the page as it was before a reviewer published). Outside a Next.js server (scripts, tests
 * on the Local API) there is no cache to expire, and Next refuses the call: that is ignored.
 */
export const expireSiteCache = async (...tags: string[]) => {
  try {
    const { revalidateTag } = await import('next/cache')
    for (const tag of tags) revalidateTag(tag, { expire: 0 })
  } catch {
    // Not inside a Next.js request: nothing cached here.
  }
}

/**
 * A change to a project or an outcome that the public sees (a publication, an unpublication, a
 * published page's edit: the read model's refresh says so) can change list pages, project pages
 * and Member State pages: this instance's cache is expired at once, and the shared content
 * generation moves on for the other instances (src/site/contentVersion.ts). A draft leaves the
 * cached pages as they are (previews read past the cache): an editor's saves and an import of
 * drafts no longer empty every instance's cache.
 */
const revalidateIfPublic = async (req: PayloadRequest) => {
  if (!changesPublicContent(req)) return
  await bumpContentVersion(req)
  await expireSiteCache(TAGS.projects)
}

export const revalidateProjectPages: CollectionAfterChangeHook = async ({ doc, req }) => {
  await revalidateIfPublic(req)
  return doc
}

export const revalidateProjectPagesOnDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await revalidateIfPublic(req)
  return doc
}

/** A State renamed changes its page and every page that names it. */
export const revalidateMemberStatePages: CollectionAfterChangeHook = async ({ doc, req }) => {
  await bumpContentVersion(req)
  await expireSiteCache(TAGS.memberStates, TAGS.projects)
  return doc
}
