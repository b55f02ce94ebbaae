import { FIELD_LABELS } from '../domain/fieldLabels'
import { isProjectId, PRIMA_ID } from '../domain/identifiers'
import { LOCALES, type Locale } from '../domain/locales'
import type { Term } from '../domain/vocabularies'
import { COVERAGES, DEFAULT_PROJECT_TYPES, IDF_REGIONS, PROJECT_STATUSES } from '../domain/vocabularies'
import { toCode } from '../hooks/normalizeCode'
import { METADATA_FIELDS } from './labels'
import { matchMemberStates } from './memberStateNames'
import { fold } from './normalize'
import { extractOutcomes, type ParsedPage } from './parsePage'
import { parseAmount, parseYear, termOf } from './values'

/** Something on the page the importer could not take as it is: reported, never guessed. */
export type Problem = {
  field: string
  value: string
  reason: 'unknown-value' | 'unmatched-name' | 'invalid' | 'not-in-database'
}

export type ProjectReading = {
  /** The page's language, told by its labels (null when they say nothing: all shared labels). */
  locale: Locale | null
  project: {
    title: string
    startYear?: number
    endYear?: number
    fundingYear?: number
    status?: string
    projectType?: string
    budgetUSD?: number
    coverage?: string
    idfRegion?: string
    primaId?: string
    projectId?: string
  }
  /** ISO codes of the benefiting Member States, each once. */
  memberStates: string[]
  paragraphs: string[]
  outcomes: string[]
  problems: Problem[]
}

/** The language whose own labels the page uses most (labels spelled alike in several languages say nothing). */
const languageOf = (labels: string[]): Locale | null => {
  const votes: Record<Locale, number> = { en: 0, fr: 0, es: 0 }
  for (const label of labels.map(fold)) {
    for (const field of METADATA_FIELDS) {
      const spellings = FIELD_LABELS[field]
      const matching = LOCALES.filter((locale) => fold(spellings[locale]) === label)
      if (matching.length === 1) votes[matching[0]!]++
    }
  }
  const best = LOCALES.reduce((a, b) => (votes[b] > votes[a] ? b : a))
  return votes[best] > 0 ? best : null
}

/** Maps a parsed page to the content model's values, reporting what it cannot map. */
export const readProject = (page: ParsedPage, projectTypes: readonly Term[] = DEFAULT_PROJECT_TYPES): ProjectReading => {
  const problems: Problem[] = []
  const { values } = page
  const project: ProjectReading['project'] = { title: page.title }

  const coded = (field: 'status' | 'projectType' | 'coverage' | 'idfRegion', terms: readonly Term[]) => {
    const raw = values[field]
    if (!raw) return
    const code = termOf(terms, raw)
    if (code) project[field] = code
    else problems.push({ field, value: raw, reason: 'unknown-value' })
  }
  coded('status', PROJECT_STATUSES)
  coded('projectType', projectTypes)
  coded('coverage', COVERAGES)
  coded('idfRegion', IDF_REGIONS)

  for (const field of ['startYear', 'endYear', 'fundingYear'] as const) {
    const raw = values[field]
    if (!raw) continue
    const year = parseYear(raw)
    if (year) project[field] = year
    else problems.push({ field, value: raw, reason: 'invalid' })
  }

  if (values.budgetUSD) {
    const amount = parseAmount(values.budgetUSD)
    if (amount !== undefined) project.budgetUSD = amount
    else problems.push({ field: 'budgetUSD', value: values.budgetUSD, reason: 'invalid' })
  }

  const primaId = toCode(values.primaId)
  if (primaId && PRIMA_ID.test(primaId)) project.primaId = primaId
  else if (primaId) problems.push({ field: 'primaId', value: values.primaId!, reason: 'invalid' })

  const projectId = toCode(values.projectId)
  if (projectId && isProjectId(projectId)) project.projectId = projectId
  else if (projectId) problems.push({ field: 'projectId', value: values.projectId!, reason: 'invalid' })

  const states = matchMemberStates(values.memberStates ?? '')
  for (const name of states.unmatched) problems.push({ field: 'memberStates', value: name, reason: 'unmatched-name' })

  return {
    locale: languageOf(page.labels),
    project,
    memberStates: states.iso2,
    paragraphs: page.paragraphs,
    outcomes: extractOutcomes(page.paragraphs),
    problems,
  }
}
