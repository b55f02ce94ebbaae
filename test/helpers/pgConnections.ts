import pg from 'pg'

/**
 * Runs `run` and lists the statements node-postgres was handed on a connection while another ran
 * or waited there: its deprecated queue (a DeprecationWarning; pg@9 refuses them). Also how many
 * it was handed in all, which shows the statements of `run` went through this copy of pg.
 */
export const sentWhileAnotherRuns = async (run: () => Promise<unknown>): Promise<{ sent: number; whileAnotherRuns: string[] }> => {
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }
  const send = prototype.query
  const found: string[] = []
  let sent = 0
  prototype.query = function (this: { _activeQuery?: unknown; _queryQueue?: unknown[] }, ...args: unknown[]) {
    sent++
    if (this._activeQuery || (this._queryQueue?.length ?? 0) > 0) found.push(String((args[0] as { text?: string })?.text ?? args[0]).slice(0, 120))
    return send.apply(this, args)
  }
  try {
    await run()
  } finally {
    prototype.query = send
  }
  return { sent, whileAnotherRuns: found }
}
