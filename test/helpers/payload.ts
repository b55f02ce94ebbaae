import type { Payload } from 'payload'
import { getPayload } from 'payload'

import { committedMigrations, databaseKind } from '../../src/database'

/**
 * A Payload instance on this test file's own database, with the committed migrations applied:
 * tests run on the schema production runs, not on one pushed from the collections.
 */
export const startPayload = async (): Promise<Payload> => {
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config })
  const kind = databaseKind(process.env.DATABASE_URL ?? 'file:')
  if (kind !== 'mongodb') await payload.db.migrate({ migrations: await committedMigrations(kind) })
  return payload
}

export const TEST_PASSWORD = 'correct-horse-battery-staple'

/**
 * A staff account with the given roles (created with the Local API, as an admin would). The first
 * account of a database always becomes an admin, so an empty database first gets a bootstrap admin.
 */
export const createUser = async (payload: Payload, roles: ('admin' | 'editor' | 'reviewer')[], name = roles.join('-')) => {
  if ((await payload.count({ collection: 'users' })).totalDocs === 0) {
    await payload.create({ collection: 'users', data: { email: 'bootstrap@example.org', password: TEST_PASSWORD, roles: ['admin'] } })
  }
  return payload.create({
    collection: 'users',
    data: { email: `${name}-${Math.random().toString(36).slice(2, 8)}@example.org`, password: TEST_PASSWORD, name, roles },
  })
}

/**
 * The address of a second, empty database of the same kind as this file's own (created on
 * PostgreSQL). Its name extends this file's database's, so the run's teardown drops it too.
 */
export const createSecondDatabase = async (suffix = 'second'): Promise<string> => {
  const url = new URL(process.env.DATABASE_URL!)
  const kind = databaseKind(url.toString())
  if (kind === 'sqlite') return `file:${url.pathname.replace(/\.db$/, `_${suffix}.db`)}`
  const name = `${url.pathname.slice(1)}_${suffix}`
  if (kind === 'postgres') {
    const { default: pg } = await import('pg')
    const admin = new pg.Client({ connectionString: url.toString() })
    await admin.connect()
    await admin.query(`CREATE DATABASE "${name}"`)
    await admin.end()
  }
  url.pathname = `/${name}`
  return url.toString()
}

/**
 * A second Payload instance on a second, empty database of the same kind (for moving data
 * between databases: export here, import there).
 */
export const startSecondPayload = async (suffix = 'second'): Promise<Payload> =>
  startPayloadOn(await createSecondDatabase(suffix), suffix)

/** Another Payload instance on the database at `url` (migrated), under its own cache key. */
export const startPayloadOn = async (url: string, key: string): Promise<Payload> => {
  const { default: config } = await import('../../payload.config')
  const { databaseAdapter } = await import('../../src/database')
  const payload = await getPayload({ config: { ...(await config), db: (await databaseAdapter(url)) as never }, key })
  const kind = databaseKind(url)
  if (kind !== 'mongodb') await payload.db.migrate({ migrations: await committedMigrations(kind) })
  return payload
}
