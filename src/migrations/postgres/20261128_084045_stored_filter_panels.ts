import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_project_card_facets_locale" AS ENUM('en', 'fr', 'es');
  CREATE TABLE "project_card_facets" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"filter" varchar NOT NULL,
  	"locale" "enum_project_card_facets_locale" NOT NULL,
  	"facets" varchar NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "project_card_facets_id" integer;
  CREATE UNIQUE INDEX "filter_locale_idx" ON "project_card_facets" USING btree ("filter","locale");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_project_card_facets_fk" FOREIGN KEY ("project_card_facets_id") REFERENCES "public"."project_card_facets"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_project_card_facets_id_idx" ON "payload_locked_documents_rels" USING btree ("project_card_facets_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "project_card_facets" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "project_card_facets" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_project_card_facets_fk";
  
  DROP INDEX "payload_locked_documents_rels_project_card_facets_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "project_card_facets_id";
  DROP TYPE "public"."enum_project_card_facets_locale";`)
}
