/** `npm run seed`: migrate, then load the reference data and (into an empty database) the sample. */
// The environment (.env) first: the Payload config reads it.
import './lib/environment'
import config from '../payload.config'
import { prepareDatabase } from './lib/prepareDatabase'

await prepareDatabase(config)
process.exit(0)
