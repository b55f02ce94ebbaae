import { createHash } from 'node:crypto'

import { configToSchema } from '@payloadcms/graphql'
import { type DocumentNode, type ExecutionArgs, type GraphQLError, parse as parseDocument, type ValidationRule, validate as validateDocument } from 'graphql'
import { createHandler } from 'graphql-http/lib/use/fetch'
import { LRUCache } from 'lru-cache'
import {
  addDataAndFileToRequest,
  addLocalesToRequestFromData,
  APIError,
  createPayloadRequest,
  headersWithCors,
  logError,
  mergeHeaders,
  type Payload,
  type PayloadRequest,
  type SanitizedConfig,
  unlinkClientUploadTempFile,
} from 'payload'

/**
 * `POST /api/graphql`: Payload's GraphQL route (@payloadcms/next's GRAPHQL_POST: the same request
 * setup, schema, rules, extensions, error shapes and headers), except that it reads the body once
 * and that a document already parsed, or found valid, is not parsed, or validated, again.
 * Validating the front ends' list query against Payload's schema (thirty rules walking the
 * document, one of them listing every type of the schema) took about a quarter of the request;
 * the same few queries come all day, with the same variables. Reading the body once and parsing
 * once took another eighth to a fifth off the list query's CPU time in this handler (about 1.7 →
 * 1.4–1.5 ms, old and new alternated in one process).
 */
export const graphQLPost = (config: Promise<SanitizedConfig> | SanitizedConfig) => async (request: Request) => {
  const req = await createPayloadRequest({ canSetHeaders: true, config, request })
  const { payload } = req
  if (payload.config.graphQL?.disable) return new Response(null, { status: 404 })
  try {
    // Payload reads the body (for the locale), and graphql-http reads it again: the same text,
    // read once. (The request is Payload's: createPayloadRequest extends it in place.)
    const readText = request.text.bind(request)
    let text: Promise<string> | undefined
    request.text = () => (text ??= readText())
    try {
      await addDataAndFileToRequest(req)
    } catch (error) {
      // A body that is not JSON: Payload's route lets the error through (a 500); REST answers 400.
      if (error instanceof APIError && error.status < 500) return Response.json({ errors: [{ message: error.message }] }, { status: error.status, headers: headersWithCors({ headers: new Headers(), req }) })
      throw error
    }
    addLocalesToRequestFromData(req)
    const { parse, schema, validationRules, validate } = graphQLOf(payload.config)
    // Headers the resolvers set (a login's cookie).
    const headers: Record<string, string> = {}
    const apiResponse = await createHandler({
      context: { headers, req },
      parse,
      schema,
      validate,
      validationRules,
      onOperation: async (_request, args, result) => {
        const extensions = (payload as Payload & { extensions?: (args: unknown) => Promise<typeof result> }).extensions
        const response = typeof extensions === 'function' ? await extensions({ args, req: _request, result }) : result
        if (!('errors' in response) || !response.errors) return response
        const errors = await Promise.all((result as { errors: readonly GraphQLError[] }).errors.map((error) => formatError(error, payload, req)))
        return { ...response, errors } as unknown as typeof result
      },
    })(request)
    const responseHeaders = headersWithCors({ headers: new Headers(apiResponse.headers), req })
    for (const key in headers) responseHeaders.append(key, headers[key])
    return new Response(apiResponse.body, {
      headers: req.responseHeaders ? mergeHeaders(req.responseHeaders, responseHeaders) : responseHeaders,
      status: apiResponse.status,
    })
  } finally {
    // GraphQL parses the body itself, and an operation that writes no document never reaches
    // Payload's operation-level cleanup.
    await unlinkClientUploadTempFile({ req })
  }
}

type GraphQL = {
  parse: typeof parseDocument
  schema: ReturnType<typeof configToSchema>['schema']
  validate: typeof validateDocument
  validationRules: (request: unknown, args: ExecutionArgs, defaults: readonly ValidationRule[]) => readonly ValidationRule[]
}

/** Documents (with their variables and caller) remembered as valid, per schema. */
export const VALIDATED_MAX = 1000
/** A longer query with its variables is validated every time (hashing it would cost more than it saves). */
export const VALIDATED_KEY_MAX_CHARS = 64 * 1024
/**
 * Parsed documents remembered, by their text, up to this many characters of text in all. A parsed
 * document with its tokens takes about 70 bytes a character (the bench's list query, measured):
 * some 18 MB at most. A query longer than VALIDATED_KEY_MAX_CHARS is parsed every time.
 */
export const PARSED_MAX_CHARS = 256 * 1024

/**
 * graphql's `parse`, remembering the documents it parsed (the least recently used go first past
 * the bound): the front ends send the same few queries all day. The documents are only read after
 * (by validation and execution), so one can serve every request that sends its text; a syntax
 * error is thrown each time.
 */
export const rememberingParse = (maxChars = PARSED_MAX_CHARS): typeof parseDocument => {
  const parsed = new LRUCache<string, DocumentNode>({ maxSize: maxChars, maxEntrySize: Math.min(maxChars, VALIDATED_KEY_MAX_CHARS), sizeCalculation: (_document, source) => source.length })
  return (source, options) => {
    if (typeof source !== 'string' || options) return parseDocument(source, options)
    const known = parsed.get(source)
    if (known) return known
    const document = parseDocument(source)
    parsed.set(source, document)
    return document
  }
}

const built = new WeakMap<SanitizedConfig, GraphQL>()

/**
 * The schema built once per config (as Payload's route does), with a validation that remembers
 * what it found valid. The rules depend on the document, the variables (query complexity counts
 * the branches `@include(if: $x)` keeps) and, through a host's own `graphQL.validationRules`, on
 * the request: the key holds the query, operation, variables and the signed-in user, and only a
 * valid outcome is remembered. A host rule reading anything else of the request (headers, roles,
 * the time) is therefore not run again for a document it let through: such a host serves Payload's
 * GRAPHQL_POST instead.
 */
const graphQLOf = (config: SanitizedConfig): GraphQL => {
  const existing = built.get(config)
  if (existing) return existing
  const { schema, validationRules: payloadRules } = configToSchema(config)
  const validated = new LRUCache<string, true>({ max: VALIDATED_MAX })
  const keyOfRules = new WeakMap<readonly ValidationRule[], string>()
  const graphQL: GraphQL = {
    parse: rememberingParse(),
    schema,
    validationRules: (_request, args, defaults) => {
      const rules = [...defaults, ...payloadRules(args as Parameters<typeof payloadRules>[0])]
      const key = validationKey(args)
      if (key !== undefined) keyOfRules.set(rules, key)
      return rules
    },
    validate: (schemaToValidate, document, rules, ...rest) => {
      const key = rules ? keyOfRules.get(rules) : undefined
      // A hit counts as a use: a stream of one-off queries does not push out the daily ones.
      if (key !== undefined && validated.get(key)) return []
      const errors = validateDocument(schemaToValidate, document, rules, ...rest)
      if (key !== undefined && errors.length === 0) validated.set(key, true)
      return errors
    },
  }
  built.set(config, graphQL)
  return graphQL
}

/**
 * What a validation is remembered under: a digest of the caller, operation, variables and query.
 * The digest, not the text: variables the document does not declare are accepted (and ignored),
 * and a remembered megabyte of them a thousand times over would be a gigabyte.
 */
const validationKey = (args: ExecutionArgs): string | undefined => {
  const query = args.document.loc?.source.body
  if (query === undefined) return undefined
  const user = (args.contextValue as { req?: PayloadRequest } | undefined)?.req?.user
  const caller = user ? `${user.collection}:${user.id}` : null
  const key = JSON.stringify([caller, args.operationName ?? null, args.variableValues ?? null, query])
  return key.length > VALIDATED_KEY_MAX_CHARS ? undefined : createHash('sha256').update(key).digest('base64')
}

/** An error as Payload's route answers it: its status and data, details hidden unless debugging. */
const formatError = async (error: GraphQLError, payload: Payload, req: PayloadRequest) => {
  const original = error.originalError as (Error & { status?: number; data?: unknown }) | undefined
  const status = original?.status || 500
  logError({ err: error, payload })
  // An internal error can hold anything (a query, a path): its message is shown only with `debug`.
  const message = !payload.config.debug && status === 500 ? 'Something went wrong.' : error.message
  let response: Record<string, unknown> = {
    extensions: { name: original?.name || undefined, data: original?.data || undefined, stack: payload.config.debug ? error.stack : undefined, statusCode: status },
    locations: error.locations,
    message,
    path: error.path,
  }
  for (const hook of payload.config.hooks.afterError ?? []) {
    const result = await hook({ context: req.context, error, graphqlResult: response, req } as never)
    if (result) response = (result as { graphqlResult?: Record<string, unknown> }).graphqlResult || response
  }
  return response
}
