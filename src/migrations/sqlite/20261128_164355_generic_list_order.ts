import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`locale_status_endYear_idx\`;`)
  await db.run(sql`DROP INDEX \`locale_endYear_idx\`;`)
  await db.run(sql`ALTER TABLE \`project_cards\` ADD \`project_created_at\` text;`)
  await db.run(sql`CREATE INDEX \`locale_idfRegion_status_endYear_projectCreatedAt_idx\` ON \`project_cards\` (\`locale\`,\`idf_region\`,\`status\`,\`end_year\`,\`project_created_at\`);`)
  await db.run(sql`CREATE INDEX \`locale_status_endYear_projectCreatedAt_idx\` ON \`project_cards\` (\`locale\`,\`status\`,\`end_year\`,\`project_created_at\`);`)
  await db.run(sql`CREATE INDEX \`locale_endYear_projectCreatedAt_idx\` ON \`project_cards\` (\`locale\`,\`end_year\`,\`project_created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`locale_idfRegion_status_endYear_projectCreatedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`locale_status_endYear_projectCreatedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`locale_endYear_projectCreatedAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`locale_status_endYear_idx\` ON \`project_cards\` (\`locale\`,\`status\`,\`end_year\`);`)
  await db.run(sql`CREATE INDEX \`locale_endYear_idx\` ON \`project_cards\` (\`locale\`,\`end_year\`);`)
  await db.run(sql`ALTER TABLE \`project_cards\` DROP COLUMN \`project_created_at\`;`)
}
