/** `npm run seed`: migrate, then load the reference data and (into an empty database) the sample. */
// The environment (.env), then the Payload config, before anything else: loaded after other
// modules, the config's graph can stall under tsx.
import './lib/environment'
import config from '../payload.config'
import { prepareDatabase } from './lib/prepareDatabase'

await prepareDatabase(config)
process.exit(0)
