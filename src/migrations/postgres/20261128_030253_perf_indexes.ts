import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "idfRegion_status_endYear_idx" ON "projects" USING btree ("idf_region","status","end_year");
  CREATE INDEX "status_endYear_idx" ON "projects" USING btree ("status","end_year");
  CREATE INDEX "version_idfRegion_version_status_version_endYear_idx" ON "_projects_v" USING btree ("version_idf_region","version_status","version_end_year");
  CREATE INDEX "version_status_version_endYear_idx" ON "_projects_v" USING btree ("version_status","version_end_year");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "idfRegion_status_endYear_idx";
  DROP INDEX "status_endYear_idx";
  DROP INDEX "version_idfRegion_version_status_version_endYear_idx";
  DROP INDEX "version_status_version_endYear_idx";`)
}
