import type { Payload } from 'payload'

const OPERATIONS = ['create', 'update', 'find', 'findByID', 'count'] as const

/**
 * Runs `run` (an import) and says where its time went: milliseconds in each Local API operation
 * it called, by operation and collection ("create outcomes"). Only the outermost call is timed: a
 * hook's own reads and writes are part of the operation that ran the hook. Each page has a
 * transaction of its own, which its operations and their hooks share (the read model's hooks read
 * with requests of their own, in the same transaction): the transactions in an operation tell a
 * page's outermost call while other pages run at once. (An AsyncLocalStorage would too, but turns
 * on Node's promise hooks, which slowed the whole import.)
 */
export const timeOperations = async <T>(payload: Payload, run: () => Promise<T>) => {
  const spent = new Map<string, number>()
  const inOperation = new Set<unknown>()
  const contextOf = (req?: { transactionID?: unknown }) =>
    typeof req?.transactionID === 'string' || typeof req?.transactionID === 'number' ? req.transactionID : (req ?? payload)
  const originals = OPERATIONS.map((name) => [name, payload[name]] as const)
  for (const [name, original] of originals) {
    const call = (args: unknown) => (original as (args: unknown) => Promise<unknown>).call(payload, args)
    const timed = async (args: { collection: string; req?: { transactionID?: unknown } }) => {
      const context = contextOf(args.req)
      if (inOperation.has(context)) return call(args)
      inOperation.add(context)
      const started = performance.now()
      try {
        return await call(args)
      } finally {
        inOperation.delete(context)
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

/**
 * Milliseconds per page in each operation, and, for pages imported one at a time, the rest
 * (reading the files, transactions, the importer's own work) as `other`. Pages imported at once
 * overlap: each operation's figure is then a page's own time in it, waits for the others included,
 * and there is no `other` to tell.
 */
export const perPage = (spent: Map<string, number>, pages: number, totalMs: number, concurrency = 1) => {
  const round = (ms: number) => Math.round((ms / pages) * 100) / 100
  const operations = [...spent].sort((a, b) => b[1] - a[1])
  const inOperations = operations.reduce((sum, [, ms]) => sum + ms, 0)
  const byOperation = Object.fromEntries(operations.map(([key, ms]) => [key, round(ms)]))
  return concurrency > 1 ? byOperation : { ...byOperation, other: round(Math.max(0, totalMs - inOperations)) }
}
