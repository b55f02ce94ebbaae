import { FIELD_LABELS } from '../domain/fieldLabels'
import { fold } from '../domain/fold'

/** The metadata fields a project page shows, in the site's order. */
export const METADATA_FIELDS = [
  'startYear',
  'endYear',
  'status',
  'projectType',
  'budgetUSD',
  'coverage',
  'fundingYear',
  'idfRegion',
  'primaId',
  'projectId',
  'memberStates',
] as const
export type MetadataField = (typeof METADATA_FIELDS)[number]

/**
 * Labels the sites use, beyond the three official ones per field: English labels left on French
 * pages, "Projects ID" (sic), shortened and unaccented variants.
 */
const VARIANTS: Partial<Record<MetadataField, string[]>> = {
  projectId: ['Project ID', 'Projects ID', 'Projet ID', 'ID du projet', 'ID del proyecto', 'Project Id'],
  primaId: ['Prima ID', 'PRIMA ID', 'Prima Id'],
  budgetUSD: ['Budget', 'Budget (USD)', 'Montant du budget (USD)', 'Presupuesto (USD)', 'Budget Amount'],
  memberStates: [
    'Benefiting Member State',
    'Benefiting Member States',
    'Beneficiary Member States',
    'Etat(s) membre(s) beneficiaire(s)',
    'Etats membres beneficiaires',
    'Estado(s) Miembro(s) beneficiario(s)',
  ],
  fundingYear: ['Funding Year', 'Year', 'Annee', 'Año', 'Ano'],
  idfRegion: ['Region', 'Region IDF', 'Region del FOD', 'Región del FOD'],
  status: ['Status', 'Statut', 'Estado'],
}

const LABELS = new Map<string, MetadataField>()
for (const field of METADATA_FIELDS) {
  for (const label of [...Object.values(FIELD_LABELS[field]), ...(VARIANTS[field] ?? [])]) LABELS.set(fold(label), field)
}

/** The field a label line names, in any of the three languages and the sites' spellings. */
export const fieldOfLabel = (line: string): MetadataField | undefined => LABELS.get(fold(line.replace(/^[•*·-]\s*/, '').replace(/:$/, '')))
