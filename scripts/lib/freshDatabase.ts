import { rmSync } from 'node:fs'

/**
 * Makes the database at `url` empty for a benchmark or soak run: a SQLite file is deleted (with
 * its WAL files) when the run chose it or `reset` is set; a PostgreSQL database is wiped (its
 * public schema dropped) only with `reset`. Anything else must already be empty.
 */
export const freshDatabase = async (url: string, { chosenByUs, reset }: { chosenByUs: boolean; reset: boolean }) => {
  if (url.startsWith('file:') && (chosenByUs || reset)) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(url.slice('file:'.length) + suffix, { force: true })
  }
  if (/^postgres/.test(url) && reset) {
    const pg = (await import('pg')).default
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;')
    await client.end()
  }
}
