import pg from 'pg'
import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { databaseKind } from '../src/database'
import { importPages } from '../src/importer/importPages'
import { MAX_NAMED_STATEMENTS, namedExecutions, nameStatements, namingClient } from '../src/postgresStatements'
import { seedStates } from './helpers/fixtures'
import { sentWhileAnotherRuns } from './helpers/pgConnections'
import { startPayload } from './helpers/payload'

/**
 * Named statements on PostgreSQL (src/postgresStatements.ts): while a process asks for them, each
 * data statement is prepared once per connection under a name its text gives, Payload's random
 * table aliases made stable first; the same answers either way.
 */
const onPostgres = databaseKind(process.env.DATABASE_URL ?? 'file:') === 'postgres'

describe.skipIf(!onPostgres)('named statements on PostgreSQL', () => {
  let pool: pg.Pool
  /** The statements prepared on the pool's one connection. */
  const prepared = async () =>
    (await pool.query<{ statement: string }>({ text: "select statement from pg_prepared_statements where name like 's\\_%' order by statement" })).rows.map(
      (row) => row.statement,
    )

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1, Client: namingClient(pg.Client) })
    await pool.query('create table named_probe (id serial primary key, title varchar)')
    await pool.query("insert into named_probe (title) values ('one'), ('two')")
  })
  afterEach(() => nameStatements(false))
  afterAll(async () => {
    await pool?.query('drop table if exists named_probe')
    await pool?.end()
  })

  it('prepares a statement once under one name, whatever table aliases Payload gave it, and answers the same', async () => {
    const aliased = (alias: string) => ({ text: `select "${alias}"."title" from named_probe "${alias}" where "${alias}"."id" = $1`, values: [2] })
    const unnamed = await pool.query(aliased('0a1b2c3d_0000_4000_8000_000000000001'))
    expect(await prepared()).toEqual([])
    nameStatements()
    const first = await pool.query(aliased('0a1b2c3d_0000_4000_8000_000000000002'))
    const second = await pool.query(aliased('9f8e7d6c_1111_4111_8111_111111111111'))
    expect([first.rows, second.rows]).toEqual([unnamed.rows, unnamed.rows])
    const statements = await prepared()
    expect(statements.filter((text) => text.includes('named_probe'))).toEqual([
      'select "stable_alias_1"."title" from named_probe "stable_alias_1" where "stable_alias_1"."id" = $1',
    ])
  })

  it('leaves alone a `select *`, a `with`, several statements in one text, a statement that is not data, and whatever comes once the bound is reached', async () => {
    nameStatements()
    await pool.query({ text: 'select * from named_probe' })
    await pool.query({ text: 'with counted as (select count(*) as n from named_probe) select n from counted' })
    // Several statements cannot be prepared: named, this would fail.
    const several = await pool.query({ text: "update named_probe set title = title where id = 1; select 'done' as done" })
    expect((several as unknown as pg.QueryResult[]).at(-1)!.rows).toEqual([{ done: 'done' }])
    await pool.query({ text: 'begin' })
    await pool.query({ text: 'commit' })
    expect((await prepared()).some((text) => /select \*|^with|update|^begin/.test(text))).toBe(false)
    const before = (await prepared()).length
    for (let n = 0; n < MAX_NAMED_STATEMENTS + 5; n++) {
      const { rows } = await pool.query({ text: `select $1::int + ${n} as sum`, values: [1] })
      expect(rows[0].sum).toBe(n + 1)
    }
    expect((await prepared()).length).toBe(MAX_NAMED_STATEMENTS)
    expect(before).toBeLessThan(MAX_NAMED_STATEMENTS)
  })

  it('names no statement again whose columns a schema change altered: that one execution fails, the next ones run', async () => {
    const probe = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1, Client: namingClient(pg.Client) })
    // A checked-out client's promise form, as drizzle runs a transaction's statements.
    const client = await probe.connect()
    try {
      await client.query('create table named_changed (id serial primary key, amount int)')
      await client.query('insert into named_changed (amount) values (7)')
      nameStatements()
      const read = { text: 'select "amount" from named_changed where "id" = $1' }
      expect((await client.query(read, [1])).rows).toEqual([{ amount: 7 }])
      await client.query('alter table named_changed alter column amount type varchar')
      await expect(client.query(read, [1])).rejects.toMatchObject({ code: '0A000' })
      expect((await client.query(read, [1])).rows).toEqual([{ amount: '7' }])
    } finally {
      await client.query('drop table if exists named_changed')
      client.release()
      await probe.end()
    }
  })

  it('stops naming, and says so, when the server does not keep what the connection prepared (a pooler without prepared statements, a DISCARD ALL)', async () => {
    const probe = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1, Client: namingClient(pg.Client) })
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      nameStatements()
      const read = { text: 'select "title" from named_probe where "id" = $1', values: [1] }
      expect((await probe.query(read)).rows).toEqual([{ title: 'one' }])
      await probe.query({ text: 'deallocate all' })
      await expect(probe.query(read)).rejects.toMatchObject({ code: '26000' })
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/statements are sent unnamed from now on/))
      const named = namedExecutions()
      expect((await probe.query(read)).rows).toEqual([{ title: 'one' }])
      expect(namedExecutions()).toBe(named)
    } finally {
      warn.mockRestore()
      await probe.end()
    }
  })
})

describe.skipIf(!onPostgres)('one statement at a time on a connection', () => {
  it('sends statements asked for at once one after another, in the order asked, each with its own answer or error', async () => {
    const client = new (namingClient(pg.Client))({ connectionString: process.env.DATABASE_URL })
    await client.connect()
    try {
      const ended: number[] = []
      const ask = (n: number, text = `select ${n} as n, pg_sleep(0.02)`) =>
        client.query(text).then(
          (result) => (ended.push(n), Number(result.rows[0].n)),
          (error: { code?: string }) => (ended.push(n), `error ${error.code}`),
        )
      let answers: unknown[] = []
      const sends = await sentWhileAnotherRuns(async () => {
        answers = await Promise.all([ask(1), ask(2), ask(3, 'select * from no_such_table'), ask(4)])
      })
      // 42P01: no such table.
      expect(answers).toEqual([1, 2, 'error 42P01', 4])
      expect(ended).toEqual([1, 2, 3, 4])
      expect(sends).toEqual({ sent: 4, whileAnotherRuns: [] })
      // A plain client hands node-postgres the second of two statements while the first runs.
      const plain = new pg.Client({ connectionString: process.env.DATABASE_URL })
      await plain.connect()
      try {
        expect((await sentWhileAnotherRuns(() => Promise.all([1, 2].map((n) => plain.query(`select ${n}`))))).whileAnotherRuns).toHaveLength(1)
      } finally {
        await plain.end()
      }
    } finally {
      await client.end()
    }
  })
})

describe.skipIf(!onPostgres)('an import with named statements', () => {
  let payload: Payload
  beforeAll(async () => {
    payload = await startPayload()
    await seedStates(payload, ['LS'])
  })
  afterAll(async () => {
    nameStatements(false)
    await payload?.destroy()
  })

  it('imports pages as it does without them, and reads them back the same', async () => {
    const { readFileSync, writeFileSync } = await import('node:fs')
    const path = await import('node:path')
    const { tempDir } = await import('./helpers/tempDir')
    const dir = tempDir('named-import')
    const fixture = readFileSync(path.join(import.meta.dirname, 'fixtures/lesotho-labour-migration.fr.txt'), 'utf8')
    const files = [1, 2, 3, 4, 5, 6].map((n) => {
      const file = path.join(dir, `page-${n}.fr.txt`)
      writeFileSync(file, fixture.replace('ZA10P0005', `ZA55P000${n}`).replace('LM.0304', `LM.550${n}`).replace('au Lesotho', `au Lesotho, volet ${n}`))
      return file
    })
    const before = namedExecutions()
    const plain = await importPages(payload, files.slice(0, 3))
    expect(namedExecutions()).toBe(before)
    nameStatements()
    const named = await importPages(payload, files.slice(3))
    // Most statements of a page (46 but its transaction's begin and commit, at this writing).
    expect(namedExecutions() - before).toBeGreaterThan(3 * 20)
    expect([...plain, ...named].map((result) => [result.status, result.error])).toEqual(files.map(() => ['created', undefined]))
    const read = async (results: typeof plain) =>
      Promise.all(
        results.map(async (result) => {
          const { id, createdAt, updatedAt, projectId, primaId, slug, title, ...rest } = await payload.findByID({ collection: 'projects', id: result.projectId!, draft: true, depth: 0, locale: 'fr' })
          return rest
        }),
      )
    // The same fields, written and read back either way (IDs, titles and dates aside).
    const [namedDocs, plainDocs] = [await read(named), await read(plain)]
    expect(namedDocs[0]).toMatchObject({ budgetUSD: 150000, description: expect.any(Object), memberStates: [expect.anything()] })
    expect(namedDocs).toEqual(plainDocs)
  })
})
