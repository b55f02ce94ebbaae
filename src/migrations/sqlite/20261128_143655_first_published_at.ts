import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`projects\` ADD \`first_published_at\` text;`)
  await db.run(sql`ALTER TABLE \`_projects_v\` ADD \`version_first_published_at\` text;`)
  await db.run(sql`ALTER TABLE \`outcomes\` ADD \`first_published_at\` text;`)
  await db.run(sql`ALTER TABLE \`_outcomes_v\` ADD \`version_first_published_at\` text;`)
  // Written by hand: what is stored takes the date of its first published version, or, published
  // with none left (an unpublication rewrote it), of its last save; every version carries it.
  for (const [main, versions] of [['projects', '_projects_v'], ['outcomes', '_outcomes_v']] as const) {
    await db.run(sql.raw(`UPDATE "${main}" SET "first_published_at" = COALESCE((SELECT MIN(v."updated_at") FROM "${versions}" v WHERE v."parent_id" = "${main}"."id" AND v."version__status" = 'published'), CASE WHEN "${main}"."_status" = 'published' THEN "${main}"."updated_at" END);`))
    await db.run(sql.raw(`UPDATE "${versions}" SET "version_first_published_at" = (SELECT m."first_published_at" FROM "${main}" m WHERE m."id" = "${versions}"."parent_id");`))
  }
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`projects\` DROP COLUMN \`first_published_at\`;`)
  await db.run(sql`ALTER TABLE \`_projects_v\` DROP COLUMN \`version_first_published_at\`;`)
  await db.run(sql`ALTER TABLE \`outcomes\` DROP COLUMN \`first_published_at\`;`)
  await db.run(sql`ALTER TABLE \`_outcomes_v\` DROP COLUMN \`version_first_published_at\`;`)
}
