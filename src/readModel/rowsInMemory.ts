import { and, inArray, type SQL } from 'drizzle-orm'
import type { Payload, Where } from 'payload'

import type { Locale } from '../domain/locales'
import { readContentVersion } from '../site/contentVersion'
import { COLUMN_FACETS, type ColumnFacet, emptyFacetCounts, type FacetCounts } from '../site/facetCounts'
import { type CardFilters, CODED_FILTERS, readModelTableQuery, searchWords } from './findCards'

/**
 * The read model's rows of one locale, held in memory per generation of the public content
 * (src/site/contentVersion.ts): what the filter panels count, and what finds the rows a search for
 * a rare word asks for.
 *
 * - The panels no stored one answers (a search, a span of years, two filters) are counted here.
 *   Counting in the database read the matching rows each time: a common word ("migration", 1,261
 *   French rows) cost about 7 ms of PostgreSQL or 5 ms of SQLite's event loop a request, and held
 *   the search page's panel to under 240 req/s.
 * - A search that few rows match (the cards' `q`, the generic list's title search) reads those
 *   rows by id (`narrowToRows`). SQLite cannot find a word inside a text through an index: for a
 *   word few rows hold it tested every row's text of the locale, on the event loop.
 *
 * The rows are the committed ones of a generation read just before them: every change to the
 * public content moves the generation on in its transaction, for every instance, and rows held for
 * another generation than the request's never answer one (see narrowToRows). This is the read
 * model's own index, not a cache of answers: any filters are counted from it, and a search's rows
 * are still read from the database with the search's own conditions. Its size: at the bench's
 * 10,000 projects (search texts of 69 characters on average) 3.7 MB a locale measured, and on
 * SQLite an estimated 2.3 MB more for the titles (not held on other databases); ten times as much
 * at 100,000. It grows with the texts' length, and doubles while the rows of a new generation are
 * read.
 */
type Kept = {
  generation?: string
  rows?: HeldRows
  loading?: Promise<void>
  /** When the last read of the rows started (Date.now()) and how long it took. */
  lastStart?: number
  lastDuration?: number
  /** The last generation asked for that the rows held are not of, and since when it is asked for. */
  asked?: string
  askedSince?: number
}

/**
 * A read starts once the generation asked for has stayed the same this long: while pages are
 * published one after another (an import, 12–60 a second), each read would be out of date before
 * it ended, work thrown away. The panels are then counted in the database, as before the rows were
 * held, until publishing pauses (measured with 12 pages a second published through the Local API
 * on PostgreSQL at 10,000 projects: the search page's panel at 84 req/s, 91 when reads started
 * whenever they could, against about 820 with nothing published).
 */
const SETTLED_MS = 250
/**
 * Reads also start five times as far apart as the last one took, which bounds what they take of
 * a process to about a fifth when publishing pauses often.
 */
const READ_SPACING_FACTOR = 5

const keptOf = new WeakMap<Payload, Map<Locale, Kept>>()

const kept = (payload: Payload, locale: Locale): Kept => {
  let byLocale = keptOf.get(payload)
  if (!byLocale) keptOf.set(payload, (byLocale = new Map()))
  let entry = byLocale.get(locale)
  if (!entry) byLocale.set(locale, (entry = {}))
  return entry
}

/**
 * The counts of the rows matching `filters` from memory, when the rows held are those of
 * `generation` (the request's, read before this call); otherwise null, and the caller counts in
 * the database.
 */
export const countFacetsInMemory = (payload: Payload, filters: CardFilters, generation: string): FacetCounts | null => {
  const rows = rowsOfGeneration(payload, filters.locale, generation)
  return rows && countFacetRows(rows, filters)
}

/**
 * The rows of `locale` when those held are of `generation`; otherwise null, and the rows are read
 * again in the background (one read at a time per locale, once the generation has settled, spaced
 * as above).
 */
export const rowsOfGeneration = (payload: Payload, locale: Locale, generation: string): HeldRows | null => {
  const entry = kept(payload, locale)
  if (entry.generation === generation && entry.rows) return entry.rows
  const started = Date.now()
  if (entry.asked !== generation) Object.assign(entry, { asked: generation, askedSince: started })
  const settled = started - entry.askedSince! >= SETTLED_MS
  const spaced = entry.lastStart === undefined || started - entry.lastStart >= READ_SPACING_FACTOR * (entry.lastDuration ?? 0)
  if (!entry.loading && settled && spaced) {
    entry.lastStart = started
    entry.loading = readCurrentRows(payload, locale)
      .then((current) => {
        Object.assign(entry, current)
      })
      .catch((error: unknown) => payload.logger.error({ err: error, msg: `Reading the ${locale} read model rows into memory failed; filter panels and searches are answered by the database alone` }))
      .finally(() => {
        entry.lastDuration = Date.now() - started
        entry.loading = undefined
      })
  }
  return null
}

/**
 * The generation of the content now, then the rows: rows as new as it or newer (a change committed
 * in between is only counted after the next read, as its generation differs). Labelling the rows
 * with the generation of the request that asked for them could label newer rows with an older
 * generation when that request was slow.
 */
const readCurrentRows = async (payload: Payload, locale: Locale) => {
  const generation = await readContentVersion(payload)
  return { generation, rows: await loadRows(payload, locale) }
}

/** Settles when no read of rows is under way (tests wait on it). */
export const rowsLoaded = async (payload: Payload): Promise<void> => {
  await Promise.all([...(keptOf.get(payload)?.values() ?? [])].map((entry) => entry.loading))
}

/**
 * The rows of one locale in columns: each facet's values as small numbers into its dictionary
 * (0: none), so that counting a panel is array increments rather than a map update per row and
 * column (9 ms for all 10,000 rows as objects and maps); and, for the search texts and the own
 * titles, the rows holding each three-letter run, so that a search tests the text of only the rows
 * that may hold its words. Testing every row's text, even behind a signature of its runs, took
 * 0.6 ms of the server's CPU a request for "migration".
 */
export type HeldRows = {
  size: number
  /**
   * Each row's project (its ID as text), by which a search's rows are read: a row's own id changes
   * whenever its project's rows are written again (deleted and inserted), the project does not.
   * Held, with the titles, only where searches are read by project (narrowToRows).
   */
  projects?: string[]
  columns: Record<ColumnFacet, { codes: Uint16Array; values: (string | number | null)[] }>
  /** Row i's Member State codes are `codes[offsets[i]]` up to `codes[offsets[i + 1]]`, into `values`. */
  memberStates: { offsets: Uint32Array; codes: Uint16Array; values: string[] }
  /** The folded search texts (title, IDs, summary): what the cards' `q` searches. */
  search: RunIndexed
  /**
   * The titles written in the locale (null when none), lowered as in `lowerForLike`: what the
   * generic list's title search searches. Held only where searches are read by project (narrowToRows).
   */
  titles?: RunIndexed
}

type RunIndexed = {
  texts: (string | null)[]
  /** The rows whose text holds a run hashed to bucket b: `rows[starts[b]]` up to `rows[starts[b + 1]]`, in order. */
  runs: { starts: Uint32Array; rows: Uint32Array }
}

/**
 * Three-character runs are hashed to one of 4,096 buckets. Every run of a word is in any text that
 * holds the word, so only the rows of the word's least-filled bucket can hold it (at 10,000
 * projects, about 1,300 rows for "migration", 60 for "malaysia"); their texts are then tested.
 */
const RUN_BUCKETS = 4096

const runBucket = (text: string, at: number) =>
  Math.imul(text.charCodeAt(at) ^ Math.imul(text.charCodeAt(at + 1), 0x9e3779b1) ^ Math.imul(text.charCodeAt(at + 2), 0x85ebca6b), 0xc2b2ae35) >>> 20

/** The buckets of every three-character run of `text` (none for a shorter text). */
const runBuckets = (text: string): number[] => Array.from({ length: Math.max(0, text.length - 2) }, (_, at) => runBucket(text, at))

/** Rows between two pauses of a long build, in which the process answers other requests. */
const ROWS_BETWEEN_PAUSES = 2000
const pause = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * For each bucket, the rows whose text has a run in it, each row once. The longest part of the
 * rows' building (in all 43 ms for 10,000 rows' search texts, 261 ms for 100,000, in a scratch
 * timer): it pauses every ROWS_BETWEEN_PAUSES rows rather than hold up the requests waiting.
 */
const runIndexed = async (texts: (string | null)[]): Promise<RunIndexed> => {
  const counts = new Uint32Array(RUN_BUCKETS + 1)
  const lastRow = new Int32Array(RUN_BUCKETS).fill(-1)
  const each = async (visit: (bucket: number, row: number) => void) => {
    for (let row = 0; row < texts.length; row++) {
      if (row % ROWS_BETWEEN_PAUSES === ROWS_BETWEEN_PAUSES - 1) await pause()
      const text = texts[row] ?? ''
      for (let at = 0; at + 2 < text.length; at++) {
        const bucket = runBucket(text, at)
        if (lastRow[bucket] === row) continue
        lastRow[bucket] = row
        visit(bucket, row)
      }
    }
  }
  await each((bucket) => counts[bucket + 1]!++)
  const starts = new Uint32Array(RUN_BUCKETS + 1)
  for (let bucket = 0; bucket < RUN_BUCKETS; bucket++) starts[bucket + 1] = starts[bucket]! + counts[bucket + 1]!
  const rows = new Uint32Array(starts[RUN_BUCKETS]!)
  const next = starts.slice(0, RUN_BUCKETS)
  lastRow.fill(-1)
  await each((bucket, row) => (rows[next[bucket]!++] = row))
  return { texts, runs: { starts, rows } }
}

/** The rows that may hold every one of `words`: those of the words' least-filled bucket; all (undefined) when no word has three letters. */
const candidateRows = ({ runs }: RunIndexed, words: string[]): Uint32Array | undefined => {
  let candidates: Uint32Array | undefined
  for (const bucket of new Set(words.flatMap(runBuckets))) {
    const these = runs.rows.subarray(runs.starts[bucket], runs.starts[bucket + 1])
    if (!candidates || these.length < candidates.length) candidates = these
  }
  return candidates
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
  return { values, idOf }
}

const COLUMNS = [...COLUMN_FACETS, 'memberStates', 'search'] as const
/** The columns searches read by project also need. */
const SEARCH_COLUMNS = ['project', 'ownTitle'] as const

/**
 * Every read model row of `locale`, in the columns the panels count and the searches test. On SQL
 * databases one SELECT of those columns, rather than Payload's find, which makes a document of
 * each row.
 */
export const loadRows = async (payload: Payload, locale: Locale): Promise<HeldRows> => {
  const where: Where = { locale: { equals: locale } }
  if (payload.db.name === 'sqlite' || payload.db.name === 'postgres') {
    const { drizzle, table, built } = readModelTableQuery(payload, where)
    const forSearches = readsSearchesByProject(payload)
    const columns = forSearches ? [...COLUMNS, ...SEARCH_COLUMNS] : COLUMNS
    return heldRowsOf(await drizzle.select(Object.fromEntries(columns.map((name) => [name, table[name]]))).from(table).where(built.where), forSearches)
  }
  const select = Object.fromEntries(COLUMNS.map((name) => [name, true as const]))
  const { docs } = await payload.db.find({ collection: 'project-cards', where, select, pagination: false, limit: 0 })
  return heldRowsOf(docs as unknown as Record<string, unknown>[], false)
}

/**
 * A title as the adapters' `like` may match it, lowered for a search of printable ASCII words
 * (`titleLikeWords`), so that every title the database matches holds the words here too. SQLite's
 * LIKE folds the case of ASCII letters only; PostgreSQL's ILIKE (whose searches are not read by
 * project today: narrowToRows) lowers each character as its collation does, where "İ" (U+0130) becomes
 * "i" and the Kelvin sign "k". JavaScript lowers "İ" to "i" and a combining dot: it is made "i"
 * first. Whatever else is lowered differently is not ASCII either way, so cannot be part of a
 * match of ASCII words.
 */
export const lowerForLike = (title: string) => title.replaceAll('\u0130', 'i').toLowerCase()

/** The columns of these rows (as `project-cards` stores them). */
const heldRowsOf = async (docs: Record<string, unknown>[], forSearches: boolean): Promise<HeldRows> => {
  const size = docs.length
  const none = (value: unknown) => value === null || value === undefined || value === ''
  // PostgreSQL's numeric columns come back as text.
  const read = (facet: ColumnFacet, value: unknown) => (none(value) ? null : facet === 'startYear' || facet === 'endYear' ? Number(value) : String(value))
  const columns = Object.fromEntries(
    COLUMN_FACETS.map((facet) => {
      const { values, idOf } = dictionary<string | number>()
      const codes = new Uint16Array(size)
      docs.forEach((doc, row) => (codes[row] = idOf(read(facet, doc[facet]))))
      return [facet, { codes, values }]
    }),
  ) as HeldRows['columns']
  const states = dictionary<string>()
  const offsets = new Uint32Array(size + 1)
  const stateCodes: number[] = []
  docs.forEach((doc, row) => {
    offsets[row] = stateCodes.length
    for (const code of String(doc.memberStates ?? '').split(',')) if (code) stateCodes.push(states.idOf(code))
  })
  offsets[size] = stateCodes.length

  return {
    size,
    columns,
    memberStates: { offsets, codes: Uint16Array.from(stateCodes), values: states.values as string[] },
    search: await runIndexed(docs.map((doc) => String(doc.search ?? ''))),
    projects: forSearches ? docs.map((doc) => String(doc.project)) : undefined,
    // A null title matches no `like`, not even an empty one (`%%`).
    titles: forSearches ? await runIndexed(docs.map((doc) => (typeof doc.ownTitle === 'string' ? lowerForLike(doc.ownTitle) : null))) : undefined,
  }
}

/**
 * The rows matching `filters`, in row order, as the database matches them (src/readModel/
 * countCardFacets.ts, src/readModel/findCards.ts) for `cardsWhere(filters)`: each coded filter
 * equal, the Member State in the row's list, the years' span with a missing year inside it, every
 * word of the search in the search text (both folded, so LIKE's case folding changes nothing).
 */
export const matchingRows = (rows: HeldRows, filters: CardFilters): Uint32Array => {
  const coded: { codes: Uint16Array; id: number }[] = []
  for (const name of CODED_FILTERS) {
    if (!filters[name]) continue
    const column = rows.columns[name]
    const id = column.values.indexOf(filters[name]!)
    if (id < 1) return new Uint32Array(0)
    coded.push({ codes: column.codes, id })
  }
  const state = filters.memberState ? rows.memberStates.values.indexOf(filters.memberState) : 0
  if (state === -1) return new Uint32Array(0)
  const { offsets, codes: stateCodes } = rows.memberStates
  const words = filters.q ? searchWords(filters.q) : []
  const texts = rows.search.texts as string[]
  const candidates = candidateRows(rows.search, words)
  const size = candidates?.length ?? rows.size
  // The tests of one row. Kept out of the loop below: a closure over its `row` would make the
  // engine allocate each turn's variables on the heap.
  const holdsWords = (row: number) => {
    for (const word of words) if (!texts[row]!.includes(word)) return false
    return true
  }
  const hasCodes = (row: number) => {
    for (const { codes, id } of coded) if (codes[row] !== id) return false
    return true
  }
  // A missing year is inside any span (the value of code 0 is null).
  const { startYear, endYear } = rows.columns
  const endsFrom = (row: number) => {
    const year = endYear.values[endYear.codes[row]!]
    return year === null || (year as number) >= filters.from!
  }
  const startsBy = (row: number) => {
    const year = startYear.values[startYear.codes[row]!]
    return year === null || (year as number) <= filters.to!
  }
  const holdsState = (row: number) => {
    for (let i = offsets[row]!; i < offsets[row + 1]!; i++) if (stateCodes[i] === state) return true
    return false
  }
  const matching = new Uint32Array(size)
  let found = 0
  for (let n = 0; n < size; n++) {
    const row = candidates ? candidates[n]! : n
    if (words.length && !holdsWords(row)) continue
    if (coded.length && !hasCodes(row)) continue
    if (filters.from && !endsFrom(row)) continue
    if (filters.to && !startsBy(row)) continue
    if (state && !holdsState(row)) continue
    matching[found++] = row
  }
  return matching.subarray(0, found)
}

/** The counts of the rows matching `filters` (see matchingRows): the matching rows first, then each column counted over them, in tight loops. */
export const countFacetRows = (rows: HeldRows, filters: CardFilters): FacetCounts => {
  const counts = emptyFacetCounts()
  const matching = matchingRows(rows, filters)
  const found = matching.length
  counts.totalDocs = found
  const tallies = COLUMN_FACETS.map((facet) => {
    const { codes, values } = rows.columns[facet]
    const tally = new Uint32Array(values.length)
    for (let n = 0; n < found; n++) tally[codes[matching[n]!]!]!++
    return tally
  })
  const { offsets, codes: stateCodes } = rows.memberStates
  const stateTally = new Uint32Array(rows.memberStates.values.length)
  for (let n = 0; n < found; n++) {
    const row = matching[n]!
    for (let i = offsets[row]!; i < offsets[row + 1]!; i++) stateTally[stateCodes[i]!]!++
  }
  COLUMN_FACETS.forEach((facet, f) => {
    const { values } = rows.columns[facet]
    tallies[f]!.forEach((n, id) => id > 0 && n > 0 && counts.columns[facet].set(values[id]!, n))
  })
  stateTally.forEach((n, id) => id > 0 && n > 0 && counts.memberStates.set(rows.memberStates.values[id]!, n))
  return counts
}

/**
 * The words of a generic title search (`where[title][like]`) as Payload's SQL adapters search
 * them: the value split at each space, each word anywhere in the title (an empty word matches any
 * title). Null when a word is not printable ASCII, or holds a character LIKE reads as a wildcard
 * or an escape (`%`, `_`, `\`): the database alone then answers, as `lowerForLike` holds only for
 * ASCII.
 */
export const titleLikeWords = (like: string): string[] | null => {
  const words = like.split(' ')
  return words.every((word) => /^[!-~]*$/.test(word) && !/[%_\\]/.test(word)) ? words.map((word) => word.toLowerCase()) : null
}

/**
 * The rows whose own title may match `words` (titleLikeWords): every title the database matches,
 * and possibly a few more. Null where the titles are not held.
 */
export const titleCandidateRows = (rows: HeldRows, words: string[]): Uint32Array | null => {
  if (!rows.titles) return null
  const texts = rows.titles.texts
  const candidates = candidateRows(rows.titles, words)
  const size = candidates?.length ?? rows.size
  const holdsWords = (row: number) => {
    const title = texts[row]
    if (title === null || title === undefined) return false
    for (const word of words) if (!title.includes(word)) return false
    return true
  }
  const matching = new Uint32Array(size)
  let found = 0
  for (let n = 0; n < size; n++) {
    const row = candidates ? candidates[n]! : n
    if (holdsWords(row)) matching[found++] = row
  }
  return matching.subarray(0, found)
}

/**
 * A search matching at most this many rows reads them by project; more, and the database walks the
 * rows in the list's order, where ten matches are soon found.
 */
export const ROWS_READ_BY_PROJECT = 200

/**
 * The projects whose rows a search may match, found in memory, or `undefined` when the search is
 * answered by the database alone (too many rows, no rows held for the request's generation, or a
 * search memory cannot test). An empty list means no row matches: the caller answers without a
 * statement. The search's own conditions stay in the statement: the rows found are a superset of
 * the rows the database matches for this generation, never fewer. A project saved between the
 * request's reading of the generation and its statement is read as saved (its rows are found by
 * project, their search tested as they now are), as without the rows in memory; a project
 * published in that moment is missed by that one request, as if it had come a moment earlier.
 *
 * A search that the rows held, of whatever generation, match more than ROWS_READ_BY_PROJECT times is
 * left to the database at once, without reading the generation (the only use of rows of another
 * generation: a choice of path, never an answer): a common word stays common from one generation
 * to the next, and were it not, the database's answer would be as right, only slower.
 *
 * On SQLite only: PostgreSQL finds a word inside a text through its trigram indexes (migration
 * `search_indexes`), in about a millisecond for a rare word, with the same plan whether the rows
 * are named or not (EXPLAIN ANALYZE at 10,000 projects): reading the generation first only adds
 * to it.
 */
export const narrowToRows = async (payload: Payload, locale: Locale, find: (rows: HeldRows) => Uint32Array | null): Promise<string[] | undefined> => {
  if (!readsSearchesByProject(payload)) return undefined
  const held = kept(payload, locale).rows
  let found = held && find(held)
  if (held && (!found || found.length > ROWS_READ_BY_PROJECT)) return undefined
  const rows = rowsOfGeneration(payload, locale, await readContentVersion(payload))
  if (!rows?.projects) return undefined
  if (rows !== held) found = find(rows)
  if (!found || found.length > ROWS_READ_BY_PROJECT) return undefined
  const projects = rows.projects
  return Array.from(found, (row) => projects[row]!)
}

/** Whether searches few rows match are read by their projects (narrowToRows): on SQLite. */
const readsSearchesByProject = (payload: Payload) => payload.db.name === 'sqlite'

/** A SELECT's condition narrowed to the rows of these projects (narrowToRows), through the (project, locale) index. */
export const withinRows = (table: Record<string, any>, where: SQL | undefined, projects: string[] | undefined) => (projects ? and(where, inArray(table.project, projects)) : where)
