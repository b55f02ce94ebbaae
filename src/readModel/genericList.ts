import { count } from 'drizzle-orm'
import type { Payload, Where } from 'payload'
import { parse } from 'qs-esm'

import { isLocale, type Locale } from '../domain/locales'
import { codedVocabularies, type CodedField, configuredProjectTypes, type Term } from '../domain/vocabularies'
import { MAX_PUBLIC_LIMIT } from '../hooks/capPublicQueries'
import { SLUG_PATTERN } from '../hooks/generateSlug'
import { isConjunction } from '../hooks/whereJunctions'
import { CARD_SELECT, rowsInShape } from './cards'
import { readModelTableQuery } from './findCards'
import { narrowToRows, titleCandidateRows, titleLikeWords, withinRows } from './rowsInMemory'

/**
 * The generic list (`GET /api/projects?where…&sort…&depth=1`) as an anonymous front end asks for
 * it most: published projects filtered by coded values or a slug, or searched by title, in an
 * order by year or the default one. Such a
 * query is answered from the read model's stored pages, with the answer Payload's REST handler
 * gives (the same documents, fields, order and paging; test/genericList.test.ts compares them
 * over every form this takes). Payload takes 4–5 ms of its own per request to build it (access,
 * query validation, drizzle's relational query, the afterRead traversal, population): the stored
 * page is one indexed row.
 */
export type GenericListQuery = {
  locale: Locale
  filters: { field: FilteredField; value: string }[]
  /** `where[title][like]`: words of the title as written in the locale. */
  titleLike?: string
  sort?: GenericSort
  limit: number
  page: number
  pagination: boolean
  /** The top-level fields of `select=…`, or none for whole documents. */
  select?: string[]
}

const FILTERED_FIELDS = ['status', 'projectType', 'idfRegion', 'coverage', 'slug'] as const
type FilteredField = (typeof FILTERED_FIELDS)[number]
const SORTS = ['-endYear', 'endYear', '-startYear', 'startYear'] as const
type GenericSort = (typeof SORTS)[number]
const PARAMS = new Set(['where', 'sort', 'limit', 'page', 'pagination', 'depth', 'locale', 'select'])
const LABELLED = ['status', 'projectType', 'idfRegion', 'coverage']
const DEFAULT_LIMIT = 10
const MAX_PAGE = 100_000

const isPlainObject = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value)
const number = (value: unknown, fallback: number, max: number) => {
  if (value === undefined) return fallback
  if (typeof value !== 'string' || !/^\d{1,7}$/.test(value)) return null
  const parsed = Number(value)
  return parsed >= 1 && parsed <= max ? parsed : null
}

/** The conditions of `where`, when each is `field: { equals: value }` on a field the rows hold, joined by `and`. */
type Conditions = { filters: GenericListQuery['filters']; titleLike: string[] }

const filtersOf = (where: unknown, vocabularies: Record<CodedField, readonly Term[]>): Conditions | null => {
  const conditions: Conditions = { filters: [], titleLike: [] }
  if (where === undefined) return conditions
  if (!isPlainObject(where)) return null
  const { filters } = conditions
  // Two of them in one object (`and` and `AND`): Payload's adapter applies the last one only.
  if (Object.keys(where).filter(isConjunction).length > 1) return null
  for (const [key, condition] of Object.entries(where)) {
    if (isConjunction(key)) {
      if (!Array.isArray(condition)) return null
      for (const part of condition) {
        const inner = filtersOf(part, vocabularies)
        if (!inner) return null
        filters.push(...inner.filters)
        conditions.titleLike.push(...inner.titleLike)
      }
      continue
    }
    // A title search: the read model's own titles are searched by the adapter's own `like`.
    // (A NUL character, which text cannot hold, is Payload's to refuse: GraphQL arguments arrive unescaped.)
    if (key === 'title' && isPlainObject(condition) && Object.keys(condition).length === 1 && typeof condition.like === 'string' && !condition.like.includes('\u0000')) {
      conditions.titleLike.push(condition.like)
      continue
    }
    const field = FILTERED_FIELDS.find((name) => name === key)
    if (!field || !isPlainObject(condition) || Object.keys(condition).length !== 1 || typeof condition.equals !== 'string') return null
    const value = condition.equals
    // A value the field cannot hold is left to Payload, which answers it (or refuses it) itself.
    const known = field === 'slug' ? SLUG_PATTERN.test(value) : vocabularies[field].some((term) => term.value === value)
    if (!known) return null
    filters.push({ field, value })
  }
  return conditions
}

/**
 * The query of `GET /api/projects` (its search string) when the read model can answer it exactly,
 * else null (Payload answers). Anything else in it (another filter, operator, order or depth,
 * drafts, joins, a fallback locale) is Payload's.
 */
export const readGenericListQuery = (search: string, payload: Payload): GenericListQuery | null => {
  if (search.includes('%00') || search.includes('\u0000')) return null
  return genericListQuery(parse(search, { allowEmptyArrays: true, arrayLimit: 1000, depth: 10, ignoreQueryPrefix: true }) as Record<string, unknown>, payload)
}

/** The same from the parameters as a query string gives them (text values, `where` and `select` as objects). */
export const genericListQuery = (params: Record<string, unknown>, payload: Payload): GenericListQuery | null => {
  if (Object.keys(params).some((key) => !PARAMS.has(key))) return null
  if (params.depth !== '1') return null
  // Without a locale Payload reads the default one without its fallbacks, unlike the stored pages.
  const locale = params.locale
  if (typeof locale !== 'string' || !isLocale(locale)) return null
  const filters = filtersOf(params.where, codedVocabularies(configuredProjectTypes(payload.config)))
  // One title search at most (two would be two `like`s on one column: left to Payload).
  if (!filters || filters.titleLike.length > 1) return null
  const sort = params.sort
  if (sort !== undefined && !SORTS.includes(sort as GenericSort)) return null
  // Without one, the collection's default order: the rows hold the last update for it.
  if (sort === undefined && payload.collections.projects?.config.defaultSort !== '-updatedAt') return null
  const limit = number(params.limit, DEFAULT_LIMIT, MAX_PUBLIC_LIMIT)
  const page = number(params.page, 1, MAX_PAGE)
  if (limit === null || page === null) return null
  if (params.pagination !== undefined && params.pagination !== 'true' && params.pagination !== 'false') return null
  let select: string[] | undefined
  if (params.select !== undefined) {
    if (!isPlainObject(params.select) || Object.values(params.select).some((value) => value !== 'true')) return null
    select = Object.keys(params.select)
    if (select.length === 0) return null
    // `labels` is computed from the coded fields beside it: selected without them, Payload's are empty.
    if (select.includes('labels') && !LABELLED.every((field) => select!.includes(field))) return null
  }
  // Without a limit, `pagination=false` is one counted page of MAX_PUBLIC_LIMIT for the public (capPublicQueries).
  const unbounded = params.pagination === 'false' && params.limit === undefined
  return {
    locale,
    filters: filters.filters,
    titleLike: filters.titleLike[0],
    sort: sort as GenericSort | undefined,
    limit: unbounded ? MAX_PUBLIC_LIMIT : limit,
    page,
    pagination: unbounded || params.pagination !== 'false',
    select,
  }
}

/** The card holds the document's CARD_SELECT fields: a selection among them is read from it, not from the whole page. */
export const inCard = (select: string[]) => select.every((field) => field === 'id' || field in CARD_SELECT)

/** A stored document with only the selected fields (and its ID), in its own order, as `select` leaves it. */
const pick = (text: string, select: Set<string>) => {
  const doc = JSON.parse(text) as Record<string, unknown>
  const picked: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(doc)) if (key === 'id' || select.has(key)) picked[key] = value
  return JSON.stringify(picked)
}

export type GenericListPage = {
  /** The stored documents as JSON text (whole pages, or the selected fields). */
  docs: string[]
  hasNextPage: boolean
  hasPrevPage: boolean
  limit: number
  nextPage: number | null
  page: number
  pagingCounter: number
  prevPage: number | null
  totalDocs: number
  totalPages: number
}

/**
 * Payload's answer to `query` for an anonymous caller, from the read model (SQL databases): the
 * stored documents in the query's order, its last word the project's creation (Payload's
 * `-createdAt`), and the paging as Payload's adapter computes it.
 */
export const findGenericList = async (payload: Payload, query: GenericListQuery, { whole = false }: { whole?: boolean } = {}): Promise<GenericListPage> => {
  const where: Where = {
    and: [
      { locale: { equals: query.locale } },
      ...query.filters.map(({ field, value }) => ({ [field]: { equals: value } })),
      ...(query.titleLike === undefined ? [] : [{ ownTitle: { like: query.titleLike } }]),
    ],
  }
  // Payload's order: the one asked for, else the collection's default (last updated first); then
  // its last word, the creation (newest first).
  const sort = [query.sort === undefined ? '-projectUpdatedAt' : query.sort, '-projectCreatedAt']
  const { drizzle, table, built } = readModelTableQuery(payload, where, { sort })
  // A title search few titles match, on SQLite: those rows, found in memory, read by their
  // projects (a superset of the matches: the statement still applies the adapter's `like`).
  const words = query.titleLike === undefined ? null : titleLikeWords(query.titleLike)
  const projects = words ? await narrowToRows(payload, query.locale, (rows) => titleCandidateRows(rows, words)) : undefined
  const condition = withinRows(table, built.where, projects)
  const stored = query.select && inCard(query.select) ? table.card : table.page
  const rows: { doc: string }[] =
    projects?.length === 0
      ? []
      : await drizzle
          .select({ doc: stored })
          .from(table)
          .where(condition)
          .orderBy(...built.orderBy.map(({ column, order }) => order(column)))
          .limit(query.limit)
          .offset((query.page - 1) * query.limit)
  // `whole`: the stored documents as they are (the card when it holds the selection), for a
  // caller that selects from them itself (GraphQL).
  const select = !whole && query.select && new Set(query.select)
  const docs = rows.map((row) => (select ? pick(row.doc, select) : row.doc))
  // A filter through a joined table (the title's translations) takes Payload's adapter through a
  // first query for the page's IDs, which answers an empty page in a shape of its own.
  if (query.titleLike !== undefined && docs.length === 0) {
    return { docs, hasNextPage: false, hasPrevPage: false, limit: query.limit, nextPage: null, page: 1, pagingCounter: 0, prevPage: null, totalDocs: 0, totalPages: 0 }
  }

  let totalDocs = docs.length
  let meta = { hasNextPage: false, hasPrevPage: false, limit: query.limit, nextPage: null as number | null, page: query.page, pagingCounter: 1, prevPage: null as number | null }
  let totalPages = 1
  if (query.pagination) {
    // A page short of the limit is the last: the total is known without counting. A search for a
    // word few titles hold then reads the rows once, not twice (on SQLite, when its rows are not
    // read by their projects, each read tests every title of the locale).
    const total =
      docs.length > 0 && docs.length < query.limit
        ? (query.page - 1) * query.limit + docs.length
        : Number(((await drizzle.select({ total: count() }).from(table).where(condition)) as { total: number | string }[])[0]?.total ?? 0)
    if (total > 0) {
      totalDocs = total
      totalPages = Math.ceil(total / query.limit)
      const hasPrevPage = query.page > 1
      const hasNextPage = totalPages > query.page
      meta = {
        hasNextPage,
        hasPrevPage,
        limit: query.limit,
        nextPage: hasNextPage ? query.page + 1 : null,
        page: query.page,
        pagingCounter: (query.page - 1) * query.limit + 1,
        prevPage: hasPrevPage ? query.page - 1 : null,
      }
    }
  }
  return { docs, ...meta, totalDocs, totalPages }
}

/** The JSON text of that answer, as Payload's REST handler writes it. */
export const answerGenericList = async (payload: Payload, query: GenericListQuery): Promise<string> => {
  const { docs, ...meta } = await findGenericList(payload, query)
  return `{"docs":[${docs.join(',')}],${JSON.stringify(meta).slice(1)}`
}

/** How long a process that found the rows of another shape (an upgrade's rebuild pending) waits before it looks again. */
const RECHECK_MS = 10_000
const ready = new WeakMap<Payload, { inShape: boolean; at: number }>()

/**
 * Whether the generic list may be answered from the read model: a SQL database whose rows are in
 * this code's shape. Once they are they stay so (the shape comes from the code), so it is asked
 * once; until then every RECHECK_MS.
 */
export const genericListFromReadModel = async (payload: Payload) => {
  if (payload.db.name !== 'sqlite' && payload.db.name !== 'postgres') return false
  const known = ready.get(payload)
  if (known && (known.inShape || Date.now() - known.at < RECHECK_MS)) return known.inShape
  const inShape = await rowsInShape(payload)
  ready.set(payload, { inShape, at: Date.now() })
  return inShape
}
