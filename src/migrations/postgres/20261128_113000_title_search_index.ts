import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Title searches (`where[title][like]=…`) are `ILIKE '%word%'` over the titles: without a trigram
 * index, a sequential scan of every project's translations (20 ms at 10,000 projects, the bench's
 * search at 0.27× Directus). Published titles and drafts' titles (staff searching drafts by
 * title). Written by hand: Payload's index options cannot name an operator class, so the indexes
 * are not in the schema snapshot (the next generated migration neither adds nor drops them).
 * pg_trgm ships with PostgreSQL and is a trusted extension (the database's owner may create it);
 * where it is missing or refused, or lives in a schema of its own, nothing fails: the operator
 * class is named with the extension's schema, and a refusal is a warning (searches then scan, as
 * before; docs/deployment.md says how to add the indexes later).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  DO $$
  DECLARE trgm_schema text;
  BEGIN
    BEGIN
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN OTHERS THEN
      RAISE WARNING 'pg_trgm is not available (%): title searches will scan the titles', SQLERRM;
    END;
    SELECT n.nspname INTO trgm_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
    IF trgm_schema IS NOT NULL THEN
      BEGIN
        EXECUTE format('CREATE INDEX IF NOT EXISTS "projects_locales_title_trgm_idx" ON "projects_locales" USING gin ("title" %I.gin_trgm_ops)', trgm_schema);
        EXECUTE format('CREATE INDEX IF NOT EXISTS "_projects_v_locales_version_title_trgm_idx" ON "_projects_v_locales" USING gin ("version_title" %I.gin_trgm_ops)', trgm_schema);
      EXCEPTION WHEN OTHERS THEN
        RAISE WARNING 'the title search indexes were not created (%): title searches will scan the titles', SQLERRM;
      END;
    END IF;
  END $$;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "projects_locales_title_trgm_idx";
  DROP INDEX IF EXISTS "_projects_v_locales_version_title_trgm_idx";`)
}
