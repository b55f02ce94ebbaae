import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`project_cards\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`project\` text NOT NULL,
  	\`locale\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`title\` text,
  	\`status\` text,
  	\`project_type\` text,
  	\`idf_region\` text,
  	\`coverage\` text,
  	\`start_year\` numeric,
  	\`end_year\` numeric,
  	\`member_states\` text,
  	\`search\` text,
  	\`card\` text NOT NULL,
  	\`page\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`project_cards_project_idx\` ON \`project_cards\` (\`project\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`project_locale_idx\` ON \`project_cards\` (\`project\`,\`locale\`);`)
  await db.run(sql`CREATE INDEX \`slug_locale_idx\` ON \`project_cards\` (\`slug\`,\`locale\`);`)
  await db.run(sql`CREATE INDEX \`locale_idfRegion_status_endYear_idx\` ON \`project_cards\` (\`locale\`,\`idf_region\`,\`status\`,\`end_year\`);`)
  await db.run(sql`CREATE INDEX \`locale_status_endYear_idx\` ON \`project_cards\` (\`locale\`,\`status\`,\`end_year\`);`)
  await db.run(sql`CREATE INDEX \`locale_endYear_idx\` ON \`project_cards\` (\`locale\`,\`end_year\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`project_cards_id\` integer REFERENCES project_cards(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_project_cards_id_idx\` ON \`payload_locked_documents_rels\` (\`project_cards_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`project_cards\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	\`projects_id\` integer,
  	\`outcomes_id\` integer,
  	\`member_states_id\` integer,
  	\`review_events_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`projects_id\`) REFERENCES \`projects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`outcomes_id\`) REFERENCES \`outcomes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`member_states_id\`) REFERENCES \`member_states\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`review_events_id\`) REFERENCES \`review_events\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "projects_id", "outcomes_id", "member_states_id", "review_events_id") SELECT "id", "order", "parent_id", "path", "users_id", "projects_id", "outcomes_id", "member_states_id", "review_events_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_projects_id_idx\` ON \`payload_locked_documents_rels\` (\`projects_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_outcomes_id_idx\` ON \`payload_locked_documents_rels\` (\`outcomes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_member_states_id_idx\` ON \`payload_locked_documents_rels\` (\`member_states_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_review_events_id_idx\` ON \`payload_locked_documents_rels\` (\`review_events_id\`);`)
}
