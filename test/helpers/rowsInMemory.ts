import type { Payload } from 'payload'
import { vi } from 'vitest'

import type { Locale } from '../../src/domain/locales'
import { rowsLoaded, rowsOfGeneration } from '../../src/readModel/rowsInMemory'
import { readContentVersion } from '../../src/site/contentVersion'

/**
 * Waits until the read model rows held in memory for `locale` (src/readModel/rowsInMemory.ts) are
 * those of the content now: they are read in the background, once the generation has settled.
 */
export const rowsHeldNow = async (payload: Payload, locale: Locale) => {
  for (let tries = 0; tries < 200; tries++) {
    if (rowsOfGeneration(payload, locale, await readContentVersion(payload))) return
    await rowsLoaded(payload)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`the ${locale} rows were never read`)
}

type Select = (fields?: Record<string, unknown>) => unknown

/** Runs `run` and counts the adapter's SELECTs whose columns include one of `columns`. */
export const countSelects = async <T>(payload: Payload, columns: string[], run: () => Promise<T>): Promise<{ result: T; selects: number }> => {
  const drizzle = (payload.db as unknown as { drizzle: { select: Select } }).drizzle
  const select = vi.spyOn(drizzle, 'select')
  try {
    const result = await run()
    return { result, selects: select.mock.calls.filter(([fields]) => fields && columns.some((column) => column in fields)).length }
  } finally {
    select.mockRestore()
  }
}
