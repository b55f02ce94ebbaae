/**
 * Which database the suite runs against, and how to reach it. Shared by the global setup (which
 * drops the test databases at the end) and the per-file setup (which creates one per file).
 */
export type TestTarget = 'sqlite' | 'postgres' | 'mongodb'

export const testTarget = (): TestTarget => {
  const wanted = (process.env.TEST_DATABASE ?? 'sqlite').toLowerCase()
  if (wanted === 'sqlite' || wanted === 'postgres' || wanted === 'mongodb') return wanted
  throw new Error(`TEST_DATABASE must be sqlite, postgres or mongodb, not "${wanted}"`)
}

/** A PostgreSQL server where test databases may be created and dropped. */
export const postgresAdminUrl = () =>
  process.env.TEST_POSTGRES_URL ?? 'postgres://cms:cms@127.0.0.1:5432/postgres'

export const mongoBaseUrl = () => {
  const url = process.env.MONGODB_URL
  if (!url) throw new Error('TEST_DATABASE=mongodb needs MONGODB_URL, the address of a real MongoDB server')
  return url
}

/** Test databases all carry this prefix, so teardown can find and drop them. */
export const TEST_DB_PREFIX = 'cms_test_'

/** A database URL with another database name. */
export const withDatabase = (url: string, name: string) => {
  const parsed = new URL(url)
  parsed.pathname = `/${name}`
  return parsed.toString()
}
