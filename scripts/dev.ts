/** `npm run dev`: the development server, on a database migrated and seeded like production. */
// The environment (.env) first: the Payload config reads it.
import './lib/environment'
import config from '../payload.config'
import { prepareDatabase } from './lib/prepareDatabase'
import { runNext } from './lib/serve'

await prepareDatabase(config)
runNext('dev', { NODE_ENV: 'development' })
