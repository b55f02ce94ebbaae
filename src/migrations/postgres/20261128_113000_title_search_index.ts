import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Title searches (`where[title][like]=…`, the admin's search box) are `ILIKE '%word%'` over the
 * titles: without a trigram index, a sequential scan of every project's translations (20 ms at
 * 10,000 projects, the bench's search at 0.27× Directus). Written by hand: Payload's index options
 * cannot name an operator class, so the index is not in the schema snapshot (the next generated
 * migration neither adds nor drops it). pg_trgm ships with PostgreSQL and is a trusted extension
 * (the database's owner may create it); where it is missing or refused, searches work as before,
 * only slower, and the migration says so instead of failing the deployment.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  DO $$
  BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
  EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'pg_trgm is not available (%): title searches will scan the titles', SQLERRM;
  END $$;
  DO $$
  BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
      CREATE INDEX IF NOT EXISTS "projects_locales_title_trgm_idx" ON "projects_locales" USING gin ("title" gin_trgm_ops);
      CREATE INDEX IF NOT EXISTS "_projects_v_locales_version_title_trgm_idx" ON "_projects_v_locales" USING gin ("version_title" gin_trgm_ops);
    END IF;
  END $$;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "projects_locales_title_trgm_idx";
  DROP INDEX IF EXISTS "_projects_v_locales_version_title_trgm_idx";`)
}
