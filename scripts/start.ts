/**
 * `npm start`: the production start, with no configuration needed. Builds when the build is
 * missing or stale, applies pending migrations, loads the reference data and the sample content
 * into an empty database, then serves on PORT (3000) with the database from DATABASE_URL
 * (SQLite in ./data/cms.db by default).
 */
import { buildIfStale } from './lib/build'
import { ensureEnvironment } from './lib/env'
import { prepareDatabase } from './lib/prepareDatabase'
import { runNext } from './lib/serve'

Object.assign(process.env, { NODE_ENV: 'production' })
ensureEnvironment()
buildIfStale()
await prepareDatabase()
runNext('start', { NODE_ENV: 'production' })
