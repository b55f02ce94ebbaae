import { buildQuery } from '@payloadcms/drizzle'
import type { Payload, Where } from 'payload'

import { fold } from '../domain/fold'
import { isLocale, type Locale } from '../domain/locales'
import { codedVocabularies, type CodedField, DEFAULT_PROJECT_TYPES, type Term } from '../domain/vocabularies'
import { SLUG_PATTERN } from '../hooks/generateSlug'
import { matchingRows, narrowToRows, withinRows } from './rowsInMemory'

/** The orders a card list can be read in; each breaks ties by slug. */
export const CARD_SORTS = ['-endYear', 'endYear', '-startYear', 'startYear', 'title', '-title'] as const
export type CardSort = (typeof CARD_SORTS)[number]

export const DEFAULT_CARDS_LIMIT = 10
export const MAX_CARDS_LIMIT = 100
const MAX_QUERY_LENGTH = 200

/** The list's filters on a coded value (one value of a vocabulary each). */
export const CODED_FILTERS = ['status', 'projectType', 'idfRegion', 'coverage'] as const

/** The public list's filters, as the site's list and the card list take them. */
export type ListFilters = {
  q?: string
  status?: string
  projectType?: string
  idfRegion?: string
  coverage?: string
  /** A Member State's ISO 3166-1 alpha-2 code. */
  memberState?: string
  /** Projects running in or after this year (ending in it or later, or with no end year). */
  from?: number
  /** Projects running in or before this year (starting in it or earlier, or with no start year). */
  to?: number
}

export type CardQuery = ListFilters & {
  locale: Locale
  sort: CardSort
  limit: number
  page: number
}

/** The list's filters in one locale: what the facets count over. */
export type CardFilters = ListFilters & { locale: Locale }

export type CardPage = { json: string; count: number }

const FILTER_PARAMS = ['locale', 'q', 'status', 'projectType', 'idfRegion', 'coverage', 'memberState', 'from', 'to'] as const
const PARAMS = [...FILTER_PARAMS, 'sort', 'limit', 'page'] as const

const integer = (name: string, value: unknown, min: number, max: number): number => {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN
  if (!Number.isInteger(number) || number < min || number > max) throw new CardQueryError(`${name} must be a whole number from ${min} to ${max}, not “${String(value)}”`)
  return number
}

export class CardQueryError extends Error {
  status = 400
}

/**
 * Reads a card list's query string, refusing what it cannot mean: unknown parameters (a typo would
 * otherwise silently widen the list), values outside the vocabularies, bad numbers. The message
 * names the parameter.
 */
export const parseCardQuery = (params: Record<string, unknown>, projectTypes: readonly Term[] = DEFAULT_PROJECT_TYPES): CardQuery => {
  const text = given(params, PARAMS, 'the card list')
  const sort = (text.sort ?? '-endYear') as CardSort
  if (!CARD_SORTS.includes(sort)) throw new CardQueryError(`sort must be one of ${CARD_SORTS.join(', ')}, not “${text.sort}”`)
  return {
    ...filtersOf(text, projectTypes),
    sort,
    limit: text.limit ? integer('limit', text.limit, 1, MAX_CARDS_LIMIT) : DEFAULT_CARDS_LIMIT,
    page: text.page ? integer('page', text.page, 1, 100_000) : 1,
  }
}

/** Reads the facets' query string: the card list's filters, without its sort and paging. */
export const parseCardFilters = (params: Record<string, unknown>, projectTypes: readonly Term[] = DEFAULT_PROJECT_TYPES): CardFilters =>
  filtersOf(given(params, FILTER_PARAMS, 'the facets'), projectTypes)

/** Reads a page's query string: only `locale`. */
export const parsePageQuery = (params: Record<string, unknown>): { locale: Locale } => {
  const locale = given(params, ['locale'], 'a page').locale ?? 'en'
  if (!isLocale(locale)) throw new CardQueryError(`locale must be en, fr or es, not “${locale}”`)
  return { locale }
}

/** The parameters given (Payload's authentication leaves `depth: undefined` on every request's query), each known and given once. */
const given = (params: Record<string, unknown>, known: readonly string[], what: string) => {
  for (const name of Object.keys(params).filter((key) => params[key] !== undefined)) {
    if (!known.includes(name)) throw new CardQueryError(`unknown parameter “${name}”: ${what} take${what.endsWith('s') ? '' : 's'} ${known.join(', ')}`)
    if (typeof params[name] !== 'string') throw new CardQueryError(`${name} must be given once, as text`)
    // PostgreSQL's text cannot hold it (the query failed with a 500); no value means it anyway.
    if ((params[name] as string).includes('\u0000')) throw new CardQueryError(`${name} contains a NUL character (U+0000), which text cannot hold`)
  }
  return params as Record<string, string | undefined>
}

const filtersOf = (text: Record<string, string | undefined>, projectTypes: readonly Term[]): CardFilters => {
  const locale = text.locale ?? 'en'
  if (!isLocale(locale)) throw new CardQueryError(`locale must be en, fr or es, not “${locale}”`)
  const vocabularies = codedVocabularies(projectTypes)
  const coded = (name: CodedField) => {
    const value = text[name]
    const terms = vocabularies[name]
    if (value === undefined || value === '') return undefined
    if (!terms.some((term) => term.value === value)) throw new CardQueryError(`${name} must be one of ${terms.map((term) => term.value).join(', ')}, not “${value}”`)
    return value
  }
  const memberState = text.memberState ? text.memberState.toUpperCase() : undefined
  if (memberState && !/^[A-Z]{2}$/.test(memberState)) throw new CardQueryError(`memberState must be a two-letter ISO code (KE), not “${text.memberState}”`)
  const q = text.q?.trim() || undefined
  if (q && q.length > MAX_QUERY_LENGTH) throw new CardQueryError(`q must be at most ${MAX_QUERY_LENGTH} characters`)
  return {
    locale,
    q,
    status: coded('status'),
    projectType: coded('projectType'),
    idfRegion: coded('idfRegion'),
    coverage: coded('coverage'),
    memberState,
    from: text.from ? integer('from', text.from, 1900, 2200) : undefined,
    to: text.to ? integer('to', text.to, 1900, 2200) : undefined,
  }
}

/**
 * The words of a search, folded as the cards' search text is (src/domain/fold.ts: “sante” finds
 * “santé”, “main-d'oeuvre” finds “main-d’œuvre”). LIKE's wildcards are read as themselves: dropped.
 */
export const searchWords = (q: string) =>
  fold(q)
    // A lone half of a surrogate pair (a query cut in the middle of an emoji) reaches the database
    // as U+FFFD, whatever the driver: the same here, so that the rows in memory
    // (src/readModel/rowsInMemory.ts) match what the database matches.
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[%_\\]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)

/** The cards' where clause: the list's filters, as the public site's list applies them. */
export const cardsWhere = (query: CardFilters): Where => {
  const and: Where[] = [{ locale: { equals: query.locale } }]
  for (const field of CODED_FILTERS) {
    if (query[field]) and.push({ [field]: { equals: query[field] } })
  }
  if (query.memberState) and.push({ memberStates: { contains: `,${query.memberState},` } })
  // The rows store a missing year as null: `equals: null` (IS NULL; null or absent on MongoDB, where
  // `exists: false` would not match a stored null).
  if (query.from) and.push({ or: [{ endYear: { greater_than_equal: query.from } }, { endYear: { equals: null } }] })
  if (query.to) and.push({ or: [{ startYear: { less_than_equal: query.to } }, { startYear: { equals: null } }] })
  const words = query.q ? searchWords(query.q) : []
  // Every word somewhere in the title, the IDs or the summary.
  for (const word of words) and.push({ search: { like: word } })
  return { and }
}

type Drizzle = { select: (fields?: Record<string, unknown>) => any }

/**
 * A read model table (`project-cards` by default) on a SQL adapter, with `where` and `sort`
 * translated by the adapter's own query builder. `db` is a transaction's session (see
 * sqlSession) when the read must see its uncommitted rows.
 */
export const readModelTableQuery = (payload: Payload, where: Where, { sort, slug = 'project-cards', db }: { sort?: string[]; slug?: 'project-cards' | 'project-card-facets'; db?: Drizzle } = {}) => {
  const adapter = payload.db as unknown as { drizzle: Drizzle; tables: Record<string, any>; tableNameMap: Map<string, string> }
  const tableName = adapter.tableNameMap.get(slug.replaceAll('-', '_')) ?? slug.replaceAll('-', '_')
  const built = buildQuery({ adapter: adapter as never, fields: payload.collections[slug].config.flattenedFields, sort, tableName, where })
  return { drizzle: db ?? adapter.drizzle, table: adapter.tables[tableName], built }
}

/** The cards' order: the one asked for, then the slug (a stable page order among equal years or titles). */
const cardsSort = (query: CardQuery) => [query.sort, 'slug']

/**
 * The SELECT of one page of cards on a SQL database, as the adapter's query builder writes it: each
 * row's stored card, one row more than the page (to say whether there is a next page without a
 * count), among the rows of `projects` when given (narrowToRows). Exported for the tests that read
 * its query plan.
 */
export const cardsPageStatement = (payload: Payload, query: CardQuery, projects?: string[]) => {
  const { drizzle, table, built } = readModelTableQuery(payload, cardsWhere(query), { sort: cardsSort(query) })
  return drizzle
    .select({ card: table.card })
    .from(table)
    .where(withinRows(table, built.where, projects))
    .orderBy(...built.orderBy.map(({ column, order }) => order(column)))
    .limit(query.limit + 1)
    .offset((query.page - 1) * query.limit)
}

/**
 * One page of cards, as the JSON of `{ docs, limit, page, hasPrevPage, hasNextPage, prevPage,
 * nextPage }` (no total: the facets call counts). The cards are stored as JSON text and joined
 * as they are. On SQL databases one indexed SELECT through the adapter's own query builder (so
 * `where` means what it means to `find`), on SQLite among the rows a search was found in memory to
 * match, or none when it matches none (src/readModel/rowsInMemory.ts, narrowToRows); elsewhere the
 * adapter's `find`.
 */
export const findProjectCards = async (payload: Payload, query: CardQuery): Promise<CardPage> => {
  let cards: string[]
  let hasNextPage: boolean
  if (payload.db.name === 'sqlite' || payload.db.name === 'postgres') {
    // A search few rows match, on SQLite: those rows, found in memory, read by their projects.
    const projects = query.q ? await narrowToRows(payload, query.locale, (rows) => matchingRows(rows, query)) : undefined
    const rows: { card: string }[] = projects?.length === 0 ? [] : await cardsPageStatement(payload, query, projects)
    hasNextPage = rows.length > query.limit
    cards = rows.slice(0, query.limit).map((row) => row.card)
  } else {
    const found = await payload.db.find({ collection: 'project-cards', where: cardsWhere(query), sort: cardsSort(query), limit: query.limit, page: query.page, pagination: true, select: { card: true } })
    hasNextPage = Boolean(found.hasNextPage)
    cards = found.docs.map((doc) => (doc as unknown as { card: string }).card)
  }
  const hasPrevPage = query.page > 1
  const meta = { limit: query.limit, page: query.page, hasPrevPage, hasNextPage, prevPage: hasPrevPage ? query.page - 1 : null, nextPage: hasNextPage ? query.page + 1 : null }
  return { json: `{"docs":[${cards.join(',')}],${JSON.stringify(meta).slice(1)}`, count: cards.length }
}

/**
 * The page of the published project with this slug in `locale`, as the JSON of the document
 * `GET /api/projects?where[slug][equals]=…&depth=1` answers (outcomes, Member States and related
 * projects filled in), or null. One indexed SELECT of the stored text.
 */
export const findProjectPage = async (payload: Payload, slug: string, locale: Locale): Promise<string | null> => {
  // No page has a slug of another form (a NUL character in it even failed PostgreSQL's query).
  if (!SLUG_PATTERN.test(slug)) return null
  const where: Where = { and: [{ slug: { equals: slug } }, { locale: { equals: locale } }] }
  if (payload.db.name === 'sqlite' || payload.db.name === 'postgres') {
    const { drizzle, table, built } = readModelTableQuery(payload, where)
    const rows: { page: string }[] = await drizzle.select({ page: table.page }).from(table).where(built.where).limit(1)
    return rows[0]?.page ?? null
  }
  const { docs } = await payload.db.find({ collection: 'project-cards', where, limit: 1, pagination: false, select: { page: true } })
  return (docs[0] as unknown as { page: string } | undefined)?.page ?? null
}
