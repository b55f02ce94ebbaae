import type { Payload, PayloadRequest } from 'payload'

import { dequal } from 'dequal'

import { LOCALES, type Locale } from '../../domain/locales'

const LOCALIZED = ['title', 'summary', 'description', 'partners'] as const

const inLocale = (doc: Record<string, any> | undefined, field: string, locale: Locale) => {
  const value = doc?.[field]?.[locale]
  return value === '' || (Array.isArray(value) && value.length === 0) ? null : (value ?? null)
}

/**
 * The languages in which a project's draft differs from its published version, or, for a page
 * never published, the languages it is written in (`isNew`). Read in every locale at once.
 */
export const changedLocales = async (
  payload: Payload,
  id: number | string,
  req?: Partial<PayloadRequest>,
): Promise<{ locales: Locale[]; isNew: boolean }> => {
  const draft = (await payload.findByID({ collection: 'projects', id, draft: true, locale: 'all', depth: 0, joins: false, req, overrideAccess: true })) as Record<string, any>
  const { docs } = await payload.findVersions({
    collection: 'projects',
    where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] },
    sort: '-updatedAt',
    limit: 1,
    locale: 'all',
    depth: 0,
    req,
    overrideAccess: true,
  })
  const published = docs[0]?.version as Record<string, any> | undefined
  if (!published) return { locales: LOCALES.filter((locale) => inLocale(draft, 'title', locale)), isNew: true }
  return {
    locales: LOCALES.filter((locale) => LOCALIZED.some((field) => !dequal(inLocale(draft, field, locale), inLocale(published, field, locale)))),
    isNew: false,
  }
}
