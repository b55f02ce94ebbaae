/**
 * `npm start`: the production start, with no configuration needed. Builds when the build is
 * missing or stale, applies pending migrations, loads the reference data and the sample content
 * into an empty database, then serves on PORT (3000) with the database from DATABASE_URL
 * (SQLite in ./data/cms.db by default).
 */
// The environment (.env) first: the Payload config reads it.
import './lib/environment'
import config from '../payload.config'
import { buildIfStale } from './lib/build'
import { prepareDatabase } from './lib/prepareDatabase'
import { runNext } from './lib/serve'
import { secretWeakness } from '../src/secret'

const weakness = secretWeakness(process.env.PAYLOAD_SECRET)
if (weakness) {
  console.error(`PAYLOAD_SECRET ${weakness}: the production server will not start. Set a long random value (openssl rand -hex 32), or remove it and a random one is written to .env.`)
  process.exit(1)
}
Object.assign(process.env, { NODE_ENV: 'production' })
buildIfStale()
await prepareDatabase(config)
runNext('start', { NODE_ENV: 'production' })
