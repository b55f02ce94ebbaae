import type { CollectionConfig } from 'payload'

import { LOCALES } from '../../domain/locales'
import { READ_MODEL_COLLECTION } from '../readModelCollection'

/**
 * The read model's stored filter panels (src/readModel/storedFacets.ts): the answer of
 * `GET /api/projects/cards/facets` for no filter and for each single filter value (a status, a
 * project type, a region, a coverage, a Member State), per locale, as JSON text. Written by the
 * same hooks, in the same transaction, as the cards (`project-cards`); other filters are counted
 * when asked. Nobody reads or writes it through the API.
 */
export const ProjectCardFacets: CollectionConfig = {
  slug: 'project-card-facets',
  labels: {
    singular: { en: 'Stored filter panel', fr: 'Panneau de filtres enregistré', es: 'Panel de filtros guardado' },
    plural: { en: 'Stored filter panels', fr: 'Panneaux de filtres enregistrés', es: 'Paneles de filtros guardados' },
  },
  ...READ_MODEL_COLLECTION,
  indexes: [{ fields: ['filter', 'locale'], unique: true }],
  fields: [
    // "all" for no filter, else "field:value" ("idfRegion:africa", "memberState:KE").
    { name: 'filter', type: 'text', required: true },
    { name: 'locale', type: 'select', required: true, options: LOCALES.map((code) => ({ value: code, label: code })), enumName: 'enum_project_card_facets_locale' },
    { name: 'facets', type: 'textarea', required: true },
  ],
}
