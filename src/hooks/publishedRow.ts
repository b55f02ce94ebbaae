import type { CollectionSlug, PayloadRequest } from 'payload'

/**
 * Whether a document's own row (its published document, when it has one) is published, read in
 * `req`'s transaction. A draft saved over a published page only adds a version and leaves this row
 * published; an unpublication makes it a draft.
 */
export const isPublishedRow = async (req: PayloadRequest, collection: CollectionSlug, id: number | string | undefined): Promise<boolean> => {
  if (id === undefined || id === null) return false
  const row = await req.payload.db.findOne<{ id: number | string; _status?: string }>({ collection, where: { id: { equals: id } }, select: { _status: true }, req })
  return row?._status === 'published'
}

/**
 * A document created unpublished (an import's draft, a new page, an outcome added as a draft) was
 * never public: its save changes no page, no card and no panel, which the hooks can tell without
 * reading anything.
 */
export const createdUnpublished = ({ operation, doc }: { operation: string; doc: { _status?: unknown } }) => operation === 'create' && doc._status !== 'published'

const readAfterSave = new WeakMap<object, Promise<boolean>>()

/**
 * isPublishedRow for the document a save has just written, read once for all of that save's
 * afterChange hooks (they pass the same document along, and none of them writes that row).
 */
export const isPublishedRowAfterSave = (req: PayloadRequest, collection: CollectionSlug, doc: { id?: number | string }): Promise<boolean> => {
  let published = readAfterSave.get(doc)
  if (!published) {
    published = isPublishedRow(req, collection, doc.id)
    readAfterSave.set(doc, published)
  }
  return published
}
