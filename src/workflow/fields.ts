import type { CollectionSlug, Field } from 'payload'

import { authenticatedField } from '../access'
import { toOptions } from '../domain/vocabularies'
import { REVIEW_STATES } from './states'

/** The review state of a project, its last note and its history: staff see them, the public never. */
export const reviewFields = (usersSlug: CollectionSlug): Field[] => [
  {
    name: 'reviewStatus',
    type: 'select',
    label: { en: 'Review state', fr: 'État de relecture', es: 'Estado de revisión' },
    options: toOptions(REVIEW_STATES),
    defaultValue: 'draft',
    enumName: 'enum_projects_review_status',
    index: true,
    access: { read: authenticatedField },
    // Shown and driven by the review panel (src/admin/ReviewPanel); a badge in the list.
    admin: { position: 'sidebar', hidden: false, readOnly: true, condition: () => false, components: { Cell: '/admin/cells/ReviewStatusCell#ReviewStatusCell' } },
  },
  {
    name: 'reviewNote',
    type: 'textarea',
    label: { en: 'Review note', fr: 'Note de relecture', es: 'Nota de revisión' },
    access: { read: authenticatedField },
    admin: {
      position: 'sidebar',
      condition: () => false,
      description: {
        en: 'Required when requesting changes: say what must change.',
        fr: 'Obligatoire pour demander des modifications : dites ce qui doit changer.',
        es: 'Obligatoria al solicitar cambios: indique qué debe cambiar.',
      },
    },
  },
  {
    name: 'publishAt',
    type: 'date',
    label: { en: 'Publish on', fr: 'Publier le', es: 'Publicar el' },
    access: { read: authenticatedField },
    admin: {
      position: 'sidebar',
      condition: () => false,
      date: { pickerAppearance: 'dayAndTime' },
      description: {
        en: 'Set when approving to publish later; empty publishes at once.',
        fr: 'À l’approbation, pour publier plus tard ; vide, la publication est immédiate.',
        es: 'Al aprobar, para publicar más tarde; vacío, se publica de inmediato.',
      },
    },
  },
  {
    // Who edited the current draft since the last approval: they cannot approve it (four eyes).
    name: 'reviewEditors',
    type: 'relationship',
    label: { en: 'Edited since approval by', fr: 'Modifié depuis l’approbation par', es: 'Editado desde la aprobación por' },
    relationTo: usersSlug,
    hasMany: true,
    access: { read: authenticatedField },
    admin: { hidden: true },
  },
  {
    name: 'reviewHistory',
    type: 'join',
    label: { en: 'Review history', fr: 'Historique de relecture', es: 'Historial de revisión' },
    collection: 'review-events',
    on: 'project',
    defaultSort: 'createdAt',
    defaultLimit: 100,
    admin: { hidden: true },
  },
]
