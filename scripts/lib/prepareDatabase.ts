import type { SanitizedConfig } from 'payload'
import { getPayload } from 'payload'

import { committedMigrations, databaseKind, DEFAULT_DATABASE_URL, optimizeDatabase } from '../../src/database'
import { ensureProjectCards } from '../../src/readModel/cards'
import { seed } from '../../src/seed'

/**
 * Applies the pending migrations (SQL adapters), then loads the reference data and, into an
 * empty database, the sample content. Run before the server starts, so its first request finds
 * a ready database, its list cards in step (src/readModel).
 */
export const prepareDatabase = async (config: Promise<SanitizedConfig>) => {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
  const kind = databaseKind(url)
  const payload = await getPayload({ config })
  try {
    if (kind !== 'mongodb') await payload.db.migrate({ migrations: await committedMigrations(kind) })
    const report = await seed(payload)
    if (report.memberStatesCreated > 0) {
      payload.logger.info(`Loaded ${report.memberStatesCreated} Member States and observer States.`)
    }
    if (report.sampleCreated) payload.logger.info('Loaded the sample project (Lesotho, in French).')
    // Fresh planner statistics for the data as it now stands (see optimizeDatabase).
    await optimizeDatabase(payload)
    // The public list's read model, rebuilt when it is not that of the published projects (a first
    // start after the upgrade that added it, a restore of an older backup, a bulk load).
    const rebuilt = await ensureProjectCards(payload)
    if (rebuilt !== undefined) {
      payload.logger.info(`Rebuilt the list cards of ${rebuilt} published projects.`)
      await optimizeDatabase(payload)
    }
  } finally {
    await payload.destroy()
  }
}
