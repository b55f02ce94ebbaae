/** `npm run dev`: the development server, on a database migrated and seeded like production. */
// The environment (.env), then the Payload config, before anything else: loaded after other
// modules, the config's graph can stall under tsx.
import './lib/environment'
import config from '../payload.config'
import { prepareDatabase } from './lib/prepareDatabase'
import { runNext } from './lib/serve'

await prepareDatabase(config)
runNext('dev', { NODE_ENV: 'development' })
