import config from '@payload-config'
import { unstable_cache } from 'next/cache'
import { getPayload, type Where } from 'payload'

import type { Locale } from '../domain/locales'
import type { ListFilters } from '../readModel/findCards'
import { projectFacets } from './facets'
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

/** The where clause of the public list's filters (also what the facets count). */
export const whereOf = async (query: ListQuery): Promise<Where> => {
  const and: Where[] = []
  for (const field of ['status', 'projectType', 'idfRegion', 'coverage'] as const) {
    if (query[field]) and.push({ [field]: { equals: query[field] } })
  }
  if (query.memberState) {
    const { docs } = await (await payload()).find({ collection: 'member-states', where: { iso2: { equals: query.memberState.toUpperCase() } }, depth: 0, limit: 1, select: { iso2: true } })
    and.push({ memberStates: { in: docs.map((doc) => doc.id).concat(docs.length ? [] : [-1]) } })
  }
  // A project runs in the range when it starts before its end and ends after its start.
  if (query.from) and.push({ or: [{ endYear: { greater_than_equal: query.from } }, { endYear: { exists: false } }] })
  if (query.to) and.push({ or: [{ startYear: { less_than_equal: query.to } }, { startYear: { exists: false } }] })
  if (query.q) and.push({ or: [{ title: { like: query.q } }, { projectId: { like: query.q } }, { primaId: { like: query.q } }, { summary: { like: query.q } }] })
  return and.length ? { and } : {}
}

const listProjectsUncached = async (query: ListQuery, locale: Locale) => {
  const where = await whereOf(query)
  const p = await payload()
  const [list, facets] = await Promise.all([
    p.find({
      collection: 'projects',
      where,
      locale,
      depth: 1,
      limit: PAGE_SIZE,
      page: query.page ?? 1,
      sort: ['-endYear', 'slug'],
      joins: false,
      overrideAccess: false,
      select: { title: true, slug: true, summary: true, status: true, projectType: true, idfRegion: true, startYear: true, endYear: true, memberStates: true, translatedLocales: true, labels: true },
      populate: { 'member-states': { name: true, iso2: true } },
    }),
    projectFacets(p, { where, locale }),
  ])
  return { ...list, facets }
}

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
