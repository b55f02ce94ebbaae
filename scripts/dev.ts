/** `npm run dev`: the development server, on a database migrated and seeded like production. */
import { ensureEnvironment } from './lib/env'
import { prepareDatabase } from './lib/prepareDatabase'
import { runNext } from './lib/serve'

ensureEnvironment()
await prepareDatabase()
runNext('dev', { NODE_ENV: 'development' })
