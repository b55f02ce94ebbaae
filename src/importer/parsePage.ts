import { fieldOfLabel, type MetadataField } from './labels'
import { readFundBlock } from './fundLayout'
import { namesOnly } from './memberStateNames'

export type ParsedPage = {
  /**
   * How the metadata block was written: labels with "-" lines between the pairs (the site today),
   * a "• Label" bullet list, labels and values on plain lines (pages saved as HTML), or the fund
   * site's values without labels, told apart by their shape.
   */
  layout: 'dashes' | 'bullets' | 'lines' | 'fund'
  title: string
  /** The raw value shown under each label. */
  values: Partial<Record<MetadataField, string>>
  /** The label lines as written, to tell the page's language. */
  labels: string[]
  /** Labels inside the metadata block that name no known field, with their values: reported. */
  unknownLabels: { label: string; value: string }[]
  /** The free text after the metadata block, one entry per paragraph. */
  paragraphs: string[]
}

const isDash = (line: string) => /^\s*[-–—]\s*$/.test(line)
const isBullet = (line: string) => /^\s*[•*·]\s*\S/.test(line)
const isBlank = (line: string) => line.trim() === ''

/** "Label" or "Label: value" on one line (bullet or dash in front allowed). */
const labelOf = (line: string): { field: MetadataField; label: string; inline?: string } | undefined => {
  const bare = line.replace(/^\s*(?:[•*·]|-(?=\s))\s*/, '').trim()
  const field = fieldOfLabel(bare)
  if (field) return { field, label: bare.replace(/\s*:$/, '') }
  const colon = bare.match(/^([^:]{2,80}?)\s*:\s*(\S.*)$/)
  const inlineField = colon && fieldOfLabel(colon[1]!)
  return inlineField ? { field: inlineField, label: colon![1]!, inline: colon![2]!.trim() } : undefined
}

/** The title: the nearest line of text above the metadata block. */
const titleAbove = (lines: string[], at: number) => {
  let titleAt = at - 1
  while (titleAt >= 0 && (isBlank(lines[titleAt]!) || isDash(lines[titleAt]!))) titleAt--
  return titleAt >= 0 ? lines[titleAt]!.trim() : ''
}

const paragraphsFrom = (lines: string[], at: number) =>
  lines
    .slice(at)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !isDash(line))

/**
 * Reads a project page saved as text from the organisation's sites: a navigation header to skip,
 * the title, then the metadata block, then the description. A labelled block (dashes, bullets or
 * plain lines, labels in any of the three languages) is read label by label; a page without
 * labels is tried as the fund site's layout. Returns undefined for a page with no metadata block.
 */
export const parsePage = (text: string): ParsedPage | undefined => {
  const lines = text.split(/\r?\n/).map((line) => line.replace(/\s+$/, ''))
  const first = lines.findIndex((line) => labelOf(line))
  // One stray word that happens to be a label ("Status" in a menu) does not make a metadata block.
  const labelCount = lines.filter((line) => labelOf(line)).length
  if (first < 0 || labelCount < 2) {
    const fund = readFundBlock(lines)
    return fund && { layout: 'fund', title: fund.title, values: fund.values, labels: [], unknownLabels: [], paragraphs: paragraphsFrom(lines, fund.end) }
  }

  const bullets = isBullet(lines[first]!)
  const start = blockStart(lines, first, bullets)
  const values: ParsedPage['values'] = {}
  const labels: string[] = []
  const unknownLabels: ParsedPage['unknownLabels'] = []
  let dashes = false
  let at = !bullets && start > 0 && isDash(lines[start - 1]!) ? start - 1 : start
  for (;;) {
    let separated = false
    while (at < lines.length && (isBlank(lines[at]!) || isDash(lines[at]!))) {
      separated ||= isDash(lines[at]!)
      at++
    }
    dashes ||= separated
    if (at >= lines.length) break
    const label = labelOf(lines[at]!)
    if (!label) {
      const unknown = unknownPair(lines, at, bullets, separated)
      if (!unknown) break
      unknownLabels.push(unknown.pair)
      at = unknown.next
      continue
    }
    labels.push(label.label)
    at++
    const value: string[] = label.inline ? [label.inline] : []
    if (!label.inline && at < lines.length && !isDash(lines[at]!) && !labelOf(lines[at]!) && !isBlank(lines[at]!)) {
      value.push(lines[at++]!.trim())
      // More lines of the same value: indented under a bullet, or further Member State names.
      while (
        at < lines.length &&
        !isBlank(lines[at]!) &&
        !labelOf(lines[at]!) &&
        ((bullets && /^\s+\S/.test(lines[at]!) && !isBullet(lines[at]!)) || (label.field === 'memberStates' && namesOnly(lines[at]!)))
      ) {
        value.push(lines[at++]!.trim())
      }
    }
    if (values[label.field] === undefined || values[label.field] === '') values[label.field] = value.join(' ')
  }

  return {
    layout: bullets ? 'bullets' : dashes ? 'dashes' : 'lines',
    title: titleAbove(lines, start),
    values,
    labels,
    unknownLabels,
    paragraphs: paragraphsFrom(lines, at),
  }
}

/**
 * Where the metadata block begins: the first known label, or above it the unknown labels that
 * come first (a bullet with its indented value; a short label and value between "-" lines).
 */
const blockStart = (lines: string[], first: number, bullets: boolean) => {
  let start = first
  for (;;) {
    if (bullets) {
      let above = start - 1
      while (above >= 0 && /^\s+\S/.test(lines[above]!) && !isBullet(lines[above]!)) above--
      if (above < start - 1 && above >= 0 && isBullet(lines[above]!)) start = above
      else return start
    } else {
      const [dashAbove, value, label, dashBefore] = [1, 2, 3, 4].map((n) => lines[start - n])
      if (dashAbove !== undefined && isDash(dashAbove) && dashBefore !== undefined && isDash(dashBefore) && looksLikeLabel(label!) && !isDash(label!) && !isBlank(value!) && !isDash(value!) && value!.trim().length <= 80) start -= 3
      else return start
    }
  }
}

const looksLikeLabel = (line: string) => line.trim().length <= 60 && !/[.!?;,]$/.test(line.trim()) && !/^\d/.test(line.trim())

/**
 * A label the importer does not know, still inside the metadata block: a bullet with its value in
 * the bullet layout; in the dash layout, a short line after a "-" whose value is followed by
 * another "-" or a known label. Anything else ends the block (the description begins).
 */
const unknownPair = (lines: string[], at: number, bullets: boolean, separated: boolean) => {
  const line = lines[at]!
  if (bullets) {
    if (!isBullet(line)) return undefined
    let next = at + 1
    const value: string[] = []
    while (next < lines.length && /^\s+\S/.test(lines[next]!) && !isBullet(lines[next]!)) value.push(lines[next++]!.trim())
    return { pair: { label: line.replace(/^\s*[•*·]\s*/, '').trim(), value: value.join(' ') }, next }
  }
  if (!separated || !looksLikeLabel(line)) return undefined
  const value = lines[at + 1]
  const after = lines[at + 2]
  if (value === undefined || isBlank(value) || isDash(value)) {
    return value !== undefined && isDash(value) ? { pair: { label: line.trim(), value: '' }, next: at + 1 } : undefined
  }
  if (after !== undefined && !isDash(after) && !labelOf(after)) return undefined
  return { pair: { label: line.trim(), value: value.trim() }, next: at + 2 }
}

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x']

/** "le Gouvernement … ; et" → "Le Gouvernement ….": connectors off, a capital and a full stop on. */
const tidyStatement = (text: string) => {
  const trimmed = text
    .trim()
    .replace(/\s*[;,]?\s*(?:et|and|y)?\s*$/i, '')
    .replace(/[\s;,:]+$/, '')
  if (!trimmed) return ''
  const sentence = trimmed.charAt(0).toUpperCase() + trimmed.slice(1)
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`
}

/**
 * Outcomes enumerated in a description: "i) … ; ii) … ; et iii) …" (also "1.", "(a)") become
 * statements in order. Only an unbroken sequence from the first marker counts.
 */
export const extractOutcomes = (paragraphs: string[]): string[] => {
  for (const paragraph of paragraphs) {
    for (const marker of [
      { pattern: /(?:^|[\s:;(])([ivx]{1,4})\)\s/g, sequence: ROMAN },
      { pattern: /(?:^|[\s:;])\(?([a-j])\)\s/g, sequence: 'abcdefghij'.split('') },
      { pattern: /(?:^|[\s:;])(\d{1,2})[.)]\s/g, sequence: Array.from({ length: 20 }, (_, n) => String(n + 1)) },
    ]) {
      const found: { index: number; end: number }[] = []
      for (const match of paragraph.matchAll(marker.pattern)) {
        if (match[1] !== marker.sequence[found.length]) continue
        found.push({ index: match.index! + match[0].indexOf(match[1]!), end: match.index! + match[0].length })
      }
      if (found.length < 2) continue
      return found.map((current, n) => {
        const next = found[n + 1]
        let text = paragraph.slice(current.end, next ? next.index : undefined)
        if (!next) text = text.split(/(?<=\.)\s/)[0]!.replace(/\.$/, '')
        return tidyStatement(text.replace(/\($/, ''))
      })
    }
  }
  return []
}
