/**
 * `npm run restore -- <backup file> [--force]`: puts a backup made by `npm run backup` in place of
 * the SQLite database of DATABASE_URL. Stop the CMS first. An existing database is only replaced
 * with --force, and is then kept beside it. `npm start` applies any newer migrations afterwards.
 */
import './lib/environment'

import { restoreSqlite } from '../src/backup/sqlite'
import { databaseKind, DEFAULT_DATABASE_URL } from '../src/database'

const args = process.argv.slice(2)
const backup = args.find((arg) => !arg.startsWith('--'))
const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
if (!backup) {
  console.error('Usage: npm run restore -- <backup file> [--force]')
  process.exit(2)
}
if (databaseKind(url) !== 'sqlite') {
  console.error('npm run restore restores the embedded SQLite database. For PostgreSQL use pg_restore/psql, for MongoDB mongorestore: see docs/deployment.md.')
  process.exit(2)
}
try {
  const { file, keptAs } = await restoreSqlite(backup, url, { force: args.includes('--force') })
  console.log(`Restored ${backup} into ${file}.${keptAs ? ` The database that was there is kept as ${keptAs}.` : ''}`)
} catch (error) {
  console.error(`Restore failed: ${(error as Error).message}`)
  process.exit(1)
}
