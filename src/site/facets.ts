import type { CollectionBeforeOperationHook, Payload, PayloadRequest, Where } from 'payload'
import { combineQueries, createLocalReq, executeAccess, validateQueryPaths } from 'payload'

import { type Locale, translate } from '../domain/locales'
import { COVERAGES, configuredProjectTypes, IDF_REGIONS, PROJECT_STATUSES } from '../domain/vocabularies'
import { hideUnreadableRelationFilters, RELATED_PROJECTS_FILTER } from '../hooks/hideUnreadableRelationFilters'
import { rejectMalformedIds } from '../hooks/rejectMalformedIds'
import { rejectNulInQueries } from '../hooks/rejectMalformedValues'
import { rejectUnknownOptions } from '../hooks/rejectUnknownOptions'
import { readContentVersion } from './contentVersion'
import { COLUMN_FACETS, countFacetsInSql, emptyFacetCounts, type FacetCounts } from './facetCounts'

export type FacetValue = { value: string | number; label: string; count: number }
export type Facets = {
  totalDocs: number
  facets: Record<'status' | 'projectType' | 'idfRegion' | 'coverage' | 'memberStates' | 'startYear' | 'endYear', FacetValue[]>
}

const CODED = { status: PROJECT_STATUSES, coverage: COVERAGES, idfRegion: IDF_REGIONS } as const

/**
 * Counts of the published projects that match `where`, per status, project type, IDF region,
 * coverage, Member State and start and end year, with each value's label in the locale: what a
 * front end's filter panel shows, in one call. Values with no project are left out.
 */
export const projectFacets = async (payload: Payload, { where, locale, req }: { where?: Where; locale: Locale; req?: PayloadRequest }): Promise<Facets> =>
  labelFacets(payload, await countFacets(payload, { where, locale, req }), locale, 'id')

/**
 * Facets from their counts: coded values with their labels in the locale, in the vocabulary's
 * order; Member States by ISO code with their names, most projects first; years in order. The
 * counts' Member States are keyed by document id (`by: 'id'`) or by ISO code (`'iso2'`, the read
 * model's). Values with no project are left out.
 */
export const labelFacets = async (payload: Payload, counts: FacetCounts, locale: Locale, by: 'id' | 'iso2', known?: MemberStateNames): Promise<Facets> => {
  const projectTypes = configuredProjectTypes(payload.config)
  const stateBy = known ?? (counts.memberStates.size ? await currentMemberStateNames(payload, locale, by) : new Map())

  const coded = (facet: 'status' | 'coverage' | 'idfRegion' | 'projectType') => {
    const terms = facet === 'projectType' ? projectTypes : CODED[facet]
    return terms
      .filter((term) => counts.columns[facet].has(term.value))
      .map((term) => ({ value: term.value, label: translate(term.label, locale), count: counts.columns[facet].get(term.value)! }))
  }
  const years = (facet: 'startYear' | 'endYear') =>
    [...counts.columns[facet].entries()].sort(([a], [b]) => Number(a) - Number(b)).map(([value, count]) => ({ value, label: String(value), count }))

  return {
    totalDocs: counts.totalDocs,
    facets: {
      status: coded('status'),
      projectType: coded('projectType'),
      idfRegion: coded('idfRegion'),
      coverage: coded('coverage'),
      memberStates: [...counts.memberStates.entries()]
        .map(([key, count]) => ({ state: stateBy.get(key), count }))
        .filter(({ state }) => state)
        .map(({ state, count }) => ({ value: state.iso2, label: state.name, count }))
        .sort((a, b) => b.count - a.count || collator(locale).compare(a.label, b.label)),
      startYear: years('startYear'),
      endYear: years('endYear'),
    },
  }
}

const collators = new Map<Locale, Intl.Collator>()
/** The locale's collator, made once: `localeCompare(other, locale)` looks one up on every call (0.15 ms of CPU a panel). */
const collator = (locale: Locale) => collators.get(locale) ?? collators.set(locale, new Intl.Collator(locale)).get(locale)!

/** Member States' names (and codes) in one locale, by id or by ISO code. */
export type MemberStateNames = Map<unknown, { name: string; iso2: string }>

const namesOfGeneration = new WeakMap<Payload, Map<string, { generation: string; names: Promise<MemberStateNames> }>>()

/**
 * Every Member State's name and code in `locale`, by id or ISO code, as committed: read once per
 * generation of the public content (src/site/contentVersion.ts), which every change to a Member
 * State moves on, in the same transaction and for every server instance. A filter panel counted
 * on request (a search's, two filters') named its States with a Local API find of about 170
 * documents on each request: 8.7 ms of CPU of the 11 its request took in process, at 10,000
 * projects; reading the generation is one indexed read. `known`: the generation, when the caller
 * read it already.
 */
export const currentMemberStateNames = async (payload: Payload, locale: Locale, by: 'id' | 'iso2', known?: string): Promise<MemberStateNames> => {
  const generation = known ?? (await readContentVersion(payload))
  let kept = namesOfGeneration.get(payload)
  if (!kept) namesOfGeneration.set(payload, (kept = new Map()))
  const key = `${locale}:${by}`
  const current = kept.get(key)
  if (current?.generation === generation) return current.names
  const names = memberStateNames(payload, locale, by)
  kept.set(key, { generation, names })
  // A failed read is not kept: the next request reads again.
  names.catch(() => kept.get(key)?.names === names && kept.delete(key))
  return names
}

/** Every Member State's name and code in `locale`; `req` reads inside its transaction. */
export const memberStateNames = async (payload: Payload, locale: Locale, by: 'id' | 'iso2', req?: PayloadRequest): Promise<MemberStateNames> => {
  const { docs } = await payload.find({ collection: 'member-states', locale, depth: 0, limit: 0, pagination: false, joins: false, select: { name: true, iso2: true }, req })
  return new Map(docs.map((state: any) => [state[by], state]))
}

/**
 * The counts behind the facets, among the projects the caller may read that match `where`: in the
 * database on SQL adapters (src/site/facetCounts.ts), by reading the matching projects' coded
 * fields elsewhere (MongoDB). `where` is checked as `find` checks it: fields the caller may not
 * read or filter on are refused, as are malformed IDs.
 */
const countFacets = async (payload: Payload, { where = {}, locale, req: given }: { where?: Where; locale: Locale; req?: PayloadRequest }): Promise<FacetCounts> => {
  const req = given ?? (await createLocalReq({}, payload))
  const collection = payload.collections.projects.config
  rejectMalformedIds({ args: { where }, collection, operation: 'read', req } as unknown as Parameters<typeof rejectMalformedIds>[0])
  where = ((await hideUnreadableRelationFilters([RELATED_PROJECTS_FILTER])({ args: { where }, collection, operation: 'read', req } as unknown as Parameters<CollectionBeforeOperationHook>[0])) as { where: Where }).where
  rejectUnknownOptions({ args: { where }, collection, operation: 'read', req } as unknown as Parameters<typeof rejectUnknownOptions>[0])
  rejectNulInQueries({ args: { where }, collection, operation: 'read', req } as unknown as Parameters<typeof rejectNulInQueries>[0])
  await validateQueryPaths({ collectionConfig: collection, overrideAccess: false, req, where })
  const access = await executeAccess({ req, disableErrors: true }, collection.access.read)
  if (access === false) return emptyFacetCounts()
  const combined = combineQueries(where, access)
  const inSql = await countFacetsInSql(payload, combined, locale)
  if (inSql) return inSql

  const { docs } = await payload.find({
    collection: 'projects',
    where: combined,
    depth: 0,
    limit: 0,
    pagination: false,
    joins: false,
    select: { status: true, projectType: true, idfRegion: true, coverage: true, memberStates: true, startYear: true, endYear: true },
    locale,
    // Access is already in `combined`. Read as server code, not as the caller: an anonymous REST
    // caller's read is capped at 250 documents (capPublicQueries), which would cut the count short.
    overrideAccess: true,
  })
  const counts = emptyFacetCounts()
  const add = (map: Map<string | number, number>, value: unknown) => {
    if (value === null || value === undefined || value === '') return
    map.set(value as string | number, (map.get(value as string | number) ?? 0) + 1)
  }
  for (const doc of docs as Record<string, any>[]) {
    for (const facet of COLUMN_FACETS) add(counts.columns[facet], doc[facet])
    for (const state of doc.memberStates ?? []) add(counts.memberStates, typeof state === 'object' ? state.id : state)
  }
  counts.totalDocs = docs.length
  return counts
}
