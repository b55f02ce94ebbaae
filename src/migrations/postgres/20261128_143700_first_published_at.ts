import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "projects" ADD COLUMN "first_published_at" timestamp(3) with time zone;
  ALTER TABLE "_projects_v" ADD COLUMN "version_first_published_at" timestamp(3) with time zone;
  ALTER TABLE "outcomes" ADD COLUMN "first_published_at" timestamp(3) with time zone;
  ALTER TABLE "_outcomes_v" ADD COLUMN "version_first_published_at" timestamp(3) with time zone;`)
  // Written by hand: what is stored takes the date of its first published version, or, published
  // with none left (an unpublication rewrote it), of its last save; every version carries it.
  for (const [main, versions] of [['projects', '_projects_v'], ['outcomes', '_outcomes_v']] as const) {
    await db.execute(sql.raw(`UPDATE "${main}" m SET "first_published_at" = COALESCE((SELECT MIN(v."updated_at") FROM "${versions}" v WHERE v."parent_id" = m."id" AND v."version__status" = 'published'), CASE WHEN m."_status" = 'published' THEN m."updated_at" END);`))
    await db.execute(sql.raw(`UPDATE "${versions}" v SET "version_first_published_at" = m."first_published_at" FROM "${main}" m WHERE m."id" = v."parent_id";`))
  }
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "projects" DROP COLUMN "first_published_at";
  ALTER TABLE "_projects_v" DROP COLUMN "version_first_published_at";
  ALTER TABLE "outcomes" DROP COLUMN "first_published_at";
  ALTER TABLE "_outcomes_v" DROP COLUMN "version_first_published_at";`)
}
