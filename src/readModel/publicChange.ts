import type { PayloadRequest } from 'payload'

const KEY = 'readModel:publicContentChanged'

/**
 * Set by the read model's refresh when a write in this request changes what the public sees (a
 * publication, an unpublication, a deletion, a published page's edit). A draft saved over a
 * published page, or a page never published, changes nothing public: the public site's cached
 * data (keyed by the content generation, src/site/contentVersion.ts) then stays valid.
 */
export const markPublicChange = (req: PayloadRequest) => {
  // In place: the later hooks of the same operation were handed this very object.
  if (req.context) req.context[KEY] = true
  else req.context = { [KEY]: true }
}

export const changesPublicContent = (req: PayloadRequest) => req.context?.[KEY] === true
