import type { Locale, Translations } from './locales'
import { translate } from './locales'

/** A coded value with its label in each language, as the organisation's site shows it. */
export type Term<Code extends string = string> = { value: Code; label: Translations }

export const PROJECT_STATUSES = [
  { value: 'pipeline', label: { en: 'Pipeline', fr: 'En préparation', es: 'En preparación' } },
  { value: 'active', label: { en: 'Active', fr: 'Actif', es: 'Activo' } },
  { value: 'completed', label: { en: 'Completed', fr: 'Achevé', es: 'Finalizado' } },
] as const satisfies readonly Term[]
export type ProjectStatus = (typeof PROJECT_STATUSES)[number]['value']

export const COVERAGES = [
  { value: 'national', label: { en: 'National', fr: 'National', es: 'Nacional' } },
  { value: 'regional', label: { en: 'Regional', fr: 'Régional', es: 'Regional' } },
  { value: 'global', label: { en: 'Global', fr: 'Mondial', es: 'Mundial' } },
] as const satisfies readonly Term[]
export type Coverage = (typeof COVERAGES)[number]['value']

/** The IOM Development Fund's regions (not IOM's regional offices). */
export const IDF_REGIONS = [
  { value: 'africa', label: { en: 'Africa', fr: 'Afrique', es: 'África' } },
  {
    value: 'asia-oceania',
    label: { en: 'Asia and Oceania', fr: 'Asie et Océanie', es: 'Asia y Oceanía' },
  },
  { value: 'europe', label: { en: 'Europe', fr: 'Europe', es: 'Europa' } },
  {
    value: 'latin-america-caribbean',
    label: {
      en: 'Latin America and the Caribbean',
      fr: 'Amérique latine et Caraïbes',
      es: 'América Latina y el Caribe',
    },
  },
  { value: 'middle-east', label: { en: 'Middle East', fr: 'Moyen-Orient', es: 'Oriente Medio' } },
  { value: 'global', label: { en: 'Global', fr: 'Mondial', es: 'Mundial' } },
] as const satisfies readonly Term[]
export type IdfRegion = (typeof IDF_REGIONS)[number]['value']

export const MEMBERSHIPS = [
  { value: 'member', label: { en: 'Member State', fr: 'État membre', es: 'Estado Miembro' } },
  { value: 'observer', label: { en: 'Observer State', fr: 'État observateur', es: 'Estado observador' } },
] as const satisfies readonly Term[]
export type Membership = (typeof MEMBERSHIPS)[number]['value']

/**
 * Project types: the two letters before the dot of a project ID. The list is open (the
 * organisation adds types), so it is stored as text and checked against this list, which the
 * plugin's `projectTypes` option extends: adding a type needs no migration of existing data.
 * French labels marked on real pages: LM, IB, TC, FM; the other French and all Spanish labels
 * are proposals.
 */
export const DEFAULT_PROJECT_TYPES: readonly Term[] = [
  { value: 'LM', label: { en: 'Labour Migration', fr: 'Migration de main-d’œuvre', es: 'Migración laboral' } },
  { value: 'IB', label: { en: 'Immigration and Borders', fr: 'Immigration et frontières', es: 'Inmigración y fronteras' } },
  {
    value: 'TC',
    label: {
      en: 'Technical Cooperation on Migration Management and Capacity Building (TCMMCB)',
      fr: 'TCMMCB',
      es: 'Cooperación técnica en gestión de la migración y fortalecimiento institucional (TCMMCB)',
    },
  },
  { value: 'FM', label: { en: 'Facilitated Migration Services', fr: 'Services de migration assistée', es: 'Servicios de migración facilitada' } },
  { value: 'PO', label: { en: 'Migration Policy Activities', fr: 'Activités de politique migratoire', es: 'Actividades de política migratoria' } },
  {
    value: 'PX',
    label: {
      en: 'Protection and Assistance to Vulnerable Migrants',
      fr: 'Protection et assistance aux migrants vulnérables',
      es: 'Protección y asistencia a migrantes vulnerables',
    },
  },
  { value: 'CT', label: { en: 'Counter Trafficking', fr: 'Lutte contre la traite', es: 'Lucha contra la trata' } },
  { value: 'CD', label: { en: 'Community Development', fr: 'Développement communautaire', es: 'Desarrollo comunitario' } },
  {
    value: 'CE',
    label: {
      en: 'Community and Economic Development',
      fr: 'Développement communautaire et économique',
      es: 'Desarrollo comunitario y económico',
    },
  },
  { value: 'CS', label: { en: 'Community Stabilization', fr: 'Stabilisation communautaire', es: 'Estabilización comunitaria' } },
  {
    value: 'DP',
    label: {
      en: 'Internally Displaced Persons',
      fr: 'Personnes déplacées à l’intérieur de leur propre pays',
      es: 'Desplazados internos',
    },
  },
  { value: 'RA', label: { en: 'Repatriation Assistance', fr: 'Aide au rapatriement', es: 'Asistencia para la repatriación' } },
  { value: 'RE', label: { en: 'Resettlement Assistance', fr: 'Aide à la réinstallation', es: 'Asistencia para el reasentamiento' } },
  {
    value: 'MP',
    label: {
      en: 'Migration Health Assistance for Crisis-Affected Populations',
      fr: 'Assistance sanitaire aux populations touchées par une crise',
      es: 'Asistencia sanitaria a poblaciones afectadas por crisis',
    },
  },
  { value: 'DS', label: { en: 'Durable Solutions', fr: 'Solutions durables', es: 'Soluciones duraderas' } },
  {
    value: 'CC',
    label: {
      en: 'Camp Coordination and Camp Management',
      fr: 'Coordination et gestion des camps',
      es: 'Coordinación y gestión de campamentos',
    },
  },
  { value: 'DX', label: { en: 'Displacement Tracking', fr: 'Suivi des déplacements', es: 'Seguimiento de los desplazamientos' } },
  {
    value: 'SN',
    label: {
      en: 'Emergency Shelter and Non-Food Items',
      fr: 'Abris d’urgence et articles non alimentaires',
      es: 'Alojamiento de emergencia y artículos no alimentarios',
    },
  },
  {
    value: 'PB',
    label: {
      en: 'Peacebuilding and Peace Preservation',
      fr: 'Consolidation et préservation de la paix',
      es: 'Consolidación y preservación de la paz',
    },
  },
  {
    value: 'DR',
    label: {
      en: 'Disaster Risk Reduction',
      fr: 'Réduction des risques de catastrophe',
      es: 'Reducción del riesgo de desastres',
    },
  },
]

/** The coded fields the lists filter on, one value of a vocabulary each. */
export type CodedField = 'status' | 'projectType' | 'idfRegion' | 'coverage'

/** Each coded field's vocabulary, with these project types (the host's may add to the defaults). */
export const codedVocabularies = (projectTypes: readonly Term[]): Record<CodedField, readonly Term[]> => ({
  status: PROJECT_STATUSES,
  projectType: projectTypes,
  idfRegion: IDF_REGIONS,
  coverage: COVERAGES,
})

/** The project types a running config accepts: the plugin's merged list (src/index.ts), else the defaults. */
export const configuredProjectTypes = (config: { custom?: Record<string, any> }): readonly Term[] =>
  (config.custom?.projectPages?.projectTypes as Term[] | undefined) ?? DEFAULT_PROJECT_TYPES

/** Merges extra or relabelled project types over a base list, keeping the base order. */
export const mergeProjectTypes = (base: readonly Term[], extra: readonly Term[] = []): Term[] => {
  const merged = new Map(base.map((term) => [term.value, term]))
  for (const term of extra) merged.set(term.value, term)
  return [...merged.values()]
}

/** The label of a coded value in a locale, or null for an empty or unknown code. */
export const labelOf = (
  terms: readonly Term[],
  value: unknown,
  locale: Locale | string | undefined,
): string | null => {
  const term = terms.find((candidate) => candidate.value === value)
  return term ? translate(term.label, locale) : null
}

/** Payload select options with labels in each admin language. */
export const toOptions = (terms: readonly Term[]) =>
  terms.map(({ value, label }) => ({ value, label: { ...label } }))

export type { Locale }
