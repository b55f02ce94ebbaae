import type { CollectionConfig } from 'payload'

import { LOCALES } from '../../domain/locales'
import { READ_MODEL_COLLECTION } from '../readModelCollection'

/**
 * The read model behind `GET /api/projects/cards` and `GET /api/projects/page/:slug`
 * (src/readModel): one row per published project and locale, holding its list card and its page as
 * the REST API would answer them (JSON text) and the columns the public list filters and sorts on. Written only by the projects' and Member States' hooks
 * and outcomes' hooks (src/hooks/keepProjectCards.ts) in the writing transaction, and rebuilt whole at start when it
 * is out of step. Nobody reads or writes it through the API: it is served by its own endpoint.
 */
export const ProjectCards: CollectionConfig = {
  slug: 'project-cards',
  labels: {
    singular: { en: 'Project card', fr: 'Fiche de projet', es: 'Ficha de proyecto' },
    plural: { en: 'Project cards', fr: 'Fiches de projet', es: 'Fichas de proyecto' },
  },
  ...READ_MODEL_COLLECTION,
  // The list's filters, then its sort: a region and status page by end year is read in index order.
  // The first of them also holds every column the facets count (src/readModel/cardFacets.ts), so
  // they are counted from the index alone, never from the rows with their stored pages.
  // The generic list answered from these rows (src/readModel/genericList.ts) breaks ties in its
  // order as Payload does, by the project's creation, newest first: read from the index too.
  indexes: [
    { fields: ['project', 'locale'], unique: true },
    { fields: ['slug', 'locale'] },
    { fields: ['locale', 'idfRegion', 'status', 'endYear', 'projectType', 'coverage', 'startYear', 'memberStates'] },
    { fields: ['locale', 'idfRegion', 'status', 'endYear', 'projectCreatedAt'] },
    { fields: ['locale', 'status', 'endYear', 'projectCreatedAt'] },
    { fields: ['locale', 'endYear', 'projectCreatedAt'] },
    // A title search in the default order (last updated first), read in that order from the index.
    { fields: ['locale', 'projectUpdatedAt', 'projectCreatedAt', 'ownTitle'] },
  ],
  fields: [
    // The project's ID as text: numbers on SQL databases, ObjectIds on MongoDB.
    { name: 'project', type: 'text', required: true, index: true },
    { name: 'locale', type: 'select', required: true, options: LOCALES.map((code) => ({ value: code, label: code })), enumName: 'enum_project_cards_locale' },
    { name: 'slug', type: 'text', required: true },
    { name: 'title', type: 'text' },
    { name: 'status', type: 'text' },
    { name: 'projectType', type: 'text' },
    { name: 'idfRegion', type: 'text' },
    { name: 'coverage', type: 'text' },
    { name: 'startYear', type: 'number' },
    { name: 'endYear', type: 'number' },
    // When the project was created and last updated: Payload's default order (`-updatedAt`) and
    // its last word on any order (`-createdAt`).
    { name: 'projectCreatedAt', type: 'date' },
    { name: 'projectUpdatedAt', type: 'date' },
    // The title written in this locale (null when the page falls back to another): what a REST
    // `where[title][like]` searches.
    { name: 'ownTitle', type: 'text' },
    // The Member States' ISO codes between commas (",KE,UG,"), for the Member State filter.
    { name: 'memberStates', type: 'text' },
    // Title, project ID, PRIMA ID and summary in this locale, folded (case, accents, œ, ’): what `q` searches.
    { name: 'search', type: 'textarea' },
    // The card and the page, as JSON text: served as they are stored, never parsed on a read.
    { name: 'card', type: 'textarea', required: true },
    { name: 'page', type: 'textarea', required: true },
  ],
}
