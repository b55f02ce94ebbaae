import type { CollectionConfig, CollectionSlug, FieldHook, PayloadRequest } from 'payload'
import { relationship as relationshipShape } from 'payload/shared'

import { FIELD_LABELS } from '../../domain/fieldLabels'
import { LOCALES } from '../../domain/locales'
import { relationIds } from '../../domain/relations'
import type { Term } from '../../domain/vocabularies'
import { COVERAGES, IDF_REGIONS, PROJECT_STATUSES, toOptions } from '../../domain/vocabularies'
import { beginAtomicWrite, commitAtomicWrite } from '../../hooks/atomicWrites'
import { capPublicQueries } from '../../hooks/capPublicQueries'
import { ensureRelationsExist } from '../../hooks/ensureRelationsExist'
import { generateSlug, validateSlug } from '../../hooks/generateSlug'
import { hideUnreadableRelationFilters, RELATED_PROJECTS_FILTER } from '../../hooks/hideUnreadableRelationFilters'
import { hideUnreadableRelations } from '../../hooks/hideUnreadableRelations'
import { pruneVersions } from '../../hooks/pruneVersions'
import { keepProjectCards, rememberReferrers, removeProjectCards } from '../../hooks/keepProjectCards'
import { CARD_SELECT } from '../../readModel/cards'
import { normalizeCode } from '../../hooks/normalizeCode'
import { authorFields, populateAuthors } from '../../hooks/populateAuthors'
import { rejectMalformedIds } from '../../hooks/rejectMalformedIds'
import { rejectUnknownOptions } from '../../hooks/rejectUnknownOptions'
import { rejectMalformedValues, rejectNulInQueries } from '../../hooks/rejectMalformedValues'
import { sanitizeRichText } from '../../hooks/sanitizeRichText'
import { ensureUnique } from '../../hooks/uniqueness'
import { revalidateProjectPages, revalidateProjectPagesOnDelete } from '../../site/revalidate'
import { notifyFrontEnds, notifyFrontEndsOnDelete, rememberWhetherLive } from '../../webhooks/notifyFrontEnds'
import { firstPublishedAtField } from '../../workflow/firstPublication'
import { keepUnpublishForUnpublishing } from '../../workflow/keepUnpublishForUnpublishing'
import { enforceProjectWorkflow } from '../../workflow/enforceProjectWorkflow'
import { reviewFields } from '../../workflow/fields'
import { protectPublished } from '../../workflow/protectPublished'
import { recordTransition } from '../../workflow/recordTransition'
import { reopenForReview } from '../../workflow/reopenForReview'
import { DEFAULT_VERSIONS_PER_DOCUMENT, editorialContent } from '../editorial'
import { cardFacetsEndpoint } from './endpoints/cardFacets'
import { cardsEndpoint } from './endpoints/cards'
import { exportProjectsEndpoint } from './endpoints/exportProjects'
import { facetsEndpoint } from './endpoints/facets'
import { pageEndpoint } from './endpoints/page'
import { deleteDependents } from './hooks/deleteDependents'
import { deriveProjectType } from './hooks/deriveProjectType'
import { populateTranslatedLocales } from './hooks/populateTranslatedLocales'
import { shareProjectPublication } from './hooks/shareProjectPublication'
import { labelsField } from './labels'
import {
  maxLength,
  SUMMARY_MAX,
  validateBeneficiaries,
  validateBudget,
  validateEndYear,
  validatePrimaId,
  validateProjectId,
  validateProjectType,
  validateRelatedProjects,
  validateTitle,
  validateYear,
} from './validators'

export type ProjectsCollectionOptions = {
  /** The project types the `projectType` field accepts, with their labels. */
  projectTypes: readonly Term[]
  /** The auth collection whose users are recorded in `createdBy` and `updatedBy`. */
  usersSlug: CollectionSlug
  /** How many versions of a project are kept (0: all); see src/hooks/pruneVersions.ts. */
  versionsPerDocument?: number
}

/** The same Member State named twice counts once. */
const dedupeRelations: FieldHook = ({ value }) => {
  if (!Array.isArray(value)) return value
  const seen = new Set<string>()
  return value.filter((item) => {
    const [id] = relationIds([item])
    if (id === undefined) return true
    if (seen.has(String(id))) return false
    seen.add(String(id))
    return true
  })
}

const yearField = (name: 'startYear' | 'endYear' | 'fundingYear') =>
  ({
    name,
    type: 'number',
    label: FIELD_LABELS[name],
    admin: { step: 1 },
    validate: name === 'endYear' ? validateEndYear : validateYear(name),
  }) as const

const previewPath = (slug: string, locale?: string) =>
  `/preview?path=${encodeURIComponent(`/${locale && locale !== 'all' ? locale : 'en'}/projects/${slug}`)}`

/** Where the admin is served from: live preview needs an absolute address on the same origin. */
const originOf = (req: PayloadRequest) =>
  process.env.SERVER_URL ? new URL(process.env.SERVER_URL).origin : `${req.headers.get('x-forwarded-proto') ?? 'http'}://${req.headers.get('x-forwarded-host') ?? req.headers.get('host')}`

/** The edit view's tabs, in the order the public page reads. */
const TAB_LABELS = {
  identity: { en: 'Identity', fr: 'Identité', es: 'Identidad' },
  metadata: { en: 'Project details', fr: 'Fiche du projet', es: 'Ficha del proyecto' },
  beneficiaries: { en: 'Beneficiaries', fr: 'Bénéficiaires', es: 'Beneficiarios' },
  description: { en: 'Description', fr: 'Description', es: 'Descripción' },
  outcomes: { en: 'Outcomes', fr: 'Effets directs', es: 'Resultados' },
  partners: { en: 'Partners', fr: 'Partenaires', es: 'Socios' },
}

/** Format hints under the identifier and budget inputs, in the admin's language. */
const HINTS = {
  primaId: {
    en: 'Two capital letters (the office), two digits, P, four digits: ZA10P0005.',
    fr: 'Deux majuscules (le bureau), deux chiffres, P, quatre chiffres : ZA10P0005.',
    es: 'Dos mayúsculas (la oficina), dos cifras, P, cuatro cifras: ZA10P0005.',
  },
  projectId: {
    en: 'Project type code, a dot, four digits: LM.0304 (older projects: V57-805).',
    fr: 'Code du type de projet, un point, quatre chiffres : LM.0304 (anciens projets : V57-805).',
    es: 'Código del tipo de proyecto, un punto, cuatro cifras: LM.0304 (proyectos antiguos: V57-805).',
  },
  budgetUSD: {
    en: 'In US dollars, at most two decimals: 150000.00.',
    fr: 'En dollars des États-Unis, deux décimales au plus : 150000.00.',
    es: 'En dólares estadounidenses, dos decimales como máximo: 150000.00.',
  },
}

export const createProjectsCollection = ({
  projectTypes,
  usersSlug,
  versionsPerDocument = DEFAULT_VERSIONS_PER_DOCUMENT,
}: ProjectsCollectionOptions): CollectionConfig => ({
  slug: 'projects',
  labels: {
    singular: { en: 'Project', fr: 'Projet', es: 'Proyecto' },
    plural: { en: 'Projects', fr: 'Projets', es: 'Proyectos' },
  },
  admin: {
    useAsTitle: 'title',
    // The Preview button opens the public page with the draft, in the locale being edited; live
    // preview shows it beside the form and refreshes on each save (src/site/LivePreviewRefresh).
    preview: (doc, { locale }) => (doc?.slug ? previewPath(String(doc.slug), locale) : null),
    livePreview: {
      url: ({ data, locale, req }) => (data?.slug ? `${originOf(req)}${previewPath(String(data.slug), locale?.code)}` : null),
    },
    components: {
      edit: {
        PublishButton: '/admin/ReviewerPublishControls#ReviewerPublishButton',
        UnpublishButton: '/admin/ReviewerPublishControls#ReviewerUnpublishButton',
      },
    },
    defaultColumns: ['title', 'reviewStatus', '_status', 'projectType', 'idfRegion', 'endYear', 'budgetUSD', 'translatedLocales'],
    listSearchableFields: ['title', 'projectId', 'primaId', 'slug'],
  },
  ...editorialContent,
  defaultSort: '-updatedAt',
  // A project shown on another page (a related project, an outcome's project) is a card, as the
  // lists show it: no rich text, and none of its own relations, whose state would then be part of
  // the other page's.
  defaultPopulate: CARD_SELECT,
  // The filters front ends combine, with the sort they use: a region and status page by end year
  // is read in index order instead of sorting every project of the region.
  indexes: [{ fields: ['idfRegion', 'status', 'endYear'] }, { fields: ['status', 'endYear'] }],
  endpoints: [exportProjectsEndpoint, facetsEndpoint, cardsEndpoint, cardFacetsEndpoint, pageEndpoint],
  hooks: {
    beforeOperation: [capPublicQueries, rejectMalformedIds, hideUnreadableRelationFilters([RELATED_PROJECTS_FILTER]), rejectUnknownOptions, rejectNulInQueries, enforceProjectWorkflow, keepUnpublishForUnpublishing, beginAtomicWrite],
    afterOperation: [commitAtomicWrite],
    beforeValidate: [rejectMalformedValues, generateSlug({ from: 'title' })],
    beforeChange: [
      reopenForReview,
      ensureUnique(['slug', 'primaId', 'projectId']),
      ensureRelationsExist([
        { name: 'memberStates', collection: 'member-states' },
        { name: 'relatedProjects', collection: 'projects' },
      ]),
      populateTranslatedLocales,
      populateAuthors,
      rememberWhetherLive,
    ],
    afterChange: [recordTransition, shareProjectPublication, keepProjectCards, revalidateProjectPages, notifyFrontEnds, pruneVersions(versionsPerDocument)],
    afterDelete: [removeProjectCards, revalidateProjectPagesOnDelete, notifyFrontEndsOnDelete],
    beforeDelete: [protectPublished, deleteDependents, rememberReferrers],
  },
  fields: [
    {
      // The review panel: state, note, the steps this person may take, history (src/admin/ReviewPanel).
      name: 'reviewPanel',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/admin/ReviewPanel#ReviewPanel' } },
    },
    {
      name: 'slug',
      type: 'text',
      label: FIELD_LABELS.slug,
      unique: true,
      index: true,
      validate: validateSlug,
      admin: {
        position: 'sidebar',
        description: {
          en: 'The page address. Left empty, it is made from the title.',
          fr: 'L’adresse de la page. Laissé vide, il est tiré du titre.',
          es: 'La dirección de la página. Si se deja vacío, se crea a partir del título.',
        },
      },
    },
    {
      name: 'translatedLocales',
      type: 'select',
      label: FIELD_LABELS.translatedLocales,
      hasMany: true,
      options: LOCALES.map((code) => ({ value: code, label: code.toUpperCase() })),
      enumName: 'enum_projects_translated_locales',
      admin: {
        position: 'sidebar',
        readOnly: true,
        components: { Cell: '/admin/cells/LocalesCell#LocalesCell' },
        description: {
          en: 'The languages this project has a title in. Set automatically.',
          fr: 'Les langues dans lesquelles ce projet a un titre. Rempli automatiquement.',
          es: 'Los idiomas en que este proyecto tiene título. Se rellena automáticamente.',
        },
      },
    },
    {
      // Grouped as the public page reads. Unnamed tabs: the fields stay top-level in the data.
      type: 'tabs',
      tabs: [
          {
            label: TAB_LABELS.identity,
            fields: [
            {
              name: 'title',
              type: 'text',
              label: FIELD_LABELS.title,
              localized: true,
              validate: validateTitle,
            },
            {
              name: 'summary',
              type: 'textarea',
              label: FIELD_LABELS.summary,
              localized: true,
              validate: maxLength('summary', SUMMARY_MAX),
            },
            ],
          },
          {
            label: TAB_LABELS.metadata,
            fields: [
            yearField('startYear'),
            yearField('endYear'),
            {
              name: 'status',
              type: 'select',
              label: FIELD_LABELS.status,
              options: toOptions(PROJECT_STATUSES),
              // A select named `status` on a drafts collection would share Postgres' enum with `_status`.
              enumName: 'enum_projects_project_status',
              index: true,
            },
            {
              name: 'projectType',
              type: 'text',
              label: FIELD_LABELS.projectType,
              index: true,
              validate: validateProjectType(projectTypes),
              hooks: { beforeValidate: [deriveProjectType(projectTypes)] },
              admin: {
                components: {
                  Field: {
                    path: '/admin/ProjectTypeSelect#ProjectTypeSelect',
                    clientProps: {
                      options: projectTypes.map(({ value, label }) => ({
                        value,
                        label: { en: `${value} — ${label.en}`, fr: `${value} — ${label.fr}`, es: `${value} — ${label.es}` },
                      })),
                    },
                  },
                },
                description: {
                  en: 'The two letters before the dot of the project ID. Left empty, it is read off the project ID.',
                  fr: 'Les deux lettres avant le point du Projet ID. Laissé vide, il est lu dans le Projet ID.',
                  es: 'Las dos letras antes del punto del ID del proyecto. Si se deja vacío, se toma del ID del proyecto.',
                },
              },
            },
            {
              name: 'budgetUSD',
              type: 'number',
              label: FIELD_LABELS.budgetUSD,
              validate: validateBudget,
              admin: {
        step: 0.01,
        placeholder: '150000.00',
        description: HINTS.budgetUSD,
        components: { Cell: '/admin/cells/BudgetCell#BudgetCell' },
      },
            },
            {
              name: 'coverage',
              type: 'select',
              label: FIELD_LABELS.coverage,
              options: toOptions(COVERAGES),
              enumName: 'enum_projects_coverage',
            },
            yearField('fundingYear'),
            {
              name: 'idfRegion',
              type: 'select',
              label: FIELD_LABELS.idfRegion,
              options: toOptions(IDF_REGIONS),
              enumName: 'enum_projects_idf_region',
              index: true,
            },
            {
              name: 'primaId',
              type: 'text',
              label: FIELD_LABELS.primaId,
              unique: true,
              validate: validatePrimaId,
              hooks: { beforeValidate: [normalizeCode] },
              admin: { placeholder: 'ZA10P0005', description: HINTS.primaId },
            },
            {
              name: 'projectId',
              type: 'text',
              label: FIELD_LABELS.projectId,
              unique: true,
              validate: validateProjectId,
              hooks: { beforeValidate: [normalizeCode] },
              admin: { placeholder: 'LM.0304', description: HINTS.projectId },
            },
            ],
          },
          {
            label: TAB_LABELS.beneficiaries,
            fields: [
            {
              name: 'memberStates',
              type: 'relationship',
              label: FIELD_LABELS.memberStates,
              relationTo: 'member-states',
              hasMany: true,
              hooks: { beforeValidate: [dedupeRelations] },
              validate: async (value, options) => {
                const shape = await relationshipShape(value, options)
                return shape === true ? validateBeneficiaries(value, options) : shape
              },
            },
            ],
          },
          {
            label: TAB_LABELS.description,
            fields: [
            {
              name: 'description',
              type: 'richText',
              label: FIELD_LABELS.description,
              localized: true,
              hooks: { beforeValidate: [sanitizeRichText] },
            },
            ],
          },
          {
            label: TAB_LABELS.outcomes,
            fields: [
            {
              name: 'outcomes',
              type: 'join',
              label: FIELD_LABELS.outcomes,
              collection: 'outcomes',
              on: 'project',
              defaultSort: 'order',
              defaultLimit: 50,
            },
            ],
          },
          {
            label: TAB_LABELS.partners,
            fields: [
            {
              name: 'partners',
              type: 'text',
              label: FIELD_LABELS.partners,
              hasMany: true,
              localized: true,
            },
            {
              name: 'relatedProjects',
              type: 'relationship',
              label: FIELD_LABELS.relatedProjects,
              relationTo: 'projects',
              hasMany: true,
              hooks: { beforeValidate: [dedupeRelations], afterRead: [hideUnreadableRelations('projects')] },
              filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
              validate: async (value, options) => {
                const shape = await relationshipShape(value, options)
                return shape === true ? validateRelatedProjects(value, options) : shape
              },
            },
            ],
          },
      ],
    },
    labelsField(projectTypes),
    ...reviewFields(usersSlug),
    firstPublishedAtField,
    ...authorFields(usersSlug),
  ],
})
