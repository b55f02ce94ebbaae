import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`outcomes\` ADD \`project_published\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_outcomes_v\` ADD \`version_project_published\` integer DEFAULT false;`)
  // Written by hand: the outcomes already stored take their project's state.
  await db.run(sql`UPDATE \`outcomes\` SET \`project_published\` = EXISTS (SELECT 1 FROM \`projects\` WHERE \`projects\`.\`id\` = \`outcomes\`.\`project_id\` AND \`projects\`.\`_status\` = 'published');`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`outcomes\` DROP COLUMN \`project_published\`;`)
  await db.run(sql`ALTER TABLE \`_outcomes_v\` DROP COLUMN \`version_project_published\`;`)
}
