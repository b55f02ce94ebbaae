import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "outcomes" ADD COLUMN "project_published" boolean DEFAULT false;
  ALTER TABLE "_outcomes_v" ADD COLUMN "version_project_published" boolean DEFAULT false;`)
  // Written by hand: the outcomes already stored take their project's state.
  await db.execute(sql`
   UPDATE "outcomes" SET "project_published" = ("projects"."_status" = 'published') FROM "projects" WHERE "projects"."id" = "outcomes"."project_id";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "outcomes" DROP COLUMN "project_published";
  ALTER TABLE "_outcomes_v" DROP COLUMN "version_project_published";`)
}
