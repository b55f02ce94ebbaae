import { FIELD_LABELS } from '../domain/fieldLabels'
import { isProjectId, PRIMA_ID } from '../domain/identifiers'
import { LOCALES, type Locale } from '../domain/locales'
import type { Term } from '../domain/vocabularies'
import { COVERAGES, DEFAULT_PROJECT_TYPES, IDF_REGIONS, PROJECT_STATUSES } from '../domain/vocabularies'
import { toCode } from '../hooks/normalizeCode'
import { METADATA_FIELDS } from './labels'
import { matchMemberStates } from './memberStateNames'
import { fold } from '../domain/fold'
import { extractOutcomes, type ParsedPage } from './parsePage'
import { languageOfText } from './language'
import { parseAmount, parseYear, termOf } from './values'

/** Something on the page the importer could not take as it is: reported, never guessed. */
export type Problem = {
  field: string
  value: string
  reason: 'unknown-label' | 'unknown-value' | 'unmatched-name' | 'invalid' | 'not-in-database' | 'other-language'
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
    partners?: string[]
  }
  /** The language the description is written in, when it can be told (may differ from the page's). */
  bodyLocale: Locale | null
  /** ISO codes of the benefiting Member States, each once. */
  memberStates: string[]
  paragraphs: string[]
  outcomes: string[]
  problems: Problem[]
}

/** Votes for each language from spellings that belong to one language only ("Achevé", "Statut du projet"). */
const countVotes = (votes: Record<Locale, number>, texts: string[], spellingsOf: (text: string) => Record<Locale, string>[]) => {
  for (const text of texts.map(fold)) {
    for (const spellings of spellingsOf(text)) {
      const matching = LOCALES.filter((locale) => fold(spellings[locale]) === text)
      if (matching.length === 1) votes[matching[0]!]++
    }
  }
}

const VALUE_TERMS = [PROJECT_STATUSES, DEFAULT_PROJECT_TYPES, COVERAGES, IDF_REGIONS].flat() as Term[]

/**
 * The page's language. Its title and description written in the same language decide (a French
 * page keeps English labels the site never translated); otherwise the labels and coded values
 * that belong to one language vote, the title counting for three; a page that says nothing is
 * taken in the language of its description.
 */
const languageOfPage = (page: ParsedPage, bodyLocale: Locale | null): Locale | null => {
  const titleLocale = languageOfText(page.title, 12)
  if (titleLocale && titleLocale === bodyLocale) return titleLocale
  const votes: Record<Locale, number> = { en: 0, fr: 0, es: 0 }
  countVotes(votes, page.labels, () => METADATA_FIELDS.map((field) => FIELD_LABELS[field]))
  countVotes(votes, Object.values(page.values).filter(Boolean) as string[], () => VALUE_TERMS.map((term) => term.label))
  if (titleLocale) votes[titleLocale] += 3
  const best = LOCALES.reduce((a, b) => (votes[b] > votes[a] ? b : a))
  return votes[best] > 0 ? best : bodyLocale
}

const PARTNERSHIP = /\b(?:in partnership with|en partenariat avec|en asociaci[oó]n con|en colaboraci[oó]n con)\s+([^,;.]{3,200}?)\s*[,;.]/i

/** The partner named in "En partenariat avec le Ministère …, l'OIM …" (and its English and Spanish forms). */
const partnersOf = (paragraphs: string[]): string[] => {
  for (const paragraph of paragraphs) {
    const match = paragraph.match(PARTNERSHIP)
    if (match) return [match[1]!.replace(/^(?:the|le|la|les|l['’]|el|los|las)\s*/i, '').replace(/^./, (c) => c.toUpperCase())]
  }
  return []
}

/** Maps a parsed page to the content model's values, reporting what it cannot map. */
export const readProject = (page: ParsedPage, projectTypes: readonly Term[] = DEFAULT_PROJECT_TYPES): ProjectReading => {
  const problems: Problem[] = []
  const { values } = page
  const project: ProjectReading['project'] = { title: page.title }

  for (const { label, value } of page.unknownLabels) problems.push({ field: label, value, reason: 'unknown-label' })

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

  const partners = partnersOf(page.paragraphs)
  if (partners.length) project.partners = partners

  const bodyLocale = languageOfText(page.paragraphs.join('\n'), 60)
  const locale = languageOfPage(page, bodyLocale)
  if (bodyLocale && locale && bodyLocale !== locale) problems.push({ field: 'description', value: bodyLocale, reason: 'other-language' })

  return {
    locale,
    bodyLocale,
    project,
    memberStates: states.iso2,
    paragraphs: page.paragraphs,
    outcomes: extractOutcomes(page.paragraphs),
    problems,
  }
}
