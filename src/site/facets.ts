import type { Payload, PayloadRequest, Where } from 'payload'

import { type Locale, translate } from '../domain/locales'
import { COVERAGES, DEFAULT_PROJECT_TYPES, IDF_REGIONS, PROJECT_STATUSES, type Term } from '../domain/vocabularies'

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
export const projectFacets = async (payload: Payload, { where, locale, req }: { where?: Where; locale: Locale; req?: PayloadRequest }): Promise<Facets> => {
  const projectTypes = ((payload.config.custom as any)?.projectPages?.projectTypes ?? DEFAULT_PROJECT_TYPES) as Term[]
  const { docs } = await payload.find({
    collection: 'projects',
    where,
    depth: 0,
    limit: 0,
    pagination: false,
    joins: false,
    select: { status: true, projectType: true, idfRegion: true, coverage: true, memberStates: true, startYear: true, endYear: true },
    overrideAccess: false,
    ...(req ? { req, user: req.user } : {}),
  })
  const counts: Record<keyof Facets['facets'], Map<string | number, number>> = {
    status: new Map(),
    projectType: new Map(),
    idfRegion: new Map(),
    coverage: new Map(),
    memberStates: new Map(),
    startYear: new Map(),
    endYear: new Map(),
  }
  const add = (facet: keyof Facets['facets'], value: unknown) => {
    if (value === null || value === undefined || value === '') return
    const key = value as string | number
    counts[facet].set(key, (counts[facet].get(key) ?? 0) + 1)
  }
  for (const doc of docs as any[]) {
    for (const facet of ['status', 'projectType', 'idfRegion', 'coverage', 'startYear', 'endYear'] as const) add(facet, doc[facet])
    for (const state of doc.memberStates ?? []) add('memberStates', typeof state === 'object' ? state.id : state)
  }

  const stateIds = [...counts.memberStates.keys()]
  const { docs: states } = stateIds.length
    ? await payload.find({ collection: 'member-states', where: { id: { in: stateIds } }, locale, depth: 0, limit: 0, pagination: false, joins: false, select: { name: true, iso2: true } })
    : { docs: [] }
  const stateById = new Map(states.map((state: any) => [state.id, state]))

  const coded = (facet: 'status' | 'coverage' | 'idfRegion' | 'projectType') => {
    const terms = facet === 'projectType' ? projectTypes : CODED[facet]
    return terms
      .filter((term) => counts[facet].has(term.value))
      .map((term) => ({ value: term.value, label: translate(term.label, locale), count: counts[facet].get(term.value)! }))
  }
  const years = (facet: 'startYear' | 'endYear') =>
    [...counts[facet].entries()].sort(([a], [b]) => Number(a) - Number(b)).map(([value, count]) => ({ value, label: String(value), count }))

  return {
    totalDocs: docs.length,
    facets: {
      status: coded('status'),
      projectType: coded('projectType'),
      idfRegion: coded('idfRegion'),
      coverage: coded('coverage'),
      memberStates: [...counts.memberStates.entries()]
        .map(([id, count]) => ({ state: stateById.get(id), count }))
        .filter(({ state }) => state)
        .map(({ state, count }) => ({ value: state.iso2, label: state.name, count }))
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, locale)),
      startYear: years('startYear'),
      endYear: years('endYear'),
    },
  }
}
