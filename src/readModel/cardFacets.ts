import type { Payload } from 'payload'

import { readContentVersion } from '../site/contentVersion'
import { currentMemberStateNames, type Facets, labelFacets } from '../site/facets'
import { countCardFacets } from './countCardFacets'
import { countFacetsInMemory } from './rowsInMemory'
import { type CardFilters, cardsWhere } from './findCards'
import { readStoredFacets } from './storedFacets'

/**
 * The facets of the card list (src/readModel/findCards.ts) for the same filters, as JSON text:
 * how many published projects match, per status, project type, IDF region, coverage, Member State
 * and start and end year, labels in the locale (the shape of `GET /api/projects/facets`). Counted
 * over the read model's rows, so the counts and the card list always mean the same search: the
 * generic facets count with Payload's `like` on each field in the locale, the cards search every
 * word in the shown text, accents folded. No filter or a single one: the stored panel
 * (src/readModel/storedFacets.ts); otherwise counted now.
 */
export const cardFacetsJson = async (payload: Payload, filters: CardFilters): Promise<string> =>
  (await readStoredFacets(payload, filters)) ?? JSON.stringify(await countedFacets(payload, filters))

/** The same, as an object (the site's list, GraphQL). */
export const cardFacets = async (payload: Payload, filters: CardFilters): Promise<Facets> => JSON.parse(await cardFacetsJson(payload, filters))

/**
 * The facets counted now, not read from a stored panel: from the rows held in memory for the
 * current generation of the content (src/readModel/rowsInMemory.ts), in the database while
 * they are being read.
 */
export const countedFacets = async (payload: Payload, filters: CardFilters): Promise<Facets> => {
  const generation = await readContentVersion(payload)
  const counts = countFacetsInMemory(payload, filters, generation) ?? (await countCardFacets(payload, cardsWhere(filters)))
  const names = counts.memberStates.size ? await currentMemberStateNames(payload, filters.locale, 'iso2', generation) : new Map()
  return labelFacets(payload, counts, filters.locale, 'iso2', names)
}
