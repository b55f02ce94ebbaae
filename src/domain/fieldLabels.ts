import type { Translations } from './locales'

/**
 * Field labels in the three languages, as the organisation's site writes them (the metadata
 * block keeps the site's own labels, quirks included: "Budget Amount (USD)" stays untranslated in
 * French). Spanish labels follow ../shared/domain/README.md.
 */
export const FIELD_LABELS = {
  title: { en: 'Title', fr: 'Titre', es: 'Título' },
  slug: { en: 'Slug', fr: 'Slug', es: 'Slug' },
  summary: { en: 'Summary', fr: 'Résumé', es: 'Resumen' },
  description: { en: 'Description', fr: 'Description', es: 'Descripción' },
  startYear: { en: 'Start Date', fr: 'Date de début', es: 'Fecha de inicio' },
  endYear: { en: 'End Date', fr: 'Date de fin', es: 'Fecha de finalización' },
  status: { en: 'Project Status', fr: 'Statut du projet', es: 'Estado del proyecto' },
  projectType: { en: 'Project Type', fr: 'Type de projet', es: 'Tipo de proyecto' },
  budgetUSD: { en: 'Budget Amount (USD)', fr: 'Budget Amount (USD)', es: 'Monto del presupuesto (USD)' },
  coverage: { en: 'Coverage', fr: 'Couverture', es: 'Cobertura' },
  fundingYear: { en: 'Year', fr: 'Année', es: 'Año' },
  idfRegion: { en: 'IDF Region', fr: 'IDF Region', es: 'Región del FOD' },
  primaId: { en: 'Prima ID', fr: 'Prima ID', es: 'Prima ID' },
  projectId: { en: 'Projects ID', fr: 'Projet ID', es: 'ID del proyecto' },
  memberStates: {
    en: 'Benefiting Member States',
    fr: 'Etat(s) membre(s) beneficiaires remplissant les conditions requises',
    es: 'Estados Miembros beneficiarios',
  },
  partners: { en: 'Partners', fr: 'Partenaires', es: 'Socios' },
  relatedProjects: { en: 'Related projects', fr: 'Projets liés', es: 'Proyectos relacionados' },
  outcomes: { en: 'Outcomes', fr: 'Effets directs', es: 'Resultados' },
  translatedLocales: { en: 'Translated into', fr: 'Traduit en', es: 'Traducido a' },
  labels: { en: 'Labels', fr: 'Libellés', es: 'Etiquetas' },
  project: { en: 'Project', fr: 'Projet', es: 'Proyecto' },
  order: { en: 'Order', fr: 'Ordre', es: 'Orden' },
  numeral: { en: 'Numeral', fr: 'Numéro', es: 'Número' },
  statement: { en: 'Statement', fr: 'Énoncé', es: 'Enunciado' },
  indicators: { en: 'Indicators', fr: 'Indicateurs', es: 'Indicadores' },
  name: { en: 'Name', fr: 'Nom', es: 'Nombre' },
  iso2: { en: 'ISO 3166-1 alpha-2', fr: 'ISO 3166-1 alpha-2', es: 'ISO 3166-1 alfa-2' },
  iso3: { en: 'ISO 3166-1 alpha-3', fr: 'ISO 3166-1 alpha-3', es: 'ISO 3166-1 alfa-3' },
  membership: { en: 'Membership', fr: 'Statut', es: 'Condición' },
  memberSince: { en: 'Member since', fr: 'Membre depuis', es: 'Miembro desde' },
  idfEligible: { en: 'IDF eligible', fr: 'Éligible au FDI', es: 'Admisible al FOD' },
  projects: { en: 'Benefiting projects', fr: 'Projets bénéficiaires', es: 'Proyectos beneficiarios' },
  createdBy: { en: 'Created by', fr: 'Créé par', es: 'Creado por' },
  updatedBy: { en: 'Last edited by', fr: 'Modifié par', es: 'Modificado por' },
  roles: { en: 'Roles', fr: 'Rôles', es: 'Roles' },
} satisfies Record<string, Translations>

export type FieldName = keyof typeof FIELD_LABELS
