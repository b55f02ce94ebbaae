import { isProjectId, PRIMA_ID } from '../domain/identifiers'
import { COVERAGES, DEFAULT_PROJECT_TYPES, IDF_REGIONS, PROJECT_STATUSES, type Term } from '../domain/vocabularies'
import { toCode } from '../hooks/normalizeCode'
import type { MetadataField } from './labels'
import { matchMemberStates } from './memberStateNames'
import { fold } from '../domain/fold'
import { termOf } from './values'

/** The fund site shows its values without labels, always in this order; any may be missing. */
const FUND_ORDER = ['idfRegion', 'projectId', 'primaId', 'budgetUSD', 'memberStates', 'projectType', 'coverage', 'status'] as const

const AMOUNT = /^(?:USD|US\$|\$)?\s*\d{1,3}(?:[ .,\u00a0\u202f]?\d{3})*(?:[.,]\d{1,2})?\s*(?:USD|US\$|\$)?$/i

/** What a value of each field looks like, on its own line. */
const SHAPES: Record<(typeof FUND_ORDER)[number], (line: string) => boolean> = {
  idfRegion: (line) => Boolean(termOf(IDF_REGIONS, line)),
  projectId: (line) => isProjectId(toCode(line) ?? ''),
  primaId: (line) => PRIMA_ID.test(toCode(line) ?? ''),
  // Thousands separated or five digits and more, so that a year is never read as a budget.
  budgetUSD: (line) => AMOUNT.test(line.trim()) && (/\d[ .,\u00a0\u202f]\d{3}/.test(line) || /\d{5}/.test(line)),
  memberStates: (line) => line.trim().length <= 300 && !/[.!?:]$/.test(line.trim()) && matchMemberStates(line).iso2.length > 0,
  projectType: (line) => Boolean(termOf(DEFAULT_PROJECT_TYPES as readonly Term[], line)),
  coverage: (line) => Boolean(termOf(COVERAGES, line)),
  status: (line) => Boolean(termOf(PROJECT_STATUSES, line)),
}

const isSkippable = (line: string) => /^\s*[-–—]?\s*$/.test(line)

export type FundBlock = { title: string; values: Partial<Record<MetadataField, string>>; end: number }

/**
 * Reads the values under a title from `start`: each line is taken as the first field, in the
 * fund's order and after the last one read, whose shape it has. A line of unknown words where the
 * beneficiaries stand, followed by a project type, coverage or status, is read as beneficiaries
 * (their names are checked, and reported, later). The block ends at the first line that fits none.
 */
const readValues = (lines: string[], start: number) => {
  const values: FundBlock['values'] = {}
  let slot = 0
  let at = start
  let matched = 0
  for (; at < lines.length; at++) {
    const line = lines[at]!
    if (isSkippable(line)) continue
    let found = FUND_ORDER.findIndex((field, n) => n >= slot && SHAPES[field](line))
    if (found < 0 && slot <= FUND_ORDER.indexOf('memberStates') && line.trim().length <= 120 && !/[.!?:]$/.test(line.trim())) {
      const next = lines.slice(at + 1).find((candidate) => !isSkippable(candidate))
      const later = ['projectType', 'coverage', 'status'] as const
      if (next && later.some((field) => SHAPES[field](next))) found = FUND_ORDER.indexOf('memberStates')
    }
    if (found < 0) break
    values[FUND_ORDER[found]!] = line.trim()
    slot = found + 1
    matched++
  }
  return { values, end: at, matched }
}

/**
 * Finds the fund site's metadata block: the title shown twice, then at least two values that fit
 * the fund's order (or, without a repeated title, a run of at least three).
 */
export const readFundBlock = (lines: string[]): FundBlock | undefined => {
  const text = (at: number) => lines[at]!.trim()
  for (let at = 0; at < lines.length; at++) {
    if (isSkippable(lines[at]!) || text(at).length < 8) continue
    let next = at + 1
    while (next < lines.length && isSkippable(lines[next]!)) next++
    if (next >= lines.length || fold(text(next)) !== fold(text(at))) continue
    const block = readValues(lines, next + 1)
    if (block.matched >= 2) return { title: text(at), values: block.values, end: block.end }
  }
  for (let at = 1; at < lines.length; at++) {
    if (isSkippable(lines[at]!)) continue
    const block = readValues(lines, at)
    if (block.matched < 3) continue
    let titleAt = at - 1
    while (titleAt >= 0 && isSkippable(lines[titleAt]!)) titleAt--
    if (titleAt >= 0) return { title: text(titleAt), values: block.values, end: block.end }
  }
  return undefined
}
