import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`project_cards\` ADD \`project_updated_at\` text;`)
  await db.run(sql`ALTER TABLE \`project_cards\` ADD \`own_title\` text;`)
  await db.run(sql`CREATE INDEX \`locale_projectUpdatedAt_projectCreatedAt_ownTitle_idx\` ON \`project_cards\` (\`locale\`,\`project_updated_at\`,\`project_created_at\`,\`own_title\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`locale_projectUpdatedAt_projectCreatedAt_ownTitle_idx\`;`)
  await db.run(sql`ALTER TABLE \`project_cards\` DROP COLUMN \`project_updated_at\`;`)
  await db.run(sql`ALTER TABLE \`project_cards\` DROP COLUMN \`own_title\`;`)
}
