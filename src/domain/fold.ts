/**
 * Text as the importer compares it: accents folded, apostrophes and dashes unified, case and
 * spacing ignored. Real pages drop accents ("Etat(s) membre(s)"), mix ’ and ', and vary spacing.
 */
export const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐-―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
