import type { CollectionConfig } from 'payload'

import { admins, anyone } from '../../access'
import { FIELD_LABELS } from '../../domain/fieldLabels'
import { IDF_REGIONS, MEMBERSHIPS, toOptions } from '../../domain/vocabularies'
import { beginAtomicWrite, commitAtomicWrite } from '../../hooks/atomicWrites'
import { capPublicQueries } from '../../hooks/capPublicQueries'
import { refreshCardsOfMemberState } from '../../hooks/keepProjectCards'
import { generateSlug, validateSlug } from '../../hooks/generateSlug'
import { normalizeCode } from '../../hooks/normalizeCode'
import { rejectMalformedIds } from '../../hooks/rejectMalformedIds'
import { rejectUnknownOptions } from '../../hooks/rejectUnknownOptions'
import { rejectMalformedValues, rejectNulInQueries } from '../../hooks/rejectMalformedValues'
import { ensureUnique } from '../../hooks/uniqueness'
import { revalidateMemberStatePages } from '../../site/revalidate'
import { populatePickerLabel } from './hooks/populatePickerLabel'
import { refuseDeleteWhenNamed } from './hooks/refuseDeleteWhenNamed'
import { searchByAnyName } from './hooks/searchByAnyName'
import { validateIso2, validateIso3, validateMemberSince } from './validators'

/** The organisation's 175 Member States and 8 observer States: reference data, admin-only writes. */
export const MemberStates: CollectionConfig = {
  slug: 'member-states',
  labels: {
    singular: { en: 'Member State', fr: 'État membre', es: 'Estado Miembro' },
    plural: { en: 'Member States', fr: 'États membres', es: 'Estados Miembros' },
  },
  admin: {
    useAsTitle: 'pickerLabel',
    defaultColumns: ['name', 'iso2', 'iso3', 'membership', 'idfRegion', 'idfEligible'],
    listSearchableFields: ['name', 'iso2', 'iso3', 'slug'],
  },
  access: {
    read: anyone,
    create: admins,
    update: admins,
    delete: admins,
  },
  defaultSort: 'slug',
  // A project populates its Member States as a front end shows them: name, code and page address.
  // Without this each populated State carried every field and its own join of projects.
  defaultPopulate: { name: true, iso2: true, slug: true },
  hooks: {
    beforeOperation: [capPublicQueries, rejectMalformedIds, rejectUnknownOptions, rejectNulInQueries, searchByAnyName, beginAtomicWrite],
    afterOperation: [commitAtomicWrite],
    beforeValidate: [rejectMalformedValues, generateSlug({ from: 'name' })],
    beforeChange: [ensureUnique(['iso2', 'iso3', 'slug']), populatePickerLabel],
    beforeDelete: [refuseDeleteWhenNamed],
    afterChange: [refreshCardsOfMemberState, revalidateMemberStatePages],
  },
  fields: [
    { name: 'name', type: 'text', label: FIELD_LABELS.name, localized: true, required: true },
    {
      // Set by populatePickerLabel: every name and the ISO code, what the admin's pickers show and search.
      name: 'pickerLabel',
      type: 'text',
      label: { en: 'Names and code', fr: 'Noms et code', es: 'Nombres y código' },
      admin: { readOnly: true, hidden: true },
    },
    {
      name: 'iso2',
      type: 'text',
      label: FIELD_LABELS.iso2,
      unique: true,
      validate: validateIso2,
      hooks: { beforeValidate: [normalizeCode] },
      admin: { placeholder: 'LS' },
    },
    {
      name: 'iso3',
      type: 'text',
      label: FIELD_LABELS.iso3,
      unique: true,
      validate: validateIso3,
      hooks: { beforeValidate: [normalizeCode] },
      admin: { placeholder: 'LSO' },
    },
    {
      name: 'slug',
      type: 'text',
      label: FIELD_LABELS.slug,
      unique: true,
      validate: validateSlug,
      admin: { position: 'sidebar' },
    },
    {
      name: 'membership',
      type: 'select',
      label: FIELD_LABELS.membership,
      options: toOptions(MEMBERSHIPS),
      required: true,
      defaultValue: 'member',
    },
    {
      name: 'memberSince',
      type: 'number',
      label: FIELD_LABELS.memberSince,
      validate: validateMemberSince,
      admin: { step: 1 },
    },
    {
      name: 'idfRegion',
      type: 'select',
      label: FIELD_LABELS.idfRegion,
      options: toOptions(IDF_REGIONS),
      enumName: 'enum_member_states_idf_region',
    },
    { name: 'idfEligible', type: 'checkbox', label: FIELD_LABELS.idfEligible },
    {
      name: 'projects',
      type: 'join',
      label: FIELD_LABELS.projects,
      collection: 'projects',
      on: 'memberStates',
      defaultSort: '-endYear',
    },
  ],
}
