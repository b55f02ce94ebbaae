import type { GraphQLField, GraphQLFieldConfig, GraphQLObjectType, GraphQLResolveInfo, SelectionSetNode } from 'graphql'
import type { PayloadRequest } from 'payload'
import { createDataloaderCacheKey, isolateObjectProperty } from 'payload'

import { relationIds } from '../domain/relations'
import { requestChoseFallback } from '../graphql/localeFallbacks'
import { findGenericList, genericListFromReadModel, genericListQuery, type GenericListQuery } from './genericList'

/**
 * The fields of a project a GraphQL list answered from the read model may ask for: the stored
 * page holds them as Payload's resolver has them (its Member States as IDs once turned back to
 * depth 0, for Payload's own relationship resolver to fill in). Rich text, joins and related
 * projects are resolved by Payload (a query asking for them is Payload's).
 */
const STORED_FIELDS = new Set([
  'id', 'title', 'slug', 'summary', 'projectId', 'primaId', 'status', 'projectType', 'idfRegion', 'coverage',
  'startYear', 'endYear', 'fundingYear', 'budgetUSD', 'translatedLocales', 'labels', 'memberStates', 'partners',
  'createdAt', 'updatedAt', '_status',
])
const ARGS = new Set(['where', 'sort', 'limit', 'page', 'pagination', 'locale', 'select'])

type SelectTree = { [field: string]: true | SelectTree }

/**
 * What a selection asks for, by field name (as Payload's `select` names them), through fragments;
 * null when `allowed` refuses a field at this level.
 */
const selectionTree = (info: GraphQLResolveInfo, selectionSet: SelectionSetNode, type: GraphQLObjectType, allowed?: Set<string>): SelectTree | null => {
  const fields = type.getFields()
  const tree: SelectTree = {}
  for (const selection of selectionSet.selections) {
    if (selection.kind === 'Field') {
      const name = selection.name.value
      if (name === '__typename') continue
      const schemaField = fields[name] as GraphQLField<unknown, unknown> | undefined
      if (!schemaField) return null
      const fieldName = ((schemaField.extensions?.field as { name?: string } | undefined)?.name ?? name) as string
      if (allowed && !allowed.has(fieldName)) return null
      let namedType: any = schemaField.type
      while (namedType.ofType) namedType = namedType.ofType
      if (selection.selectionSet && typeof namedType.getFields === 'function') {
        const inner = selectionTree(info, selection.selectionSet, namedType)
        if (!inner) return null
        tree[fieldName] = { ...(tree[fieldName] === true ? {} : tree[fieldName]), ...inner }
      } else tree[fieldName] = true
    } else {
      const fragment = selection.kind === 'FragmentSpread' ? info.fragments[selection.name.value] : selection
      if (!fragment) return null
      // Fragments on this type only (a list of one type has no other).
      if (fragment.typeCondition && fragment.typeCondition.name.value !== type.name) return null
      const inner = selectionTree(info, fragment.selectionSet, type, allowed)
      if (!inner) return null
      Object.assign(tree, inner)
    }
  }
  return tree
}

/** The selection of `docs` when every field it asks for is stored, else null. */
const storedSelection = (info: GraphQLResolveInfo): SelectTree | null => {
  let listType: any = info.returnType
  while (listType.ofType) listType = listType.ofType
  const listFields = (listType as GraphQLObjectType).getFields()
  let docs: SelectTree = {}
  // Every node of the field: two `Projects` with the same arguments and response name are merged.
  for (const selection of info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? [])) {
    if (selection.kind !== 'Field') return null
    if (selection.name.value !== 'docs') continue
    let projectType: any = listFields.docs!.type
    while (projectType.ofType) projectType = projectType.ofType
    const tree = selection.selectionSet && selectionTree(info, selection.selectionSet, projectType, STORED_FIELDS)
    if (!tree) return null
    docs = { ...docs, ...tree }
  }
  return docs
}

/** The list query of the arguments, in the form of the REST query string, when the read model can answer it. */
const listQueryOf = (args: Record<string, unknown>, req: PayloadRequest, selection: SelectTree): GenericListQuery | null => {
  if (Object.entries(args).some(([key, value]) => value !== undefined && !ARGS.has(key))) return null
  // A fallback chosen on the request (`?fallback-locale=none`) is not the stored pages'.
  if (requestChoseFallback(req)) return null
  const text = (value: unknown) => (value === undefined || value === null ? undefined : String(value))
  // `select: true` selects as REST's `select` does (labels without their fields are Payload's empty ones).
  const select = args.select ? Object.fromEntries(Object.keys(selection).map((field) => [field, 'true'])) : undefined
  const params = Object.fromEntries(
    Object.entries({ where: args.where ?? undefined, sort: text(args.sort), limit: text(args.limit), page: text(args.page), pagination: text(args.pagination), locale: text(args.locale), depth: '1', select }).filter(
      ([, value]) => value !== undefined,
    ),
  )
  return genericListQuery(params, req.payload)
}

/** A stored document as Payload's list resolver has it: relations as IDs (depth 0). */
const atDepthZero = (doc: Record<string, unknown>) => {
  const ids = (value: unknown) => (Array.isArray(value) ? relationIds(value) : value)
  return { ...doc, memberStates: ids(doc.memberStates), relatedProjects: ids(doc.relatedProjects) }
}

/**
 * GraphQL's `Projects` list, answered from the read model when an anonymous query fits it (the
 * filters, orders and paging the REST form takes, asking only for stored fields; see
 * src/readModel/genericList.ts), by Payload's own resolver otherwise. The rest of the query (the
 * Member States' names, enum values, field selection) is Payload's schema at work either way.
 */
export const projectsFromReadModel = (builtIn: GraphQLFieldConfig<unknown, any>): GraphQLFieldConfig<unknown, any> => ({
  ...builtIn,
  resolve: async (parent, args, context, info) => {
    const req = context.req as PayloadRequest
    const docsSelection = req.user ? null : storedSelection(info)
    const query = docsSelection && listQueryOf(args, req, docsSelection)
    if (!query || !docsSelection || !(await genericListFromReadModel(req.payload))) return builtIn.resolve!(parent, args, context, info)
    // As Payload's resolver does: the rest of the query reads in the list's locale (its relations'
    // names) and, asked to, only the fields it selects.
    const own = (context.req = isolateObjectProperty(req, ['locale', 'fallbackLocale', 'transactionID']))
    own.locale = query.locale
    context.select = args.select ? docsSelection : undefined
    const { docs, ...meta } = await findGenericList(req.payload, { ...query, select: Object.keys(docsSelection) }, { whole: true })
    const stored = docs.map((text) => JSON.parse(text) as Record<string, unknown>)
    // Under a selection's key only: a key without one is also another field's asking for every field.
    if (context.select) primeMemberStates(own, stored, docsSelection, context.select)
    return { ...meta, docs: stored.map(atDepthZero) }
  },
})

/** What a stored page holds of each of its Member States (the collection's defaultPopulate). */
const STORED_STATE_FIELDS = new Set(['id', 'name', 'iso2', 'slug'])

/**
 * Hands Payload's relationship resolver the Member States the stored pages already hold, under the
 * key it will look them up by (same locale, fallbacks and selection), so it reads none of them
 * again. Only when the query asks for no other field of theirs.
 */
const primeMemberStates = (req: PayloadRequest, docs: Record<string, unknown>[], selection: SelectTree, select: SelectTree) => {
  const asked = selection.memberStates
  if (!asked || asked === true || !Object.keys(asked).every((field) => STORED_STATE_FIELDS.has(field))) return
  const draft = Boolean(req.query?.draft)
  for (const doc of docs) {
    for (const state of (doc.memberStates ?? []) as { id: number | string }[]) {
      if (!state || typeof state !== 'object') continue
      const key = createDataloaderCacheKey({
        collectionSlug: 'member-states',
        currentDepth: 0,
        depth: 0,
        docID: state.id,
        draft,
        fallbackLocale: req.fallbackLocale as never,
        locale: req.locale!,
        overrideAccess: false,
        select: select.memberStates as never,
        showHiddenFields: false,
        transactionID: req.transactionID as never,
      })
      req.payloadDataLoader?.prime(key, state as never)
    }
  }
}
