import { copyFile, mkdir, rename, stat } from 'node:fs/promises'
import path from 'node:path'

import { createClient } from '@libsql/client'

/** The file of a `file:` database URL (relative paths from the working directory). */
export const sqliteFile = (url: string) => path.resolve(url.slice('file:'.length))

const exists = (file: string) => stat(file).then(() => true, () => false)

/**
 * `PRAGMA integrity_check` on a database file: "ok", or what is wrong, a file that is no database
 * at all included. Other failures (a file that cannot be read, a lock) are thrown as they are.
 */
export const checkIntegrity = async (file: string): Promise<string> => {
  const client = createClient({ url: `file:${file}` })
  try {
    const { rows } = await client.execute('PRAGMA integrity_check')
    return rows.map((row) => String(Object.values(row)[0])).join('; ')
  } catch (error) {
    if (/SQLITE_(NOTADB|CORRUPT)/.test(`${(error as { code?: string }).code} ${(error as Error).message}`)) return (error as Error).message
    throw error
  } finally {
    client.close()
  }
}

/**
 * An online, consistent copy of a SQLite database while the CMS keeps running: `VACUUM INTO`
 * writes a snapshot of one read transaction (nothing half-written, WAL included) into a new file.
 */
export const backupSqlite = async (url: string, out: string): Promise<{ file: string; bytes: number }> => {
  const target = path.resolve(out)
  if (await exists(target)) throw new Error(`${target} already exists: choose another file.`)
  await mkdir(path.dirname(target), { recursive: true })
  const client = createClient({ url: `file:${sqliteFile(url)}` })
  try {
    await client.execute({ sql: 'VACUUM INTO ?', args: [target] })
  } finally {
    client.close()
  }
  const integrity = await checkIntegrity(target)
  if (integrity !== 'ok') throw new Error(`the copy failed its integrity check: ${integrity}`)
  return { file: target, bytes: (await stat(target)).size }
}

/**
 * Puts a backup in place of the database file, with the CMS stopped. The backup is checked first;
 * a database that is already there is kept beside it (`.before-restore-<time>`) unless it is
 * empty, and is only replaced with `force`.
 */
export const restoreSqlite = async (backup: string, url: string, { force = false } = {}): Promise<{ file: string; keptAs?: string }> => {
  const source = path.resolve(backup)
  if (!(await exists(source))) throw new Error(`${source}: no such backup.`)
  const integrity = await checkIntegrity(source)
  if (integrity !== 'ok') throw new Error(`${source} is not a sound SQLite database: ${integrity}`)
  const target = sqliteFile(url)
  await mkdir(path.dirname(target), { recursive: true })
  let keptAs: string | undefined
  if (await exists(target)) {
    if (!force && (await stat(target)).size > 0) throw new Error(`${target} already holds a database: stop the CMS and add --force to replace it (it is kept beside it).`)
    keptAs = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`
    await rename(target, keptAs)
    for (const suffix of ['-wal', '-shm']) if (await exists(target + suffix)) await rename(target + suffix, keptAs + suffix)
  }
  await copyFile(source, target)
  return { file: target, keptAs }
}
