import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "locale_status_endYear_idx";
  DROP INDEX "locale_endYear_idx";
  ALTER TABLE "project_cards" ADD COLUMN "project_created_at" timestamp(3) with time zone;
  CREATE INDEX "locale_idfRegion_status_endYear_projectCreatedAt_idx" ON "project_cards" USING btree ("locale","idf_region","status","end_year","project_created_at");
  CREATE INDEX "locale_status_endYear_projectCreatedAt_idx" ON "project_cards" USING btree ("locale","status","end_year","project_created_at");
  CREATE INDEX "locale_endYear_projectCreatedAt_idx" ON "project_cards" USING btree ("locale","end_year","project_created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "locale_idfRegion_status_endYear_projectCreatedAt_idx";
  DROP INDEX "locale_status_endYear_projectCreatedAt_idx";
  DROP INDEX "locale_endYear_projectCreatedAt_idx";
  CREATE INDEX "locale_status_endYear_idx" ON "project_cards" USING btree ("locale","status","end_year");
  CREATE INDEX "locale_endYear_idx" ON "project_cards" USING btree ("locale","end_year");
  ALTER TABLE "project_cards" DROP COLUMN "project_created_at";`)
}
