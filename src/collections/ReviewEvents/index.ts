import type { CollectionConfig, CollectionSlug } from 'payload'

import { authenticated, authenticatedField, hasRole } from '../../access'
import { REVIEW_STATES } from '../../workflow/states'
import { toOptions } from '../../domain/vocabularies'
import { nameOfAuthor } from './hooks/nameOfAuthor'

/**
 * The review history of projects, append-only: every workflow transition (who, when, from, to,
 * the note, whether an admin overrode the four-eyes rule) and the notes staff leave on a draft.
 * Staff read it; nobody rewrites it. Transitions are written by the workflow hooks alone.
 */
export const createReviewEventsCollection = ({ usersSlug }: { usersSlug: CollectionSlug }): CollectionConfig => ({
  slug: 'review-events',
  labels: {
    singular: { en: 'Review event', fr: 'Événement de relecture', es: 'Evento de revisión' },
    plural: { en: 'Review history', fr: 'Historique de relecture', es: 'Historial de revisión' },
  },
  admin: {
    defaultColumns: ['project', 'kind', 'from', 'to', 'by', 'createdAt'],
    group: { en: 'Review', fr: 'Relecture', es: 'Revisión' },
  },
  access: {
    read: authenticated,
    // Staff add notes; transitions come only from the workflow (which bypasses access).
    create: ({ req, data }) => Boolean(req.user) && hasRole(req.user, 'admin', 'editor', 'reviewer') && data?.kind === 'note',
    update: () => false,
    delete: () => false,
  },
  defaultSort: 'createdAt',
  hooks: {
    beforeChange: [
      ({ data, req, operation }) =>
        operation === 'create' && data.kind === 'note' ? { ...data, by: req.user?.id ?? data.by } : data,
    ],
  },
  fields: [
    { name: 'project', type: 'relationship', relationTo: 'projects', required: true, index: true },
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'note',
      options: [
        { value: 'transition', label: { en: 'Transition', fr: 'Transition', es: 'Transición' } },
        { value: 'note', label: { en: 'Note', fr: 'Note', es: 'Nota' } },
      ],
    },
    { name: 'from', type: 'select', options: toOptions(REVIEW_STATES), enumName: 'enum_review_events_from' },
    { name: 'to', type: 'select', options: toOptions(REVIEW_STATES), enumName: 'enum_review_events_to' },
    { name: 'note', type: 'textarea' },
    { name: 'by', type: 'relationship', relationTo: usersSlug },
    {
      // Who, by name, for the history: staff read the history but not each other's accounts.
      name: 'byName',
      type: 'text',
      virtual: true,
      label: { en: 'By', fr: 'Par', es: 'Por' },
      access: { read: authenticatedField },
      admin: { readOnly: true },
      hooks: { afterRead: [nameOfAuthor(usersSlug)] },
    },
    {
      name: 'override',
      type: 'checkbox',
      admin: { description: { en: 'An admin approved a version they edited themselves.', fr: 'Un administrateur a approuvé une version qu’il a lui-même modifiée.', es: 'Un administrador aprobó una versión que él mismo editó.' } },
    },
  ],
})
