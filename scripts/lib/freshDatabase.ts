import { rmSync } from 'node:fs'

/**
 * Makes the database at `url` empty for a benchmark or soak run: a SQLite file is deleted (with
 * its WAL files) when the run chose it or `reset` is set; a PostgreSQL database is made when it
 * does not exist, and wiped (its public schema dropped) only with `reset`. Anything else must
 * already be empty.
 */
export const freshDatabase = async (url: string, { chosenByUs, reset }: { chosenByUs: boolean; reset: boolean }) => {
  if (url.startsWith('file:') && (chosenByUs || reset)) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(url.slice('file:'.length) + suffix, { force: true })
  }
  if (/^postgres/.test(url)) {
    const pg = (await import('pg')).default
    const client = new pg.Client({ connectionString: url })
    try {
      await client.connect()
    } catch (error) {
      // A database that does not exist yet (a bare machine) is made, empty, from the server's
      // maintenance database.
      if ((error as { code?: string }).code !== '3D000') throw error
      await createDatabase(pg, url)
      return
    }
    if (reset) await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;')
    await client.end()
  }
}

const createDatabase = async (pg: typeof import('pg').default, url: string) => {
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.slice(1))
  target.pathname = '/postgres'
  const admin = new pg.Client({ connectionString: target.toString() })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`)
  } finally {
    await admin.end()
  }
}
