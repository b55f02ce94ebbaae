import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."_locales" AS ENUM('en', 'fr', 'es');
  CREATE TYPE "public"."enum_users_roles" AS ENUM('admin', 'editor', 'reviewer');
  CREATE TYPE "public"."enum_projects_translated_locales" AS ENUM('en', 'fr', 'es');
  CREATE TYPE "public"."enum_projects_project_status" AS ENUM('pipeline', 'active', 'completed');
  CREATE TYPE "public"."enum_projects_coverage" AS ENUM('national', 'regional', 'global');
  CREATE TYPE "public"."enum_projects_idf_region" AS ENUM('africa', 'asia-oceania', 'europe', 'latin-america-caribbean', 'middle-east', 'global');
  CREATE TYPE "public"."enum_projects_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__projects_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__projects_v_published_locale" AS ENUM('en', 'fr', 'es');
  CREATE TYPE "public"."enum_outcomes_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__outcomes_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__outcomes_v_published_locale" AS ENUM('en', 'fr', 'es');
  CREATE TYPE "public"."enum_member_states_membership" AS ENUM('member', 'observer');
  CREATE TYPE "public"."enum_member_states_idf_region" AS ENUM('africa', 'asia-oceania', 'europe', 'latin-america-caribbean', 'middle-east', 'global');
  CREATE TABLE "users_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_users_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "projects_translated_locales" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_projects_translated_locales",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "projects" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"start_year" numeric,
  	"end_year" numeric,
  	"status" "enum_projects_project_status",
  	"project_type" varchar,
  	"budget_u_s_d" numeric,
  	"coverage" "enum_projects_coverage",
  	"funding_year" numeric,
  	"idf_region" "enum_projects_idf_region",
  	"prima_id" varchar,
  	"project_id" varchar,
  	"created_by_id" integer,
  	"updated_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_projects_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "projects_locales" (
  	"title" varchar,
  	"summary" varchar,
  	"description" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "projects_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar,
  	"locale" "_locales"
  );
  
  CREATE TABLE "projects_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"member_states_id" integer,
  	"projects_id" integer
  );
  
  CREATE TABLE "_projects_v_version_translated_locales" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_projects_translated_locales",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_projects_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_slug" varchar,
  	"version_start_year" numeric,
  	"version_end_year" numeric,
  	"version_status" "enum_projects_project_status",
  	"version_project_type" varchar,
  	"version_budget_u_s_d" numeric,
  	"version_coverage" "enum_projects_coverage",
  	"version_funding_year" numeric,
  	"version_idf_region" "enum_projects_idf_region",
  	"version_prima_id" varchar,
  	"version_project_id" varchar,
  	"version_created_by_id" integer,
  	"version_updated_by_id" integer,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__projects_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__projects_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_projects_v_locales" (
  	"version_title" varchar,
  	"version_summary" varchar,
  	"version_description" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_projects_v_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar,
  	"locale" "_locales"
  );
  
  CREATE TABLE "_projects_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"member_states_id" integer,
  	"projects_id" integer
  );
  
  CREATE TABLE "outcomes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"project_id" integer,
  	"order" numeric,
  	"created_by_id" integer,
  	"updated_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_outcomes_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "outcomes_locales" (
  	"statement" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "outcomes_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar,
  	"locale" "_locales"
  );
  
  CREATE TABLE "_outcomes_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_project_id" integer,
  	"version_order" numeric,
  	"version_created_by_id" integer,
  	"version_updated_by_id" integer,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__outcomes_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__outcomes_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_outcomes_v_locales" (
  	"version_statement" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_outcomes_v_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar,
  	"locale" "_locales"
  );
  
  CREATE TABLE "member_states" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"iso2" varchar,
  	"iso3" varchar,
  	"slug" varchar,
  	"membership" "enum_member_states_membership" DEFAULT 'member' NOT NULL,
  	"member_since" numeric,
  	"idf_region" "enum_member_states_idf_region",
  	"idf_eligible" boolean,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "member_states_locales" (
  	"name" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer,
  	"projects_id" integer,
  	"outcomes_id" integer,
  	"member_states_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "users_roles" ADD CONSTRAINT "users_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "projects_translated_locales" ADD CONSTRAINT "projects_translated_locales_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "projects" ADD CONSTRAINT "projects_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "projects" ADD CONSTRAINT "projects_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "projects_locales" ADD CONSTRAINT "projects_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "projects_texts" ADD CONSTRAINT "projects_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "projects_rels" ADD CONSTRAINT "projects_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "projects_rels" ADD CONSTRAINT "projects_rels_member_states_fk" FOREIGN KEY ("member_states_id") REFERENCES "public"."member_states"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "projects_rels" ADD CONSTRAINT "projects_rels_projects_fk" FOREIGN KEY ("projects_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_projects_v_version_translated_locales" ADD CONSTRAINT "_projects_v_version_translated_locales_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_projects_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_projects_v" ADD CONSTRAINT "_projects_v_parent_id_projects_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_projects_v" ADD CONSTRAINT "_projects_v_version_created_by_id_users_id_fk" FOREIGN KEY ("version_created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_projects_v" ADD CONSTRAINT "_projects_v_version_updated_by_id_users_id_fk" FOREIGN KEY ("version_updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_projects_v_locales" ADD CONSTRAINT "_projects_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_projects_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_projects_v_texts" ADD CONSTRAINT "_projects_v_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_projects_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_projects_v_rels" ADD CONSTRAINT "_projects_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_projects_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_projects_v_rels" ADD CONSTRAINT "_projects_v_rels_member_states_fk" FOREIGN KEY ("member_states_id") REFERENCES "public"."member_states"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_projects_v_rels" ADD CONSTRAINT "_projects_v_rels_projects_fk" FOREIGN KEY ("projects_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "outcomes_locales" ADD CONSTRAINT "outcomes_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."outcomes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "outcomes_texts" ADD CONSTRAINT "outcomes_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."outcomes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_outcomes_v" ADD CONSTRAINT "_outcomes_v_parent_id_outcomes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."outcomes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_outcomes_v" ADD CONSTRAINT "_outcomes_v_version_project_id_projects_id_fk" FOREIGN KEY ("version_project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_outcomes_v" ADD CONSTRAINT "_outcomes_v_version_created_by_id_users_id_fk" FOREIGN KEY ("version_created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_outcomes_v" ADD CONSTRAINT "_outcomes_v_version_updated_by_id_users_id_fk" FOREIGN KEY ("version_updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_outcomes_v_locales" ADD CONSTRAINT "_outcomes_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_outcomes_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_outcomes_v_texts" ADD CONSTRAINT "_outcomes_v_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_outcomes_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "member_states_locales" ADD CONSTRAINT "member_states_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."member_states"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_projects_fk" FOREIGN KEY ("projects_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_outcomes_fk" FOREIGN KEY ("outcomes_id") REFERENCES "public"."outcomes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_member_states_fk" FOREIGN KEY ("member_states_id") REFERENCES "public"."member_states"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "users_roles_order_idx" ON "users_roles" USING btree ("order");
  CREATE INDEX "users_roles_parent_idx" ON "users_roles" USING btree ("parent_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE INDEX "projects_translated_locales_order_idx" ON "projects_translated_locales" USING btree ("order");
  CREATE INDEX "projects_translated_locales_parent_idx" ON "projects_translated_locales" USING btree ("parent_id");
  CREATE UNIQUE INDEX "projects_slug_idx" ON "projects" USING btree ("slug");
  CREATE INDEX "projects_status_idx" ON "projects" USING btree ("status");
  CREATE INDEX "projects_project_type_idx" ON "projects" USING btree ("project_type");
  CREATE INDEX "projects_idf_region_idx" ON "projects" USING btree ("idf_region");
  CREATE UNIQUE INDEX "projects_prima_id_idx" ON "projects" USING btree ("prima_id");
  CREATE UNIQUE INDEX "projects_project_id_idx" ON "projects" USING btree ("project_id");
  CREATE INDEX "projects_created_by_idx" ON "projects" USING btree ("created_by_id");
  CREATE INDEX "projects_updated_by_idx" ON "projects" USING btree ("updated_by_id");
  CREATE INDEX "projects_updated_at_idx" ON "projects" USING btree ("updated_at");
  CREATE INDEX "projects_created_at_idx" ON "projects" USING btree ("created_at");
  CREATE INDEX "projects__status_idx" ON "projects" USING btree ("_status");
  CREATE UNIQUE INDEX "projects_locales_locale_parent_id_unique" ON "projects_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "projects_texts_order_parent" ON "projects_texts" USING btree ("order","parent_id");
  CREATE INDEX "projects_texts_locale_parent" ON "projects_texts" USING btree ("locale","parent_id");
  CREATE INDEX "projects_rels_order_idx" ON "projects_rels" USING btree ("order");
  CREATE INDEX "projects_rels_parent_idx" ON "projects_rels" USING btree ("parent_id");
  CREATE INDEX "projects_rels_path_idx" ON "projects_rels" USING btree ("path");
  CREATE INDEX "projects_rels_member_states_id_idx" ON "projects_rels" USING btree ("member_states_id");
  CREATE INDEX "projects_rels_projects_id_idx" ON "projects_rels" USING btree ("projects_id");
  CREATE INDEX "_projects_v_version_translated_locales_order_idx" ON "_projects_v_version_translated_locales" USING btree ("order");
  CREATE INDEX "_projects_v_version_translated_locales_parent_idx" ON "_projects_v_version_translated_locales" USING btree ("parent_id");
  CREATE INDEX "_projects_v_parent_idx" ON "_projects_v" USING btree ("parent_id");
  CREATE INDEX "_projects_v_version_version_slug_idx" ON "_projects_v" USING btree ("version_slug");
  CREATE INDEX "_projects_v_version_version_status_idx" ON "_projects_v" USING btree ("version_status");
  CREATE INDEX "_projects_v_version_version_project_type_idx" ON "_projects_v" USING btree ("version_project_type");
  CREATE INDEX "_projects_v_version_version_idf_region_idx" ON "_projects_v" USING btree ("version_idf_region");
  CREATE INDEX "_projects_v_version_version_prima_id_idx" ON "_projects_v" USING btree ("version_prima_id");
  CREATE INDEX "_projects_v_version_version_project_id_idx" ON "_projects_v" USING btree ("version_project_id");
  CREATE INDEX "_projects_v_version_version_created_by_idx" ON "_projects_v" USING btree ("version_created_by_id");
  CREATE INDEX "_projects_v_version_version_updated_by_idx" ON "_projects_v" USING btree ("version_updated_by_id");
  CREATE INDEX "_projects_v_version_version_updated_at_idx" ON "_projects_v" USING btree ("version_updated_at");
  CREATE INDEX "_projects_v_version_version_created_at_idx" ON "_projects_v" USING btree ("version_created_at");
  CREATE INDEX "_projects_v_version_version__status_idx" ON "_projects_v" USING btree ("version__status");
  CREATE INDEX "_projects_v_created_at_idx" ON "_projects_v" USING btree ("created_at");
  CREATE INDEX "_projects_v_updated_at_idx" ON "_projects_v" USING btree ("updated_at");
  CREATE INDEX "_projects_v_snapshot_idx" ON "_projects_v" USING btree ("snapshot");
  CREATE INDEX "_projects_v_published_locale_idx" ON "_projects_v" USING btree ("published_locale");
  CREATE INDEX "_projects_v_latest_idx" ON "_projects_v" USING btree ("latest");
  CREATE UNIQUE INDEX "_projects_v_locales_locale_parent_id_unique" ON "_projects_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_projects_v_texts_order_parent" ON "_projects_v_texts" USING btree ("order","parent_id");
  CREATE INDEX "_projects_v_texts_locale_parent" ON "_projects_v_texts" USING btree ("locale","parent_id");
  CREATE INDEX "_projects_v_rels_order_idx" ON "_projects_v_rels" USING btree ("order");
  CREATE INDEX "_projects_v_rels_parent_idx" ON "_projects_v_rels" USING btree ("parent_id");
  CREATE INDEX "_projects_v_rels_path_idx" ON "_projects_v_rels" USING btree ("path");
  CREATE INDEX "_projects_v_rels_member_states_id_idx" ON "_projects_v_rels" USING btree ("member_states_id");
  CREATE INDEX "_projects_v_rels_projects_id_idx" ON "_projects_v_rels" USING btree ("projects_id");
  CREATE INDEX "outcomes_project_idx" ON "outcomes" USING btree ("project_id");
  CREATE INDEX "outcomes_created_by_idx" ON "outcomes" USING btree ("created_by_id");
  CREATE INDEX "outcomes_updated_by_idx" ON "outcomes" USING btree ("updated_by_id");
  CREATE INDEX "outcomes_updated_at_idx" ON "outcomes" USING btree ("updated_at");
  CREATE INDEX "outcomes_created_at_idx" ON "outcomes" USING btree ("created_at");
  CREATE INDEX "outcomes__status_idx" ON "outcomes" USING btree ("_status");
  CREATE UNIQUE INDEX "project_order_idx" ON "outcomes" USING btree ("project_id","order");
  CREATE UNIQUE INDEX "outcomes_locales_locale_parent_id_unique" ON "outcomes_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "outcomes_texts_order_parent" ON "outcomes_texts" USING btree ("order","parent_id");
  CREATE INDEX "outcomes_texts_locale_parent" ON "outcomes_texts" USING btree ("locale","parent_id");
  CREATE INDEX "_outcomes_v_parent_idx" ON "_outcomes_v" USING btree ("parent_id");
  CREATE INDEX "_outcomes_v_version_version_project_idx" ON "_outcomes_v" USING btree ("version_project_id");
  CREATE INDEX "_outcomes_v_version_version_created_by_idx" ON "_outcomes_v" USING btree ("version_created_by_id");
  CREATE INDEX "_outcomes_v_version_version_updated_by_idx" ON "_outcomes_v" USING btree ("version_updated_by_id");
  CREATE INDEX "_outcomes_v_version_version_updated_at_idx" ON "_outcomes_v" USING btree ("version_updated_at");
  CREATE INDEX "_outcomes_v_version_version_created_at_idx" ON "_outcomes_v" USING btree ("version_created_at");
  CREATE INDEX "_outcomes_v_version_version__status_idx" ON "_outcomes_v" USING btree ("version__status");
  CREATE INDEX "_outcomes_v_created_at_idx" ON "_outcomes_v" USING btree ("created_at");
  CREATE INDEX "_outcomes_v_updated_at_idx" ON "_outcomes_v" USING btree ("updated_at");
  CREATE INDEX "_outcomes_v_snapshot_idx" ON "_outcomes_v" USING btree ("snapshot");
  CREATE INDEX "_outcomes_v_published_locale_idx" ON "_outcomes_v" USING btree ("published_locale");
  CREATE INDEX "_outcomes_v_latest_idx" ON "_outcomes_v" USING btree ("latest");
  CREATE INDEX "version_project_version_order_idx" ON "_outcomes_v" USING btree ("version_project_id","version_order");
  CREATE UNIQUE INDEX "_outcomes_v_locales_locale_parent_id_unique" ON "_outcomes_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_outcomes_v_texts_order_parent" ON "_outcomes_v_texts" USING btree ("order","parent_id");
  CREATE INDEX "_outcomes_v_texts_locale_parent" ON "_outcomes_v_texts" USING btree ("locale","parent_id");
  CREATE UNIQUE INDEX "member_states_iso2_idx" ON "member_states" USING btree ("iso2");
  CREATE UNIQUE INDEX "member_states_iso3_idx" ON "member_states" USING btree ("iso3");
  CREATE UNIQUE INDEX "member_states_slug_idx" ON "member_states" USING btree ("slug");
  CREATE INDEX "member_states_updated_at_idx" ON "member_states" USING btree ("updated_at");
  CREATE INDEX "member_states_created_at_idx" ON "member_states" USING btree ("created_at");
  CREATE UNIQUE INDEX "member_states_locales_locale_parent_id_unique" ON "member_states_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_projects_id_idx" ON "payload_locked_documents_rels" USING btree ("projects_id");
  CREATE INDEX "payload_locked_documents_rels_outcomes_id_idx" ON "payload_locked_documents_rels" USING btree ("outcomes_id");
  CREATE INDEX "payload_locked_documents_rels_member_states_id_idx" ON "payload_locked_documents_rels" USING btree ("member_states_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "users_roles" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "projects_translated_locales" CASCADE;
  DROP TABLE "projects" CASCADE;
  DROP TABLE "projects_locales" CASCADE;
  DROP TABLE "projects_texts" CASCADE;
  DROP TABLE "projects_rels" CASCADE;
  DROP TABLE "_projects_v_version_translated_locales" CASCADE;
  DROP TABLE "_projects_v" CASCADE;
  DROP TABLE "_projects_v_locales" CASCADE;
  DROP TABLE "_projects_v_texts" CASCADE;
  DROP TABLE "_projects_v_rels" CASCADE;
  DROP TABLE "outcomes" CASCADE;
  DROP TABLE "outcomes_locales" CASCADE;
  DROP TABLE "outcomes_texts" CASCADE;
  DROP TABLE "_outcomes_v" CASCADE;
  DROP TABLE "_outcomes_v_locales" CASCADE;
  DROP TABLE "_outcomes_v_texts" CASCADE;
  DROP TABLE "member_states" CASCADE;
  DROP TABLE "member_states_locales" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TYPE "public"."_locales";
  DROP TYPE "public"."enum_users_roles";
  DROP TYPE "public"."enum_projects_translated_locales";
  DROP TYPE "public"."enum_projects_project_status";
  DROP TYPE "public"."enum_projects_coverage";
  DROP TYPE "public"."enum_projects_idf_region";
  DROP TYPE "public"."enum_projects_status";
  DROP TYPE "public"."enum__projects_v_version_status";
  DROP TYPE "public"."enum__projects_v_published_locale";
  DROP TYPE "public"."enum_outcomes_status";
  DROP TYPE "public"."enum__outcomes_v_version_status";
  DROP TYPE "public"."enum__outcomes_v_published_locale";
  DROP TYPE "public"."enum_member_states_membership";
  DROP TYPE "public"."enum_member_states_idf_region";`)
}
