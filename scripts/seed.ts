/** `npm run seed`: migrate, then load the reference data and (into an empty database) the sample. */
import { ensureEnvironment } from './lib/env'
import { prepareDatabase } from './lib/prepareDatabase'

ensureEnvironment()
await prepareDatabase()
process.exit(0)
