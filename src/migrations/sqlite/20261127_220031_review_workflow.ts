import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`review_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`project_id\` integer NOT NULL,
  	\`kind\` text DEFAULT 'note' NOT NULL,
  	\`from\` text,
  	\`to\` text,
  	\`note\` text,
  	\`by_id\` integer,
  	\`override\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`project_id\`) REFERENCES \`projects\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`review_events_project_idx\` ON \`review_events\` (\`project_id\`);`)
  await db.run(sql`CREATE INDEX \`review_events_by_idx\` ON \`review_events\` (\`by_id\`);`)
  await db.run(sql`CREATE INDEX \`review_events_updated_at_idx\` ON \`review_events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`review_events_created_at_idx\` ON \`review_events\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`projects\` ADD \`review_status\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`projects\` ADD \`review_note\` text;`)
  await db.run(sql`CREATE INDEX \`projects_review_status_idx\` ON \`projects\` (\`review_status\`);`)
  await db.run(sql`ALTER TABLE \`projects_rels\` ADD \`users_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`projects_rels_users_id_idx\` ON \`projects_rels\` (\`users_id\`);`)
  await db.run(sql`ALTER TABLE \`_projects_v\` ADD \`version_review_status\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_projects_v\` ADD \`version_review_note\` text;`)
  await db.run(sql`CREATE INDEX \`_projects_v_version_version_review_status_idx\` ON \`_projects_v\` (\`version_review_status\`);`)
  await db.run(sql`ALTER TABLE \`_projects_v_rels\` ADD \`users_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`_projects_v_rels_users_id_idx\` ON \`_projects_v_rels\` (\`users_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`review_events_id\` integer REFERENCES review_events(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_review_events_id_idx\` ON \`payload_locked_documents_rels\` (\`review_events_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`review_events\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_projects_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`member_states_id\` integer,
  	\`projects_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`projects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`member_states_id\`) REFERENCES \`member_states\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`projects_id\`) REFERENCES \`projects\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_projects_rels\`("id", "order", "parent_id", "path", "member_states_id", "projects_id") SELECT "id", "order", "parent_id", "path", "member_states_id", "projects_id" FROM \`projects_rels\`;`)
  await db.run(sql`DROP TABLE \`projects_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_projects_rels\` RENAME TO \`projects_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`projects_rels_order_idx\` ON \`projects_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`projects_rels_parent_idx\` ON \`projects_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`projects_rels_path_idx\` ON \`projects_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`projects_rels_member_states_id_idx\` ON \`projects_rels\` (\`member_states_id\`);`)
  await db.run(sql`CREATE INDEX \`projects_rels_projects_id_idx\` ON \`projects_rels\` (\`projects_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__projects_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`member_states_id\` integer,
  	\`projects_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_projects_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`member_states_id\`) REFERENCES \`member_states\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`projects_id\`) REFERENCES \`projects\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__projects_v_rels\`("id", "order", "parent_id", "path", "member_states_id", "projects_id") SELECT "id", "order", "parent_id", "path", "member_states_id", "projects_id" FROM \`_projects_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_projects_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__projects_v_rels\` RENAME TO \`_projects_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_projects_v_rels_order_idx\` ON \`_projects_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_projects_v_rels_parent_idx\` ON \`_projects_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_projects_v_rels_path_idx\` ON \`_projects_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_projects_v_rels_member_states_id_idx\` ON \`_projects_v_rels\` (\`member_states_id\`);`)
  await db.run(sql`CREATE INDEX \`_projects_v_rels_projects_id_idx\` ON \`_projects_v_rels\` (\`projects_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	\`projects_id\` integer,
  	\`outcomes_id\` integer,
  	\`member_states_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`projects_id\`) REFERENCES \`projects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`outcomes_id\`) REFERENCES \`outcomes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`member_states_id\`) REFERENCES \`member_states\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "projects_id", "outcomes_id", "member_states_id") SELECT "id", "order", "parent_id", "path", "users_id", "projects_id", "outcomes_id", "member_states_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_projects_id_idx\` ON \`payload_locked_documents_rels\` (\`projects_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_outcomes_id_idx\` ON \`payload_locked_documents_rels\` (\`outcomes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_member_states_id_idx\` ON \`payload_locked_documents_rels\` (\`member_states_id\`);`)
  await db.run(sql`DROP INDEX \`projects_review_status_idx\`;`)
  await db.run(sql`ALTER TABLE \`projects\` DROP COLUMN \`review_status\`;`)
  await db.run(sql`ALTER TABLE \`projects\` DROP COLUMN \`review_note\`;`)
  await db.run(sql`DROP INDEX \`_projects_v_version_version_review_status_idx\`;`)
  await db.run(sql`ALTER TABLE \`_projects_v\` DROP COLUMN \`version_review_status\`;`)
  await db.run(sql`ALTER TABLE \`_projects_v\` DROP COLUMN \`version_review_note\`;`)
}
