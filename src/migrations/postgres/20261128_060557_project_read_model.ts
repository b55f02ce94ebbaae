import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_project_cards_locale" AS ENUM('en', 'fr', 'es');
  CREATE TABLE "project_cards" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"project" varchar NOT NULL,
  	"locale" "enum_project_cards_locale" NOT NULL,
  	"slug" varchar NOT NULL,
  	"title" varchar,
  	"status" varchar,
  	"project_type" varchar,
  	"idf_region" varchar,
  	"coverage" varchar,
  	"start_year" numeric,
  	"end_year" numeric,
  	"member_states" varchar,
  	"search" varchar,
  	"card" varchar NOT NULL,
  	"page" varchar NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "project_cards_id" integer;
  CREATE INDEX "project_cards_project_idx" ON "project_cards" USING btree ("project");
  CREATE UNIQUE INDEX "project_locale_idx" ON "project_cards" USING btree ("project","locale");
  CREATE INDEX "slug_locale_idx" ON "project_cards" USING btree ("slug","locale");
  CREATE INDEX "locale_idfRegion_status_endYear_idx" ON "project_cards" USING btree ("locale","idf_region","status","end_year");
  CREATE INDEX "locale_status_endYear_idx" ON "project_cards" USING btree ("locale","status","end_year");
  CREATE INDEX "locale_endYear_idx" ON "project_cards" USING btree ("locale","end_year");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_project_cards_fk" FOREIGN KEY ("project_cards_id") REFERENCES "public"."project_cards"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_project_cards_id_idx" ON "payload_locked_documents_rels" USING btree ("project_cards_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "project_cards" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "project_cards" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_project_cards_fk";
  
  DROP INDEX "payload_locked_documents_rels_project_cards_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "project_cards_id";
  DROP TYPE "public"."enum_project_cards_locale";`)
}
