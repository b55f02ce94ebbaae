import type { CollectionBeforeOperationHook } from 'payload'

/**
 * `unpublishAllLocales` (sent by the admin's Unpublish button) makes Payload rewrite the latest
 * version in place instead of adding one. Kept for what it is for, a save that takes the document
 * offline; on any other save (an editor's draft, a publication) it rewrote the published version
 * with the new content, so the published page's version disappeared from its history.
 */
export const keepUnpublishForUnpublishing: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'update' || !(args as { unpublishAllLocales?: unknown }).unpublishAllLocales) return args
  const unpublishing = !args.draft && (args.data as { _status?: unknown } | undefined)?._status === 'draft'
  return unpublishing ? args : { ...args, unpublishAllLocales: false }
}
