import type { Field, FieldHook } from 'payload'

import type { Term } from '../../domain/vocabularies'
import { FIELD_LABELS } from '../../domain/fieldLabels'
import { COVERAGES, IDF_REGIONS, labelOf, PROJECT_STATUSES } from '../../domain/vocabularies'

type LabelledField = 'status' | 'projectType' | 'coverage' | 'idfRegion'

/**
 * `labels`: the coded values of a project spelled out in the locale being read, so no front end
 * hard-codes "Achevé" or "Afrique". Computed on read, never stored.
 */
export const labelsField = (projectTypes: readonly Term[]): Field => {
  const vocabularies: Record<LabelledField, readonly Term[]> = {
    status: PROJECT_STATUSES,
    projectType: projectTypes,
    coverage: COVERAGES,
    idfRegion: IDF_REGIONS,
  }
  const spellOut: FieldHook = ({ data, req }) => {
    const locale = req.locale === 'all' ? undefined : (req.locale ?? undefined)
    return Object.fromEntries(
      Object.entries(vocabularies).map(([name, terms]) => [name, labelOf(terms, data?.[name], locale)]),
    )
  }
  return {
    name: 'labels',
    type: 'group',
    label: FIELD_LABELS.labels,
    virtual: true,
    admin: { hidden: true },
    hooks: { afterRead: [spellOut] },
    fields: (Object.keys(vocabularies) as LabelledField[]).map((name) => ({
      name,
      type: 'text',
      label: FIELD_LABELS[name],
      virtual: true,
    })),
  }
}
