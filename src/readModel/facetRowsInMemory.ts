import type { Payload } from 'payload'

import type { Locale } from '../domain/locales'
import { COLUMN_FACETS, type ColumnFacet, emptyFacetCounts, type FacetCounts } from '../site/facetCounts'
import { type CardFilters, CODED_FILTERS, searchWords } from './findCards'

/**
 * The panels no stored one answers (a search, a span of years, two filters) are counted over the
 * read model's rows of one locale, held here in memory per generation of the public content
 * (src/site/contentVersion.ts): a panel is then a walk over 10,000 small objects, about 1 ms,
 * whatever the filters. Counting in the database read the matching rows each time: a common word
 * ("migration", 1,261 French rows) cost about 7 ms of PostgreSQL or 5 ms of SQLite's event loop
 * a request, and held the search page's panel to under 240 req/s. The rows are the committed
 * ones: every change to the public content moves the generation on in its transaction, for every
 * instance, and rows kept for an older generation are never counted. This is the read model's
 * own index, not a cache of answers: any filters are counted from it.
 */
type Kept = { generation?: string; rows?: FacetRows; loading?: Promise<void> }

const keptOf = new WeakMap<Payload, Map<Locale, Kept>>()

const kept = (payload: Payload, locale: Locale): Kept => {
  let byLocale = keptOf.get(payload)
  if (!byLocale) keptOf.set(payload, (byLocale = new Map()))
  let entry = byLocale.get(locale)
  if (!entry) byLocale.set(locale, (entry = {}))
  return entry
}

/**
 * The counts of the rows matching `filters` from memory, when the rows of `generation` (read
 * before this call) are held; otherwise null, and the rows are read in the background: one read
 * at a time per locale, so that publishing in a row (an import) while panels are asked does not
 * pile up reads of every row. The caller then counts in the database.
 */
export const countFacetsInMemory = (payload: Payload, filters: CardFilters, generation: string): FacetCounts | null => {
  const entry = kept(payload, filters.locale)
  if (entry.generation === generation && entry.rows) return countFacetRows(entry.rows, filters)
  if (!entry.loading) {
    // The generation was read before the rows: rows newer than it are only read again the next time.
    entry.loading = loadFacetRows(payload, filters.locale)
      .then((rows) => {
        Object.assign(entry, { generation, rows })
      })
      .catch((error: unknown) => payload.logger.error({ err: error, msg: `Reading the ${filters.locale} read model rows for filter panels failed; panels are counted in the database` }))
      .finally(() => {
        entry.loading = undefined
      })
  }
  return null
}

/** Settles when no read of rows is under way (tests wait on it). */
export const facetRowsLoaded = async (payload: Payload): Promise<void> => {
  await Promise.all([...(keptOf.get(payload)?.values() ?? [])].map((entry) => entry.loading))
}

/**
 * The rows of one locale in columns: each facet's values as small numbers into its dictionary
 * (0: none), so that counting a panel is array increments rather than a map update per row and
 * column (9 ms for all 10,000 rows as objects and maps, against well under 1 ms); the search texts
 * also joined in one string, so that a word is found by the engine's string search, jumping from
 * match to match, rather than by testing every row.
 */
export type FacetRows = {
  size: number
  columns: Record<ColumnFacet, { codes: Uint16Array; values: (string | number | null)[] }>
  /** The years again as numbers (NaN: none), for the span filters. */
  startYears: Float64Array
  endYears: Float64Array
  /** Row i's Member State codes are `codes[offsets[i]]` up to `codes[offsets[i + 1]]`, into `values`. */
  memberStates: { offsets: Uint32Array; codes: Uint16Array; values: string[] }
  /** Every row's folded search text, each followed by a line break (no search word holds one). */
  searchText: string
  /** Where each row's text starts in `searchText`, and one more entry: where the text ends. */
  searchStarts: Uint32Array
  texts: string[]
}

/** Small numbers for the values of a column: 0 stands for none. */
const dictionary = <T extends string | number>() => {
  const values: (T | null)[] = [null]
  const ids = new Map<T, number>()
  const idOf = (value: T | null) => {
    if (value === null) return 0
    let id = ids.get(value)
    if (id === undefined) {
      ids.set(value, (id = values.length))
      values.push(value)
    }
    return id
  }
  return { values, ids, idOf }
}

/** Every read model row of `locale`, in the columns the panels count. */
export const loadFacetRows = async (payload: Payload, locale: Locale): Promise<FacetRows> => {
  const { docs } = await payload.db.find({
    collection: 'project-cards',
    where: { locale: { equals: locale } },
    select: { status: true, projectType: true, idfRegion: true, coverage: true, startYear: true, endYear: true, memberStates: true, search: true },
    pagination: false,
    limit: 0,
  })
  return facetRowsOf(docs as unknown as Record<string, unknown>[])
}

/** The columns of these rows (as `project-cards` stores them). */
export const facetRowsOf = (docs: Record<string, unknown>[]): FacetRows => {
  const size = docs.length
  const none = (value: unknown) => value === null || value === undefined || value === ''
  // PostgreSQL's numeric columns may come back as text.
  const read = (facet: ColumnFacet, value: unknown) => (none(value) ? null : facet === 'startYear' || facet === 'endYear' ? Number(value) : String(value))
  const columns = Object.fromEntries(
    COLUMN_FACETS.map((facet) => {
      const { values, idOf } = dictionary<string | number>()
      const codes = new Uint16Array(size)
      docs.forEach((doc, i) => (codes[i] = idOf(read(facet, doc[facet]))))
      return [facet, { codes, values }]
    }),
  ) as FacetRows['columns']
  const years = (facet: 'startYear' | 'endYear') => Float64Array.from(docs, (doc) => (none(doc[facet]) ? NaN : Number(doc[facet])))

  const states = dictionary<string>()
  const offsets = new Uint32Array(size + 1)
  const stateCodes: number[] = []
  docs.forEach((doc, i) => {
    offsets[i] = stateCodes.length
    for (const code of String(doc.memberStates ?? '').split(',')) if (code) stateCodes.push(states.idOf(code))
  })
  offsets[size] = stateCodes.length

  const texts = docs.map((doc) => String(doc.search ?? ''))
  const searchStarts = new Uint32Array(size + 1)
  let at = 0
  texts.forEach((text, i) => {
    searchStarts[i] = at
    at += text.length + 1
  })
  searchStarts[size] = at
  return {
    size,
    columns,
    startYears: years('startYear'),
    endYears: years('endYear'),
    memberStates: { offsets, codes: Uint16Array.from(stateCodes), values: states.values as string[] },
    searchText: texts.map((text) => `${text}\n`).join(''),
    searchStarts,
    texts,
  }
}

/** The rows whose search text holds `word`, in order: the string search jumps from match to match, then to the next row. */
const rowsHolding = (rows: FacetRows, word: string): number[] => {
  const found: number[] = []
  let row = 0
  for (let at = rows.searchText.indexOf(word); at !== -1; at = rows.searchText.indexOf(word, rows.searchStarts[row + 1])) {
    // The row the match is in: the last whose text starts at or before it (the rows are walked in order).
    while (rows.searchStarts[row + 1]! <= at) row++
    found.push(row)
  }
  return found
}

/**
 * The counts of the rows matching `filters`, as the database counts them (src/readModel/
 * countCardFacets.ts) for `cardsWhere(filters)`: each coded filter equal, the Member State in the
 * row's list, the years' span with a missing year inside it, every word of the search in the
 * search text (both folded, so LIKE's case folding changes nothing).
 */
export const countFacetRows = (rows: FacetRows, filters: CardFilters): FacetCounts => {
  const counts = emptyFacetCounts()
  const coded: { codes: Uint16Array; id: number }[] = []
  for (const name of CODED_FILTERS) {
    if (!filters[name]) continue
    const column = rows.columns[name]
    const id = column.values.indexOf(filters[name]!)
    if (id < 1) return counts
    coded.push({ codes: column.codes, id })
  }
  const state = filters.memberState ? rows.memberStates.values.indexOf(filters.memberState) : 0
  if (state === -1) return counts
  const { offsets, codes: stateCodes } = rows.memberStates

  // The longest word first: usually the rarest, so the fewest rows to test the others on.
  const [first, ...others] = (filters.q ? searchWords(filters.q) : []).sort((a, b) => b.length - a.length)
  const candidates = first === undefined ? undefined : rowsHolding(rows, first)
  const size = candidates?.length ?? rows.size

  const tallies = COLUMN_FACETS.map((facet) => new Uint32Array(rows.columns[facet].values.length))
  const columnCodes = COLUMN_FACETS.map((facet) => rows.columns[facet].codes)
  const stateTally = new Uint32Array(rows.memberStates.values.length)
  for (let n = 0; n < size; n++) {
    const row = candidates ? candidates[n]! : n
    if (coded.some(({ codes, id }) => codes[row] !== id)) continue
    if (filters.from && rows.endYears[row]! < filters.from) continue
    if (filters.to && rows.startYears[row]! > filters.to) continue
    if (state) {
      let held = false
      for (let i = offsets[row]!; i < offsets[row + 1]! && !held; i++) held = stateCodes[i] === state
      if (!held) continue
    }
    if (others.length && others.some((word) => !rows.texts[row]!.includes(word))) continue
    counts.totalDocs++
    for (let f = 0; f < columnCodes.length; f++) tallies[f]![columnCodes[f]![row]!]!++
    for (let i = offsets[row]!; i < offsets[row + 1]!; i++) stateTally[stateCodes[i]!]!++
  }
  COLUMN_FACETS.forEach((facet, f) => {
    const { values } = rows.columns[facet]
    tallies[f]!.forEach((n, id) => id > 0 && n > 0 && counts.columns[facet].set(values[id]!, n))
  })
  stateTally.forEach((n, id) => id > 0 && n > 0 && counts.memberStates.set(rows.memberStates.values[id]!, n))
  return counts
}
