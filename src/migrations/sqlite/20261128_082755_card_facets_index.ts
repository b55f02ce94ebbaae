import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`locale_idfRegion_status_endYear_idx\`;`)
  await db.run(sql`CREATE INDEX \`compound_index_idx\` ON \`project_cards\` (\`locale\`,\`idf_region\`,\`status\`,\`end_year\`,\`project_type\`,\`coverage\`,\`start_year\`,\`member_states\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`compound_index_idx\`;`)
  await db.run(sql`CREATE INDEX \`locale_idfRegion_status_endYear_idx\` ON \`project_cards\` (\`locale\`,\`idf_region\`,\`status\`,\`end_year\`);`)
}
