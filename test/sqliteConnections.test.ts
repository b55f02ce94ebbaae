import { sql } from 'drizzle-orm'
import type { Payload } from 'payload'
import { commitTransaction, createLocalReq, killTransaction } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { databaseKind, optimizeDatabase, sqlSession, startTransaction } from '../src/database'
import { compiledStatements, reuseTransactionConnections } from '../src/sqliteConnections'
import { seedStates, validProject } from './helpers/fixtures'
import { startPayload } from './helpers/payload'

/**
 * SQLite statements stay compiled and transactions keep their connections (src/sqliteConnections.ts):
 * a save or a read done again compiles nothing, and nothing of what is kept outlives what it
 * depends on (a schema change, a rolled-back transaction).
 */
let payload: Payload
let states: Record<string, number | string>

const sqlite = databaseKind(process.env.DATABASE_URL ?? 'file:') === 'sqlite'

beforeAll(async () => {
  payload = await startPayload()
  states = (await seedStates(payload, ['LS', 'KE'])) as Record<string, number | string>
})
afterAll(async () => {
  await payload?.destroy()
})

/** How many statements SQLite compiled while `run` ran. */
const compiledDuring = async (run: () => Promise<unknown>) => {
  const before = compiledStatements()
  await run()
  return compiledStatements() - before
}

/** A project created with its outcome in one transaction, as the importer writes a page; `fail` rolls it back. */
const savePage = async (n: number, { fail = false } = {}) => {
  const req = await createLocalReq({ locale: 'en' }, payload)
  expect(await startTransaction(req)).toBe(true)
  try {
    const project = await payload.create({
      collection: 'projects',
      draft: true,
      depth: 0,
      req,
      data: validProject(states.LS!, { title: `Kept connection ${n}`, primaId: `ZA97P${String(n).padStart(4, '0')}`, projectId: `LM.${7000 + n}` }) as any,
    })
    await payload.create({ collection: 'outcomes', draft: true, depth: 0, req, data: { project: project.id, order: 1, statement: `Outcome ${n}`, _status: 'draft' } as any })
    if (fail) throw new Error('the page failed')
    await commitTransaction(req)
    return project.id
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}

describe.runIf(sqlite)('SQLite statements and connections', () => {
  it('compile a read once: the same read again compiles nothing', async () => {
    const read = () => payload.find({ collection: 'projects', where: { idfRegion: { equals: 'africa' } }, locale: 'fr', depth: 1, limit: 5 })
    expect(await compiledDuring(read)).toBeGreaterThan(0)
    expect(await compiledDuring(read)).toBe(0)
  })

  it('run the next transaction on the connection the last one ended, its statements compiled', async () => {
    await savePage(1)
    expect(await compiledDuring(() => savePage(2))).toBe(0)
    const { docs } = await payload.find({ collection: 'projects', draft: true, where: { title: { like: 'Kept connection' } }, sort: 'title', locale: 'en', depth: 0 })
    expect(docs.map((doc) => doc.title)).toEqual(['Kept connection 1', 'Kept connection 2'])
  })

  it('leave nothing of a rolled-back transaction on the connection the next one takes', async () => {
    await expect(savePage(3, { fail: true })).rejects.toThrow('the page failed')
    const id = await savePage(4)
    const titles = (await payload.find({ collection: 'projects', draft: true, where: { title: { like: 'Kept connection' } }, sort: 'title', locale: 'en', depth: 0 })).docs.map((doc) => doc.title)
    expect(titles).toEqual(['Kept connection 1', 'Kept connection 2', 'Kept connection 4'])
    expect((await payload.count({ collection: 'outcomes', where: { project: { equals: id } } })).totalDocs).toBe(1)
    // The kept connection has the client's settings.
    const req = await createLocalReq({}, payload)
    await startTransaction(req)
    try {
      const session = await sqlSession(payload, req)
      expect(Object.values((await session.all(sql.raw('PRAGMA busy_timeout')))[0])).toEqual([5000])
    } finally {
      await commitTransaction(req)
    }
  })

  type Transaction = { execute: (statement: string) => Promise<{ rows: Record<string, unknown>[] }>; commit: () => Promise<void>; rollback: () => Promise<void> }
  const client = () =>
    (payload.db as unknown as { client: { execute: (statement: string) => Promise<{ rows: Record<string, unknown>[]; columnTypes: string[] }>; transaction: (mode: string) => Promise<Transaction> } }).client

  it('refuse a finished transaction once its connection serves the next one', async () => {
    const first = await client().transaction('write')
    await first.execute('SELECT 1')
    await first.commit()
    const second = await client().transaction('write')
    try {
      // The same connection, in another transaction: the first handle must not reach it.
      await expect(first.execute("UPDATE member_states SET picker_label = 'written late'")).rejects.toThrow(/transaction is closed/i)
      await expect(first.rollback()).rejects.toThrow(/transaction is closed/i)
      expect((await second.execute('SELECT 1 AS one')).rows[0]).toMatchObject({ one: 1 })
    } finally {
      await second.rollback()
    }
    expect((await payload.count({ collection: 'member-states', where: { pickerLabel: { equals: 'written late' } } })).totalDocs).toBe(0)
  })

  it('make every connection read the new statistics after ANALYZE (the schema version moves on)', async () => {
    const version = async () => Number(Object.values((await client().execute('PRAGMA schema_version')).rows[0]!)[0])
    // The first ANALYZE creates SQLite's statistics table, which moves the version by itself.
    await optimizeDatabase(payload)
    const before = await version()
    await optimizeDatabase(payload)
    expect(await version()).toBeGreaterThan(before)
    expect((await client().execute("SELECT count(*) AS n FROM sqlite_master WHERE name = 'statistics_reload'")).rows[0]).toMatchObject({ n: 0 })
  })

  it('leave an in-memory database to the client: a new connection there is another database', () => {
    const fake = () => ({ transaction: async () => undefined, close: () => undefined })
    expect(reuseTransactionConnections(fake(), { url: 'file::memory:' }, () => {})).toBe(false)
    expect(reuseTransactionConnections(fake(), { url: 'file::memory:?cache=shared' }, () => {})).toBe(false)
    expect(reuseTransactionConnections(fake(), { url: 'file:/tmp/kept-connections.db' }, () => {})).toBe(true)
  })

  it('compile a statement again after the schema changed: new columns and types are read', async () => {
    await client().execute('CREATE TABLE kept_statements (a INTEGER, b TEXT)')
    await client().execute("INSERT INTO kept_statements VALUES (1, 'one')")
    const read = 'SELECT a, b FROM kept_statements'
    expect((await client().execute(read)).columnTypes).toEqual(['INTEGER', 'TEXT'])
    await client().execute('DROP TABLE kept_statements')
    await client().execute('CREATE TABLE kept_statements (b TEXT, a REAL)')
    await client().execute("INSERT INTO kept_statements VALUES ('two', 2.5)")
    const again = await client().execute(read)
    expect(again.columnTypes).toEqual(['REAL', 'TEXT'])
    expect(again.rows.map((row) => ({ ...row }))).toEqual([{ a: 2.5, b: 'two' }])
    await client().execute('DROP TABLE kept_statements')
    // And the content model still reads as it did.
    expect((await payload.count({ collection: 'member-states', where: { id: { equals: states.KE } } })).totalDocs).toBe(1)
  })
})
