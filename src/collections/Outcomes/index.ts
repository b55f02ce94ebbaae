import type { CollectionConfig, CollectionSlug, Validate } from 'payload'

import { FIELD_LABELS } from '../../domain/fieldLabels'
import { toRoman } from '../../domain/identifiers'
import { translate } from '../../domain/locales'
import { languageOf, message } from '../../domain/messages'
import { beginAtomicWrite, commitAtomicWrite } from '../../hooks/atomicWrites'
import { capPublicQueries } from '../../hooks/capPublicQueries'
import { refreshCardsOfDeletedOutcome, refreshCardsOfOutcome } from '../../hooks/keepProjectCards'
import { ensureRelationsExist } from '../../hooks/ensureRelationsExist'
import { authorFields, populateAuthors } from '../../hooks/populateAuthors'
import { hideUnreadableRelationFilters } from '../../hooks/hideUnreadableRelationFilters'
import { pruneVersions } from '../../hooks/pruneVersions'
import { rejectMalformedIds } from '../../hooks/rejectMalformedIds'
import { rejectUnknownOptions } from '../../hooks/rejectUnknownOptions'
import { rejectMalformedValues, rejectNulInQueries } from '../../hooks/rejectMalformedValues'
import { revalidateProjectPages, revalidateProjectPagesOnDelete } from '../../site/revalidate'
import { enforceOutcomeWorkflow } from '../../workflow/enforceOutcomeWorkflow'
import { firstPublishedAtField } from '../../workflow/firstPublication'
import { keepUnpublishForUnpublishing } from '../../workflow/keepUnpublishForUnpublishing'
import { reopenProjectForOutcomeEdit } from '../../workflow/reopenForOutcomeEdit'
import { protectPublished } from '../../workflow/protectPublished'
import { DEFAULT_VERSIONS_PER_DOCUMENT, editorialContent } from '../editorial'
import { publishedWithProject } from './access/publishedWithProject'
import { assignOrder } from './hooks/assignOrder'
import { ensureOrderFree } from './hooks/ensureOrderFree'
import { projectPublishedNow } from './hooks/followProjectPublication'

export const STATEMENT_MAX = 2000

const validateOrder: Validate<number> = (value, { req }) =>
  value === undefined || value === null || (Number.isInteger(value) && value >= 1)
    ? true
    : message(req, 'outcomeOrder')

/**
 * The statement is required in the locale being saved, except on a save that leaves an
 * untranslated locale untouched (changing the order from another language's view).
 */
const validateStatement: Validate<string> = (value, { operation, previousValue, req }) => {
  const text = typeof value === 'string' ? value.trim() : ''
  const field = translate(FIELD_LABELS.statement, languageOf(req))
  if (text.length > STATEMENT_MAX) return message(req, 'tooLong', { field, max: STATEMENT_MAX, length: text.length })
  if (text || (operation === 'update' && !previousValue)) return true
  return message(req, 'required', { field })
}

export const createOutcomesCollection = ({
  usersSlug,
  versionsPerDocument = DEFAULT_VERSIONS_PER_DOCUMENT,
}: {
  usersSlug: CollectionSlug
  /** How many versions of an outcome are kept (0: all); see src/hooks/pruneVersions.ts. */
  versionsPerDocument?: number
}): CollectionConfig => ({
  slug: 'outcomes',
  labels: {
    singular: { en: 'Outcome', fr: 'Effet direct', es: 'Resultado' },
    plural: { en: 'Outcomes', fr: 'Effets directs', es: 'Resultados' },
  },
  admin: {
    useAsTitle: 'statement',
    defaultColumns: ['statement', 'project', 'order', '_status'],
    components: {
      edit: {
        PublishButton: '/admin/ReviewerPublishControls#ReviewerPublishButton',
        UnpublishButton: '/admin/ReviewerPublishControls#ReviewerUnpublishButton',
      },
    },
  },
  ...editorialContent,
  access: { ...editorialContent.access, read: publishedWithProject },
  defaultSort: 'order',
  indexes: [{ fields: ['project', 'order'], unique: true }],
  hooks: {
    beforeOperation: [capPublicQueries, rejectMalformedIds, hideUnreadableRelationFilters([{ path: 'project.relatedProjects', collection: 'projects', requiredField: 'slug' }]), rejectUnknownOptions, rejectNulInQueries, enforceOutcomeWorkflow, keepUnpublishForUnpublishing, beginAtomicWrite],
    afterOperation: [commitAtomicWrite],
    beforeValidate: [rejectMalformedValues, assignOrder],
    beforeChange: [
      ensureRelationsExist([{ name: 'project', collection: 'projects' }]),
      ensureOrderFree,
      populateAuthors,
    ],
    beforeDelete: [protectPublished],
    afterChange: [reopenProjectForOutcomeEdit, refreshCardsOfOutcome, revalidateProjectPages, pruneVersions(versionsPerDocument)],
    afterDelete: [refreshCardsOfDeletedOutcome, revalidateProjectPagesOnDelete],
  },
  fields: [
    {
      name: 'project',
      type: 'relationship',
      label: FIELD_LABELS.project,
      relationTo: 'projects',
      required: true,
      index: true,
    },
    {
      name: 'order',
      type: 'number',
      label: FIELD_LABELS.order,
      validate: validateOrder,
      admin: {
        step: 1,
        description: {
          en: 'Position among the project’s outcomes (1 is shown as i). Left empty, the next number.',
          fr: 'Position parmi les effets directs du projet (1 s’affiche i). Laissé vide, le numéro suivant.',
          es: 'Posición entre los resultados del proyecto (1 se muestra como i). Si se deja vacío, el número siguiente.',
        },
      },
    },
    {
      name: 'numeral',
      type: 'text',
      label: FIELD_LABELS.numeral,
      virtual: true,
      admin: { readOnly: true, hidden: true },
      hooks: {
        afterRead: [({ data }) => (typeof data?.order === 'number' ? toRoman(data.order) : null)],
      },
    },
    {
      name: 'statement',
      type: 'textarea',
      label: FIELD_LABELS.statement,
      localized: true,
      validate: validateStatement,
    },
    {
      name: 'indicators',
      type: 'text',
      label: FIELD_LABELS.indicators,
      hasMany: true,
      localized: true,
    },
    {
      // Whether the project is published: public reads show an outcome only on a published page
      // (access/publishedWithProject.ts). Kept by the saves, never taken from the caller.
      name: 'projectPublished',
      type: 'checkbox',
      defaultValue: false,
      hidden: true,
      hooks: { beforeChange: [projectPublishedNow] },
    },
    firstPublishedAtField,
    ...authorFields(usersSlug),
  ],
})
