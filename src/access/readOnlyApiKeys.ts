import type { Access, CollectionConfig, PayloadRequest } from 'payload'

/** A request authenticated by an API key (`Authorization: users API-Key <key>`), not a session. */
export const viaApiKey = (req: PayloadRequest) => (req.user as { _strategy?: string } | null)?._strategy === 'api-key'

/** Payload's own rule where a collection sets none: signed-in callers may. */
const signedIn: Access = ({ req }) => Boolean(req.user)

const refuseForApiKeys =
  (access: Access = signedIn): Access =>
  (args) =>
    viaApiKey(args.req) ? false : access(args)

/**
 * API keys are for server-to-server front ends: they read (drafts too, for previews, when the
 * account may) and never write, whatever the account's roles. Every write of every collection is
 * refused to a request authenticated by an API key; a leaked key cannot change content.
 */
export const readOnlyForApiKeys = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  access: {
    ...collection.access,
    create: refuseForApiKeys(collection.access?.create),
    update: refuseForApiKeys(collection.access?.update),
    delete: refuseForApiKeys(collection.access?.delete),
    ...(collection.auth ? { unlock: refuseForApiKeys(collection.access?.unlock) } : {}),
  },
})
