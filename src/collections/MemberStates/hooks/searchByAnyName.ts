import type { CollectionBeforeOperationHook, Where } from 'payload'

import { LOCALES } from '../../../domain/locales'
import { fold } from '../../../domain/fold'

const SEARCHING = 'member-states:search'

type NameSearch = { like?: unknown; contains?: unknown }

/** Every `name: { like }` (or `contains`) in a where clause, wherever it is nested. */
const nameSearches = (where: unknown, found: NameSearch[] = []): NameSearch[] => {
  if (Array.isArray(where)) for (const item of where) nameSearches(item, found)
  else if (where && typeof where === 'object') {
    for (const [key, value] of Object.entries(where)) {
      if (key === 'name' && value && typeof value === 'object' && ('like' in value || 'contains' in value)) found.push(value as NameSearch)
      else nameSearches(value, found)
    }
  }
  return found
}

/** The where clause with each name search replaced by `id in [ids]`. */
const replaceSearches = (where: unknown, ids: (number | string)[]): unknown => {
  if (Array.isArray(where)) return where.map((item) => replaceSearches(item, ids))
  if (!where || typeof where !== 'object') return where
  return Object.fromEntries(
    Object.entries(where).map(([key, value]) =>
      key === 'name' && value && typeof value === 'object' && ('like' in value || 'contains' in value)
        ? ['id', { in: ids.length ? ids : [-1] }]
        : [key, replaceSearches(value, ids)],
    ),
  )
}

/**
 * A search by name finds a State by its name in any of the three languages, accents ignored, or by
 * its ISO code: "Mexique", "méxico" and "MX" all find Mexico in the admin's Member State picker
 * (Payload searches only `useAsTitle` in the admin's locale) and in the list's search box.
 */
export const searchByAnyName: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'read' || req.context[SEARCHING]) return args
  const searches = nameSearches((args as { where?: unknown }).where)
  if (searches.length === 0) return args
  const wanted = String(searches[0]!.like ?? searches[0]!.contains ?? '')
  const terms = fold(wanted).split(' ').filter(Boolean)
  req.context[SEARCHING] = true
  try {
    // Not on `req`: a Local API call sharing the request would switch its locale to 'all'.
    const { docs } = await req.payload.find({
      collection: 'member-states',
      locale: 'all',
      depth: 0,
      limit: 0,
      pagination: false,
      select: { name: true, iso2: true, iso3: true },
      context: { [SEARCHING]: true },
    })
    const ids = docs
      .filter((state: any) => {
        const names = LOCALES.map((locale) => fold(state.name?.[locale] ?? '')).join(' | ')
        const code = wanted.trim().toUpperCase()
        return code === state.iso2 || code === state.iso3 || terms.every((term) => names.includes(term))
      })
      .map((state) => state.id)
    return { ...args, where: replaceSearches((args as { where?: unknown }).where, ids) as Where }
  } finally {
    delete req.context[SEARCHING]
  }
}
