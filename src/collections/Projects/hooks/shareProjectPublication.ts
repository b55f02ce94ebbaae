import type { CollectionAfterChangeHook } from 'payload'

import { createdUnpublished, isPublishedRowAfterSave } from '../../../hooks/publishedRow'
import { setOutcomesPublication } from '../../Outcomes/hooks/followProjectPublication'

/**
 * A project's publication, unpublication (and deletion's unpublication first) carries to its
 * outcomes' public visibility in the same transaction. A draft saved over a published page leaves
 * the page's row published: nothing to write.
 */
export const shareProjectPublication: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  // A project created as a draft has no outcomes yet, and nothing to share.
  if (createdUnpublished({ operation, doc })) return doc
  // A publication wrote the project's own row as published; any other save reads it.
  await setOutcomesPublication(req, doc.id, doc._status === 'published' || (await isPublishedRowAfterSave(req, 'projects', doc)))
  return doc
}
