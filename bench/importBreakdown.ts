import type { Payload } from 'payload'

const OPERATIONS = ['create', 'update', 'find', 'findByID', 'count'] as const

/**
 * Runs `run` (an import) and says where its time went: milliseconds in each Local API operation
 * it called, by operation and collection ("create outcomes"). Only the outermost call is timed: a
 * hook's own reads and writes are part of the operation that ran the hook. The import runs one
 * page after another, so one depth counter tells the outermost call.
 */
export const timeOperations = async <T>(payload: Payload, run: () => Promise<T>) => {
  const spent = new Map<string, number>()
  let depth = 0
  const originals = OPERATIONS.map((name) => [name, payload[name]] as const)
  for (const [name, original] of originals) {
    const timed = async (args: { collection: string }) => {
      if (depth > 0) return (original as (args: unknown) => Promise<unknown>).call(payload, args)
      depth++
      const started = performance.now()
      try {
        return await (original as (args: unknown) => Promise<unknown>).call(payload, args)
      } finally {
        depth--
        const key = `${name} ${args.collection}`
        spent.set(key, (spent.get(key) ?? 0) + performance.now() - started)
      }
    }
    ;(payload as unknown as Record<string, unknown>)[name] = timed
  }
  try {
    return { result: await run(), spent }
  } finally {
    for (const [name, original] of originals) (payload as unknown as Record<string, unknown>)[name] = original
  }
}

/** Milliseconds per page in each operation, the rest (reading the files, transactions, the importer's own work) as `other`. */
export const perPage = (spent: Map<string, number>, pages: number, totalMs: number) => {
  const round = (ms: number) => Math.round((ms / pages) * 100) / 100
  const operations = [...spent].sort((a, b) => b[1] - a[1])
  const inOperations = operations.reduce((sum, [, ms]) => sum + ms, 0)
  return { ...Object.fromEntries(operations.map(([key, ms]) => [key, round(ms)])), other: round(Math.max(0, totalMs - inOperations)) }
}
