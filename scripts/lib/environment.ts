/** Imported first by the scripts: `.env` loaded and PAYLOAD_SECRET ensured before the config reads them. */
import { ensureEnvironment } from './env'

ensureEnvironment()
