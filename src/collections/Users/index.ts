import type { CollectionConfig } from 'payload'

import { ACCOUNT_ROLES, admins, adminsField, hasRole, ROLES } from '../../access'
import { FIELD_LABELS } from '../../domain/fieldLabels'
import { adminOrSelf } from './access/adminOrSelf'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'

const ROLE_LABELS = {
  admin: { en: 'Admin', fr: 'Administrateur', es: 'Administrador' },
  editor: { en: 'Editor', fr: 'Rédacteur', es: 'Editor' },
  reviewer: { en: 'Reviewer', fr: 'Réviseur', es: 'Revisor' },
  reader: { en: 'Front end (read only, API key)', fr: 'Front-end (lecture seule, clé d’API)', es: 'Front-end (solo lectura, clave de API)' },
} as const

/** Staff accounts. Roles decide what each may do; only admins change roles. */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: {
    singular: { en: 'User', fr: 'Utilisateur', es: 'Usuario' },
    plural: { en: 'Users', fr: 'Utilisateurs', es: 'Usuarios' },
  },
  auth: {
    cookies: {
      // Sent only over HTTPS when the CMS is served over HTTPS (SERVER_URL), so local http still works.
      secure: (process.env.SERVER_URL ?? '').startsWith('https://'),
      // Lax: the session is not sent on cross-site POSTs (CSRF), and links from review emails still open the admin.
      sameSite: 'Lax',
    },
    // Payload's defaults, stated because the hardening tests rely on them: 5 wrong passwords lock
    // the account for 10 minutes; a session lasts 2 hours unless refreshed.
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 2 * 60 * 60,
    // Server-to-server front ends authenticate with `Authorization: users API-Key <key>`; such
    // requests may read but never write (src/access/readOnlyApiKeys.ts).
    useAPIKey: true,
  },
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
      options: ACCOUNT_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
      access: { create: adminsField, update: adminsField },
    },
  ],
}
