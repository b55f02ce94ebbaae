import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "locale_idfRegion_status_endYear_idx";
  CREATE INDEX "compound_index_idx" ON "project_cards" USING btree ("locale","idf_region","status","end_year","project_type","coverage","start_year","member_states");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "compound_index_idx";
  CREATE INDEX "locale_idfRegion_status_endYear_idx" ON "project_cards" USING btree ("locale","idf_region","status","end_year");`)
}
