import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "project_cards" ADD COLUMN "project_updated_at" timestamp(3) with time zone;
  ALTER TABLE "project_cards" ADD COLUMN "own_title" varchar;
  CREATE INDEX "locale_projectUpdatedAt_projectCreatedAt_ownTitle_idx" ON "project_cards" USING btree ("locale","project_updated_at","project_created_at","own_title");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "locale_projectUpdatedAt_projectCreatedAt_ownTitle_idx";
  ALTER TABLE "project_cards" DROP COLUMN "project_updated_at";
  ALTER TABLE "project_cards" DROP COLUMN "own_title";`)
}
