import { fieldOfLabel, type MetadataField } from './labels'

export type ParsedPage = {
  layout: 'dashes' | 'bullets'
  title: string
  /** The raw value shown under each label. */
  values: Partial<Record<MetadataField, string>>
  /** The label lines as written, to tell the page's language. */
  labels: string[]
  /** The free text after the metadata block, one entry per paragraph. */
  paragraphs: string[]
}

const isDash = (line: string) => /^\s*[-–—]\s*$/.test(line)
const isBullet = (line: string) => /^\s*[•*·]\s*\S/.test(line)

/**
 * Reads a project page saved as text from the organisation's site: a navigation header to skip,
 * the title, then the metadata block, then the description. Two layouts: label and value on
 * separate lines with a line holding only "-" between the pairs (the site today), or a bullet list
 * ("• Label", the value on the next line). Returns undefined for a page with no metadata block.
 */
export const parsePage = (text: string): ParsedPage | undefined => {
  const lines = text.split(/\r?\n/).map((line) => line.replace(/\s+$/, ''))
  const bullets = lines.some((line) => isBullet(line) && fieldOfLabel(line))
  const startsPair = (at: number) =>
    bullets ? isBullet(lines[at] ?? '') && Boolean(fieldOfLabel(lines[at]!)) : isDash(lines[at] ?? '') && Boolean(fieldOfLabel(lines[at + 1] ?? ''))

  const first = lines.findIndex((_, at) => startsPair(at))
  if (first < 0) return undefined

  let titleAt = first - 1
  while (titleAt >= 0 && (lines[titleAt]!.trim() === '' || isDash(lines[titleAt]!))) titleAt--
  const title = titleAt >= 0 ? lines[titleAt]!.trim() : ''

  const values: ParsedPage['values'] = {}
  const labels: string[] = []
  let at = first
  while (at < lines.length && startsPair(at)) {
    const labelAt = bullets ? at : at + 1
    labels.push(lines[labelAt]!.replace(/^\s*[•*·]\s*/, '').trim())
    let next = labelAt + 1
    const value: string[] = []
    if (bullets) {
      while (next < lines.length && /^\s+\S/.test(lines[next]!)) value.push(lines[next++]!.trim())
      if (value.length === 0 && lines[next]?.trim() && !isBullet(lines[next]!)) value.push(lines[next++]!.trim())
    } else if (next < lines.length && !startsPair(next) && !isDash(lines[next]!)) {
      value.push(lines[next++]!.trim())
    }
    values[fieldOfLabel(lines[labelAt]!)!] = value.join(' ')
    at = next
  }

  const paragraphs = lines
    .slice(at)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !isDash(line))
  return { layout: bullets ? 'bullets' : 'dashes', title, values, labels, paragraphs }
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
