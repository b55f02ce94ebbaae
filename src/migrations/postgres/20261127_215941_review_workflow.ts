import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_projects_review_status" AS ENUM('draft', 'in-review', 'approved', 'changes-requested');
  CREATE TYPE "public"."enum_review_events_kind" AS ENUM('transition', 'note');
  CREATE TYPE "public"."enum_review_events_from" AS ENUM('draft', 'in-review', 'approved', 'changes-requested');
  CREATE TYPE "public"."enum_review_events_to" AS ENUM('draft', 'in-review', 'approved', 'changes-requested');
  CREATE TABLE "review_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"project_id" integer NOT NULL,
  	"kind" "enum_review_events_kind" DEFAULT 'note' NOT NULL,
  	"from" "enum_review_events_from",
  	"to" "enum_review_events_to",
  	"note" varchar,
  	"by_id" integer,
  	"override" boolean,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "projects" ADD COLUMN "review_status" "enum_projects_review_status" DEFAULT 'draft';
  ALTER TABLE "projects" ADD COLUMN "review_note" varchar;
  ALTER TABLE "projects_rels" ADD COLUMN "users_id" integer;
  ALTER TABLE "_projects_v" ADD COLUMN "version_review_status" "enum_projects_review_status" DEFAULT 'draft';
  ALTER TABLE "_projects_v" ADD COLUMN "version_review_note" varchar;
  ALTER TABLE "_projects_v_rels" ADD COLUMN "users_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "review_events_id" integer;
  ALTER TABLE "review_events" ADD CONSTRAINT "review_events_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "review_events" ADD CONSTRAINT "review_events_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "review_events_project_idx" ON "review_events" USING btree ("project_id");
  CREATE INDEX "review_events_by_idx" ON "review_events" USING btree ("by_id");
  CREATE INDEX "review_events_updated_at_idx" ON "review_events" USING btree ("updated_at");
  CREATE INDEX "review_events_created_at_idx" ON "review_events" USING btree ("created_at");
  ALTER TABLE "projects_rels" ADD CONSTRAINT "projects_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_projects_v_rels" ADD CONSTRAINT "_projects_v_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_review_events_fk" FOREIGN KEY ("review_events_id") REFERENCES "public"."review_events"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "projects_review_status_idx" ON "projects" USING btree ("review_status");
  CREATE INDEX "projects_rels_users_id_idx" ON "projects_rels" USING btree ("users_id");
  CREATE INDEX "_projects_v_version_version_review_status_idx" ON "_projects_v" USING btree ("version_review_status");
  CREATE INDEX "_projects_v_rels_users_id_idx" ON "_projects_v_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_review_events_id_idx" ON "payload_locked_documents_rels" USING btree ("review_events_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "review_events" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "review_events" CASCADE;
  ALTER TABLE "projects_rels" DROP CONSTRAINT "projects_rels_users_fk";
  
  ALTER TABLE "_projects_v_rels" DROP CONSTRAINT "_projects_v_rels_users_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_review_events_fk";
  
  DROP INDEX "projects_review_status_idx";
  DROP INDEX "projects_rels_users_id_idx";
  DROP INDEX "_projects_v_version_version_review_status_idx";
  DROP INDEX "_projects_v_rels_users_id_idx";
  DROP INDEX "payload_locked_documents_rels_review_events_id_idx";
  ALTER TABLE "projects" DROP COLUMN "review_status";
  ALTER TABLE "projects" DROP COLUMN "review_note";
  ALTER TABLE "projects_rels" DROP COLUMN "users_id";
  ALTER TABLE "_projects_v" DROP COLUMN "version_review_status";
  ALTER TABLE "_projects_v" DROP COLUMN "version_review_note";
  ALTER TABLE "_projects_v_rels" DROP COLUMN "users_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "review_events_id";
  DROP TYPE "public"."enum_projects_review_status";
  DROP TYPE "public"."enum_review_events_kind";
  DROP TYPE "public"."enum_review_events_from";
  DROP TYPE "public"."enum_review_events_to";`)
}
