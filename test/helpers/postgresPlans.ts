import type { Payload } from 'payload'

/**
 * Runs `check` with an EXPLAIN on PostgreSQL that prices sequential scans out, in a transaction
 * rolled back afterwards. A test's tables are so small that the planner scans them whatever
 * indexes exist; with scans priced out, the plan shows which index it can use.
 */
export const withIndexPlans = async (payload: Payload, check: (plan: (query: string) => Promise<string>) => Promise<void>) => {
  const pool = (payload.db as unknown as { pool: { connect: () => Promise<any> } }).pool
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('SET LOCAL enable_seqscan = off')
    await check(async (query) => (await client.query(`EXPLAIN ${query}`)).rows.map((row: any) => row['QUERY PLAN']).join('\n'))
  } finally {
    await client.query('ROLLBACK')
    client.release()
  }
}
