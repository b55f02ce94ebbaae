import config from '@payload-config'
import { unstable_cache } from 'next/cache'
import { getPayload } from 'payload'

import type { Locale } from '../domain/locales'
import { cardFacets } from '../readModel/cardFacets'
import { type CardFilters, findProjectCards, type ListFilters } from '../readModel/findCards'
import type { Facets } from './facets'
import { readContentVersion } from './contentVersion'
import { TAGS } from './revalidate'

/**
 * What the public pages read: published content only (read with access enforced and no user),
 * cached by Next.js under tags that the collections' hooks expire on every change
 * (src/site/revalidate.ts). Previews (draft mode) read past the cache with the editor's access.
 */
const payload = () => getPayload({ config })

export type ListQuery = ListFilters & { page?: number }

export const PAGE_SIZE = 10

/**
 * One page of the public list and its filter panel, from the read model (src/readModel): the
 * cards and the facets count over the same rows with the same filters, so the count, the panel and
 * the list always agree (the search is every word in the shown title, IDs or summary, accents
 * folded). Unknown filter values (a hand-edited URL) match nothing, as an unknown Member State does.
 */
const listProjectsUncached = async (query: ListQuery, locale: Locale) => {
  const p = await payload()
  const { page = 1, ...listFilters } = query
  const memberState = query.memberState?.toUpperCase()
  const filters: CardFilters = { ...listFilters, memberState, locale }
  const [cards, facets] =
    memberState && !/^[A-Z]{2}$/.test(memberState)
      ? [{ json: '{"docs":[]}' }, emptyFacets()]
      : await Promise.all([findProjectCards(p, { ...filters, sort: '-endYear', limit: PAGE_SIZE, page }), cardFacets(p, filters)])
  const totalPages = Math.max(1, Math.ceil(facets.totalDocs / PAGE_SIZE))
  return {
    docs: JSON.parse(cards.json).docs as Record<string, any>[],
    totalDocs: facets.totalDocs,
    page,
    totalPages,
    hasPrevPage: page > 1,
    hasNextPage: page < totalPages,
    prevPage: page > 1 ? page - 1 : null,
    nextPage: page < totalPages ? page + 1 : null,
    facets,
  }
}

const emptyFacets = (): Facets => ({
  totalDocs: 0,
  facets: { status: [], projectType: [], idfRegion: [], coverage: [], memberStates: [], startYear: [], endYear: [] },
})

/** The shared content generation, part of every cache key: another instance's change misses the cache here. */
const generation = async () => readContentVersion(await payload())

export const listProjects = async (query: ListQuery, locale: Locale) =>
  unstable_cache(() => listProjectsUncached(query, locale), ['site:list', await generation(), locale, JSON.stringify(query)], { tags: [TAGS.projects, TAGS.memberStates] })()

const projectPageUncached = async (slug: string, locale: Locale, preview?: { user: any }) => {
  const p = await payload()
  const access = preview ? { draft: true, overrideAccess: false, user: preview.user } : { overrideAccess: false }
  const { docs } = await p.find({
    collection: 'projects',
    where: { slug: { equals: slug } },
    locale,
    depth: 1,
    limit: 1,
    joins: false,
    populate: { 'member-states': { name: true, iso2: true }, projects: { title: true, slug: true, translatedLocales: true } },
    ...access,
  })
  const project = docs[0] as any
  if (!project) return null
  const { docs: outcomes } = await p.find({
    collection: 'outcomes',
    where: { project: { equals: project.id } },
    locale,
    sort: 'order',
    depth: 0,
    limit: 100,
    select: { statement: true, order: true, numeral: true },
    ...access,
  })
  return { project, outcomes }
}

/** A project page's content, or null when no published project has this slug. */
export const projectPage = async (slug: string, locale: Locale, preview?: { user: any }) =>
  preview
    ? projectPageUncached(slug, locale, preview)
    : unstable_cache(() => projectPageUncached(slug, locale), ['site:project', await generation(), slug, locale], { tags: [TAGS.projects, TAGS.memberStates] })()

const memberStatePageUncached = async (iso2: string, locale: Locale) => {
  const p = await payload()
  const { docs } = await p.find({ collection: 'member-states', where: { iso2: { equals: iso2.toUpperCase() } }, locale, depth: 0, limit: 1, joins: false })
  const state = docs[0] as any
  if (!state) return null
  const { docs: projects } = await p.find({
    collection: 'projects',
    where: { memberStates: { in: [state.id] } },
    locale,
    depth: 0,
    limit: 0,
    pagination: false,
    sort: ['-endYear', 'slug'],
    joins: false,
    overrideAccess: false,
    select: { title: true, slug: true, startYear: true, endYear: true, labels: true, status: true, translatedLocales: true },
  })
  return { state, projects }
}

export const memberStatePage = async (iso2: string, locale: Locale) =>
  unstable_cache(() => memberStatePageUncached(iso2, locale), ['site:member-state', await generation(), iso2.toUpperCase(), locale], { tags: [TAGS.projects, TAGS.memberStates] })()

/** Every published project with the languages it exists in, for the sitemap. */
export const publishedPages = async () => unstable_cache(
  async () =>
    (
      await (await payload()).find({
        collection: 'projects',
        depth: 0,
        limit: 0,
        pagination: false,
        joins: false,
        overrideAccess: false,
        select: { slug: true, translatedLocales: true, updatedAt: true },
      })
    ).docs as { slug: string; translatedLocales?: Locale[]; updatedAt: string }[],
  ['site:sitemap', await generation()],
  { tags: [TAGS.projects] },
)()
