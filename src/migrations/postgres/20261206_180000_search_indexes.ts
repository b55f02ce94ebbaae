import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * The read model's searches through trigram indexes: `q` on the cards and their filter panels
 * (`search ILIKE '%word%'`) and the generic title search answered from the stored pages
 * (`own_title ILIKE '%word%'`). A common word is found within a few rows of the list's order, but
 * a rare one (a country's name, a typo) walked every row of the locale, stored pages and all:
 * 33–57 ms of PostgreSQL a request at 10,000 projects, 43 requests a second for the site's search
 * box, against 0.1–0.8 ms through these indexes. The planner keeps the ordered walk for common
 * words. Written by hand, as the title indexes (20261128_113000_title_search_index): where pg_trgm
 * is missing or refused, searches scan as before and the deployment goes on with a warning.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  DO $$
  DECLARE trgm_schema text;
  BEGIN
    BEGIN
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN OTHERS THEN
      RAISE WARNING 'pg_trgm is not available (%): searches of the project cards will scan them', SQLERRM;
    END;
    SELECT n.nspname INTO trgm_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
    IF trgm_schema IS NOT NULL THEN
      BEGIN
        EXECUTE format('CREATE INDEX IF NOT EXISTS "project_cards_search_trgm_idx" ON "project_cards" USING gin ("search" %I.gin_trgm_ops)', trgm_schema);
        EXECUTE format('CREATE INDEX IF NOT EXISTS "project_cards_own_title_trgm_idx" ON "project_cards" USING gin ("own_title" %I.gin_trgm_ops)', trgm_schema);
      EXCEPTION WHEN OTHERS THEN
        RAISE WARNING 'the project cards'' search indexes were not created (%): their searches will scan them', SQLERRM;
      END;
    END IF;
  END $$;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "project_cards_search_trgm_idx";
  DROP INDEX IF EXISTS "project_cards_own_title_trgm_idx";`)
}
