/**
 * `npm run backup [-- --out file]`: an online, consistent copy of the SQLite database of
 * DATABASE_URL (the CMS may keep running), checked before it is reported. PostgreSQL and MongoDB
 * are backed up with their own tools: see docs/deployment.md.
 */
import './lib/environment'

import path from 'node:path'

import { backupSqlite } from '../src/backup/sqlite'
import { databaseKind, DEFAULT_DATABASE_URL } from '../src/database'

const args = process.argv.slice(2)
const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
if (databaseKind(url) !== 'sqlite') {
  console.error('npm run backup copies the embedded SQLite database. For PostgreSQL use pg_dump, for MongoDB mongodump: see docs/deployment.md.')
  process.exit(2)
}
const out = args.includes('--out') ? args[args.indexOf('--out') + 1]! : path.join('backups', `cms-${new Date().toISOString().replace(/[:.]/g, '-')}.db`)
try {
  const { file, bytes } = await backupSqlite(url, out)
  console.log(`Backed up to ${file} (${(bytes / 1024).toFixed(0)} KiB, integrity checked).`)
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`)
  process.exit(1)
}
