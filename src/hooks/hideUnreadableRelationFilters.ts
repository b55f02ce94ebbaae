import type { CollectionBeforeOperationHook, CollectionSlug, PayloadRequest, Where } from 'payload'
import { APIError } from 'payload'

import { readableAmong } from './hideUnreadableRelations'
import { isJunction } from './whereJunctions'

/** A relationship the public may filter on, and a required field of the documents it points to. */
export type FilteredRelation = { path: string; collection: CollectionSlug; requiredField: string }

/** Projects' links to other projects: public filters on them see the published ones only, as the answers do. */
export const RELATED_PROJECTS_FILTER: FilteredRelation = { path: 'relatedProjects', collection: 'projects', requiredField: 'slug' }

const NOTHING: Where = { id: { exists: false } }
const EVERYTHING: Where = { id: { exists: true } }
const KEEPING = new Set(['equals', 'contains', 'in', 'all'])
const EXCLUDING = new Set(['not_equals', 'not_in'])

const valuesOf = (operand: unknown): string[] =>
  (Array.isArray(operand) ? operand : String(operand ?? '').split(',')).map((value) => String(value).trim()).filter(Boolean)

/** The IDs among `ids` the caller may read, in one query through the adapter; null when every one is. */
const readableIds = async (req: PayloadRequest, collection: CollectionSlug, ids: string[]): Promise<Set<string> | null> => {
  const read = req.payload.collections[collection]?.config.access.read
  const access = read ? await read({ req }) : true
  if (access === true) return null
  return access === false ? new Set() : readableAmong(req, collection, access, ids)
}

/**
 * A filter on a relationship's IDs matches the links as stored, including links to documents the
 * caller may not read (a published page relating to a project still in draft), which the answer
 * itself leaves out (hideUnreadableRelations): `where[relatedProjects][in]=<id>` told the public
 * which unpublished project IDs exist and which pages link to them. For callers who may not read
 * every document, the filter is answered as if those links were not there: unreadable IDs are
 * dropped from `equals`/`contains`/`in`/`all` (nothing matches if none is left) and from `not_equals`/
 * `not_in`, and `exists=true` asks about readable links only (through a required field of the
 * related documents, which Payload constrains by their access). Other operators are refused.
 * A filter through a related document's own fields (`relatedProjects.title`) is already constrained.
 */
export const hideUnreadableRelationFilters =
  (relations: FilteredRelation[]): CollectionBeforeOperationHook =>
  async ({ args, operation, req }) => {
    if (operation !== 'read' && operation !== 'count') return args
    const where = (args as { where?: Where; overrideAccess?: boolean }).where
    if (!where || (args as { overrideAccess?: boolean }).overrideAccess === true) return args
    // Payload reads `__` as a path's separator too.
    const relationAt = (key: string) => {
      const path = key.replaceAll('__', '.')
      return relations.find((relation) => path === relation.path || path === `${relation.path}.id`)
    }

    // First pass: the IDs asked about, per related collection.
    const asked = new Map<CollectionSlug, Set<string>>()
    const collect = (node: unknown) => {
      if (Array.isArray(node)) return node.forEach(collect)
      if (!node || typeof node !== 'object') return
      for (const [key, condition] of Object.entries(node)) {
        if (isJunction(key)) collect(condition)
        const relation = relationAt(key)
        if (!relation || !condition || typeof condition !== 'object') continue
        const ids = asked.get(relation.collection) ?? new Set()
        asked.set(relation.collection, ids)
        for (const [operator, operand] of Object.entries(condition)) if (KEEPING.has(operator) || EXCLUDING.has(operator)) valuesOf(operand).forEach((id) => ids.add(id))
      }
    }
    collect(where)
    if (asked.size === 0) return args
    const readable = new Map<CollectionSlug, Set<string> | null>()
    for (const [collection, ids] of asked) readable.set(collection, await readableIds(req, collection, [...ids]))
    if ([...readable.values()].every((ids) => ids === null)) return args

    const rewrite = (node: Where): Where => {
      const parts: Where[] = []
      for (const [key, condition] of Object.entries(node)) {
        if (isJunction(key)) {
          // Not a list: Payload's to refuse as it is.
          parts.push({ [key]: Array.isArray(condition) ? (condition as Where[]).map(rewrite) : condition } as Where)
          continue
        }
        const relation = relationAt(key)
        const ids = relation && readable.get(relation.collection)
        if (!relation || !ids || !condition || typeof condition !== 'object') {
          parts.push({ [key]: condition } as Where)
          continue
        }
        for (const [operator, operand] of Object.entries(condition)) {
          // Payload's own scoped form (`contains: { and: [...] }`) is not the public's to send.
          if (operand && typeof operand === 'object' && !Array.isArray(operand)) {
            throw new APIError(`where.${key}.${operator}: give IDs.`, 400, undefined, true)
          }
          const values = valuesOf(operand)
          const kept = values.filter((id) => ids.has(id))
          if (operator === 'exists') {
            // Payload scopes a filter through a related document's field to the documents the
            // caller may read. `exists=false` keeps its stored meaning (no link at all): "no
            // readable link" has no form without a negation, which Where lacks.
            const wanted = operand === true || operand === 'true'
            parts.push(wanted ? { [`${relation.path}.${relation.requiredField}`]: { exists: true } } : { [key]: condition } as Where)
          } else if (KEEPING.has(operator)) {
            const none = kept.length === 0 || (operator === 'all' && kept.length < values.length)
            parts.push(none ? NOTHING : { [key]: { [operator]: operator === 'equals' || operator === 'contains' ? kept[0] : kept } })
          } else if (EXCLUDING.has(operator)) {
            parts.push(kept.length === 0 ? EVERYTHING : { [key]: { [operator]: operator === 'not_equals' ? kept[0] : kept } })
          } else {
            throw new APIError(`where.${key}.${operator}: filter ${relation.path} with equals, contains, in, all, not_equals, not_in or exists.`, 400, undefined, true)
          }
        }
      }
      return parts.length === 1 ? parts[0]! : { and: parts }
    }
    return { ...args, where: rewrite(where) }
  }
