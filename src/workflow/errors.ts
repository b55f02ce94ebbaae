import type { PayloadRequest } from 'payload'
import { APIError, ValidationError } from 'payload'

import type { MessageKey } from '../domain/messages'
import { message } from '../domain/messages'

/** A 403 that says why, in the reader's language (Payload's own Forbidden only says "not allowed"). */
export const forbidden = (req: PayloadRequest, key: MessageKey, vars: Record<string, string> = {}) =>
  new APIError(message(req, key, vars), 403, null, true)

/** A 400 naming a workflow field. */
export const invalidField = (req: PayloadRequest, collection: string, path: string, key: MessageKey, vars: Record<string, string> = {}) =>
  new ValidationError({ collection, errors: [{ path, message: message(req, key, vars) }], req })
