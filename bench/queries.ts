/**
 * The queries front ends make all day, in three forms: through our API (REST or GraphQL, as a
 * front end calls it), through the floor (the same answer from a hand-written query, see
 * src/bench/floor.ts) and, where the Directus peer has the same query, through Directus.
 */
import { stringify } from 'qs-esm'

import type { Portfolio } from './portfolio'

export type BenchRequest = { method: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> }

export type BenchQuery = {
  key:
    | 'list'
    | 'page'
    | 'facets'
    | 'graphql'
    | 'search'
    | 'search-rare'
    | 'cards'
    | 'cards-search'
    | 'cards-search-rare'
    | 'cards-page'
    | 'cards-graphql'
    | 'cards-facets'
    | 'cards-facets-search'
  name: string
  api: BenchRequest
  floor: BenchRequest
  /** The Directus peer's query (its bench.mjs letter) answering the same question, if it has one. */
  peer?: { key: string; request: BenchRequest }
  /** Reads the number of items in an answer of either side, to check they agree. */
  items: (json: any) => number
}

/** What a list card shows: no rich text, Member States by name and code. */
export const LIST_SELECT = {
  title: true,
  slug: true,
  summary: true,
  status: true,
  projectType: true,
  idfRegion: true,
  coverage: true,
  startYear: true,
  endYear: true,
  budgetUSD: true,
  memberStates: true,
} as const

export const LIST_FILTER = { idfRegion: 'africa', status: 'completed' } as const
export const SEARCH_TERM = 'migration'

/**
 * A word few titles hold, for the searches a front end's visitors mostly make (a country, a
 * place): the English name of the Member State found in the fewest English titles (at least one;
 * ties in alphabetical order), one word of letters. A common word such as SEARCH_TERM is found
 * within a few rows of the list's order; a rare one is where an unindexed search reads every row.
 * Chosen from the portfolio, so that every portfolio has one (a tiny one included) and the same
 * portfolio always the same.
 */
export const rareTitleWord = (portfolio: Portfolio): string => {
  const titles = portfolio.projects.map((project) => (project.title.en ?? '').toLowerCase())
  const words = portfolio.memberStates.map((state) => state.name.en ?? '').filter((name) => /^[A-Za-z]{4,}$/.test(name))
  const found = words
    .map((word) => ({ word, count: titles.filter((title) => title.includes(word.toLowerCase())).length }))
    .filter(({ count }) => count > 0)
    .sort((a, b) => a.count - b.count || a.word.localeCompare(b.word))
  return found[0]?.word.toLowerCase() ?? SEARCH_TERM
}

const get = (path: string, query: Record<string, unknown>): BenchRequest => ({
  method: 'GET',
  path: `${path}?${stringify(query, { addQueryPrefix: false })}`,
})

const graphql = (path: string, query: string): BenchRequest => ({
  method: 'POST',
  path,
  body: JSON.stringify({ query }),
  headers: { 'content-type': 'application/json' },
})

const LIST_GRAPHQL = `{ Projects(where: { idfRegion: { equals: africa }, status: { equals: completed } }, sort: "-endYear", limit: 10, locale: fr, pagination: false, select: true) {
  docs { id title slug summary status projectType idfRegion coverage startYear endYear budgetUSD memberStates { id name iso2 } } } }`

const CARDS_GRAPHQL = `{ ProjectCards(idfRegion: "africa", status: "completed", sort: "-endYear", limit: 10, locale: "fr") {
  docs { id title slug summary status projectType idfRegion coverage startYear endYear budgetUSD memberStates { id name iso2 } } } }`

const PEER_LIST_GRAPHQL = `query { projects(filter: { idf_region: { _eq: "africa" }, status: { _eq: "completed" } }, sort: ["-end_year"], limit: 10) {
  id title slug status project_type budget_usd coverage idf_region start_year end_year prima_id project_id description
  member_states { id member_states_id { name iso2 } } } }`

/**
 * The five queries, for one project page's slug (the same slug on both sides), then the list, a
 * search, the page, the GraphQL list and the facets from the read model (`GET /api/projects/cards`,
 * `GET /api/projects/page/:slug`, `ProjectCards`, `GET /api/projects/cards/facets`;
 * src/readModel), next to the same floors and
 * Directus queries. Its cards carry a little more than LIST_SELECT (IDs, labels, languages),
 * and its search looks in the title, the IDs and the summary (so does its floor) where the
 * API's search looks in the title. Both searches are also run for `rareWord` (see rareTitleWord),
 * and the site's search page's filter panel is counted for SEARCH_TERM.
 */
export const benchQueries = (slug: string, rareWord: string = SEARCH_TERM): BenchQuery[] => {
  const listQuery = {
    where: { idfRegion: { equals: LIST_FILTER.idfRegion }, status: { equals: LIST_FILTER.status } },
    sort: '-endYear',
    limit: 10,
    locale: 'fr',
    depth: 1,
    // A list card needs no page count: asking for none spares a count over the same filter.
    pagination: false,
    select: LIST_SELECT,
  }
  const searchQuery = { where: { title: { like: SEARCH_TERM } }, limit: 10, locale: 'fr', depth: 1, pagination: false, select: LIST_SELECT }
  const peerList = get('/items/projects', {
    filter: { idf_region: { _eq: 'africa' }, status: { _eq: 'completed' } },
    sort: '-end_year',
    limit: 10,
    fields: '*,member_states.member_states_id.name,member_states.member_states_id.iso2',
  })
  const peerPage = get('/items/projects', { filter: { slug: { _eq: slug } }, fields: '*,member_states.member_states_id.*', limit: 1 })
  return [
    {
      key: 'list',
      name: 'filtered list (region + status, by end year, 10, French, Member States named)',
      api: get('/api/projects', listQuery),
      floor: get('/bench-floor/list', { idfRegion: LIST_FILTER.idfRegion, status: LIST_FILTER.status, locale: 'fr', limit: 10 }),
      peer: { key: 'a', request: peerList },
      items: (json) => (json.docs ?? json.data)?.length ?? -1,
    },
    {
      key: 'page',
      name: 'project page by slug (outcomes and Member States, French)',
      api: get('/api/projects', { where: { slug: { equals: slug } }, limit: 1, locale: 'fr', depth: 1, pagination: false }),
      floor: get('/bench-floor/page', { slug, locale: 'fr' }),
      peer: { key: 'b', request: peerPage },
      items: (json) => (json.docs ?? json.data)?.length ?? -1,
    },
    {
      key: 'facets',
      name: 'facets of the filtered list (counts per filter value, French labels)',
      api: get('/api/projects/facets', { locale: 'fr', where: { idfRegion: { equals: LIST_FILTER.idfRegion } } }),
      floor: get('/bench-floor/facets', { idfRegion: LIST_FILTER.idfRegion, locale: 'fr' }),
      items: (json) => json.totalDocs ?? -1,
    },
    {
      key: 'graphql',
      name: 'the filtered list through GraphQL',
      api: graphql('/api/graphql', LIST_GRAPHQL),
      floor: get('/bench-floor/list', { idfRegion: LIST_FILTER.idfRegion, status: LIST_FILTER.status, locale: 'fr', limit: 10 }),
      peer: { key: 'd', request: graphql('/graphql', PEER_LIST_GRAPHQL) },
      items: (json) => (json.data?.Projects?.docs ?? json.data?.projects ?? json.docs)?.length ?? -1,
    },
    {
      key: 'search',
      name: `title search “${SEARCH_TERM}”, 10 results`,
      api: get('/api/projects', searchQuery),
      floor: get('/bench-floor/search', { q: SEARCH_TERM, locale: 'fr', limit: 10 }),
      peer: { key: 'c', request: get('/items/projects', { search: SEARCH_TERM, limit: 10 }) },
      items: (json) => (json.docs ?? json.data)?.length ?? -1,
    },
    {
      key: 'search-rare',
      name: `title search for a rare word (“${rareWord}”), English`,
      api: get('/api/projects', { ...searchQuery, where: { title: { like: rareWord } }, locale: 'en' }),
      floor: get('/bench-floor/search', { q: rareWord, locale: 'en', limit: 10 }),
      peer: { key: 'c', request: get('/items/projects', { search: rareWord, limit: 10 }) },
      items: (json) => (json.docs ?? json.data)?.length ?? -1,
    },
    {
      key: 'cards',
      name: 'the filtered list from the read model (GET /api/projects/cards)',
      api: get('/api/projects/cards', { idfRegion: LIST_FILTER.idfRegion, status: LIST_FILTER.status, locale: 'fr', limit: 10 }),
      floor: get('/bench-floor/list', { idfRegion: LIST_FILTER.idfRegion, status: LIST_FILTER.status, locale: 'fr', limit: 10 }),
      peer: { key: 'a', request: peerList },
      items: (json) => (json.docs ?? json.data)?.length ?? -1,
    },
    {
      key: 'cards-search',
      name: `“${SEARCH_TERM}” from the read model, 10 results`,
      api: get('/api/projects/cards', { q: SEARCH_TERM, locale: 'fr', limit: 10 }),
      floor: get('/bench-floor/search-all', { q: SEARCH_TERM, locale: 'fr', limit: 10 }),
      peer: { key: 'c', request: get('/items/projects', { search: SEARCH_TERM, limit: 10 }) },
      items: (json) => (json.docs ?? json.data)?.length ?? -1,
    },
    {
      key: 'cards-search-rare',
      name: `a rare word (“${rareWord}”) from the read model, English`,
      api: get('/api/projects/cards', { q: rareWord, locale: 'en', limit: 10 }),
      floor: get('/bench-floor/search-all', { q: rareWord, locale: 'en', limit: 10 }),
      peer: { key: 'c', request: get('/items/projects', { search: rareWord, limit: 10 }) },
      items: (json) => (json.docs ?? json.data)?.length ?? -1,
    },
    {
      key: 'cards-page',
      name: 'the project page from the read model (GET /api/projects/page/:slug)',
      api: get(`/api/projects/page/${encodeURIComponent(slug)}`, { locale: 'fr' }),
      floor: get('/bench-floor/page', { slug, locale: 'fr' }),
      peer: { key: 'b', request: peerPage },
      // The page itself, not a list: one item when it is there.
      items: (json) => (json.docs ?? json.data)?.length ?? (json.id !== undefined ? 1 : -1),
    },
    {
      key: 'cards-graphql',
      name: 'the filtered list from the read model through GraphQL (ProjectCards)',
      api: graphql('/api/graphql', CARDS_GRAPHQL),
      floor: get('/bench-floor/list', { idfRegion: LIST_FILTER.idfRegion, status: LIST_FILTER.status, locale: 'fr', limit: 10 }),
      peer: { key: 'd', request: graphql('/graphql', PEER_LIST_GRAPHQL) },
      items: (json) => (json.data?.ProjectCards?.docs ?? json.data?.projects ?? json.docs)?.length ?? -1,
    },
    {
      key: 'cards-facets',
      name: 'facets of the filtered list from the read model (GET /api/projects/cards/facets)',
      api: get('/api/projects/cards/facets', { idfRegion: LIST_FILTER.idfRegion, locale: 'fr' }),
      floor: get('/bench-floor/facets', { idfRegion: LIST_FILTER.idfRegion, locale: 'fr' }),
      items: (json) => json.totalDocs ?? -1,
    },
    {
      key: 'cards-facets-search',
      name: `the filter panel of a search for “${SEARCH_TERM}” (GET /api/projects/cards/facets?q=…): the site's search page`,
      api: get('/api/projects/cards/facets', { q: SEARCH_TERM, locale: 'fr' }),
      floor: get('/bench-floor/facets', { q: SEARCH_TERM, locale: 'fr' }),
      items: (json) => json.totalDocs ?? -1,
    },
  ]
}
