/** Prima ID: office ISO code, two digits, P, four digits (`ZA10P0005`). */
export const PRIMA_ID = /^[A-Z]{2}\d{2}P\d{4}$/

/** Project ID: type code, dot, four digits (`LM.0304`). */
export const PROJECT_ID = /^[A-Z]{2}\.\d{4}$/

/** The legacy project ID form (`V57-805`). */
export const LEGACY_PROJECT_ID = /^[A-Z]\d{2}-\d{3}$/

export const isProjectId = (value: string): boolean =>
  PROJECT_ID.test(value) || LEGACY_PROJECT_ID.test(value)

/** The project-type code a current-form project ID carries (`LM.0304` → `LM`). */
export const typeCodeOf = (projectId: unknown): string | null =>
  typeof projectId === 'string' && PROJECT_ID.test(projectId) ? projectId.slice(0, 2) : null

export const YEAR_MIN = 1951
export const YEAR_MAX = 2100

export const BUDGET_MAX = 1_000_000_000

/** Roman numerals as outcomes are shown on the site: i, ii, iii… */
export const toRoman = (n: number): string => {
  if (!Number.isInteger(n) || n < 1 || n > 3999) return String(n)
  const steps: [number, string][] = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
    [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ]
  let rest = n
  let out = ''
  for (const [value, numeral] of steps) {
    while (rest >= value) {
      out += numeral
      rest -= value
    }
  }
  return out
}
