import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`idfRegion_status_endYear_idx\` ON \`projects\` (\`idf_region\`,\`status\`,\`end_year\`);`)
  await db.run(sql`CREATE INDEX \`status_endYear_idx\` ON \`projects\` (\`status\`,\`end_year\`);`)
  await db.run(sql`CREATE INDEX \`version_idfRegion_version_status_version_endYear_idx\` ON \`_projects_v\` (\`version_idf_region\`,\`version_status\`,\`version_end_year\`);`)
  await db.run(sql`CREATE INDEX \`version_status_version_endYear_idx\` ON \`_projects_v\` (\`version_status\`,\`version_end_year\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`idfRegion_status_endYear_idx\`;`)
  await db.run(sql`DROP INDEX \`status_endYear_idx\`;`)
  await db.run(sql`DROP INDEX \`version_idfRegion_version_status_version_endYear_idx\`;`)
  await db.run(sql`DROP INDEX \`version_status_version_endYear_idx\`;`)
}
