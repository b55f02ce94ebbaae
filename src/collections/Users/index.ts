import type { CollectionConfig } from 'payload'

import { admins, adminsField, hasRole, ROLES } from '../../access'
import { FIELD_LABELS } from '../../domain/fieldLabels'
import { adminOrSelf } from './access/adminOrSelf'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'

const ROLE_LABELS = {
  admin: { en: 'Admin', fr: 'Administrateur', es: 'Administrador' },
  editor: { en: 'Editor', fr: 'Rédacteur', es: 'Editor' },
  reviewer: { en: 'Reviewer', fr: 'Réviseur', es: 'Revisor' },
} as const

/** Staff accounts. Roles decide what each may do; only admins change roles. */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: {
    singular: { en: 'User', fr: 'Utilisateur', es: 'Usuario' },
    plural: { en: 'Users', fr: 'Utilisateurs', es: 'Usuarios' },
  },
  auth: true,
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles'],
  },
  access: {
    admin: ({ req }) => hasRole(req.user, ...ROLES),
    create: admins,
    read: adminOrSelf,
    update: adminOrSelf,
    delete: admins,
  },
  hooks: {
    beforeChange: [firstUserIsAdmin],
  },
  fields: [
    { name: 'name', type: 'text', label: FIELD_LABELS.name },
    {
      name: 'roles',
      type: 'select',
      label: FIELD_LABELS.roles,
      hasMany: true,
      required: true,
      defaultValue: ['editor'],
      saveToJWT: true,
      options: ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
      access: { create: adminsField, update: adminsField },
    },
  ],
}
