CREATE TYPE "public"."organisation_kind" AS ENUM('contact_centre', 'department', 'inspectorate', 'utility_company');--> statement-breakpoint
CREATE TYPE "public"."permit_kind" AS ENUM('construction', 'excavation', 'street_occupancy', 'event');--> statement-breakpoint
CREATE TYPE "public"."permit_status" AS ENUM('applied', 'under_review', 'granted', 'refused', 'active', 'completed', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."report_channel" AS ENUM('web', 'phone', 'counter', 'email', 'open311', 'field');--> statement-breakpoint
CREATE TYPE "public"."report_event_kind" AS ENUM('created', 'status_changed', 'assigned', 'forwarded', 'public_update', 'internal_note', 'escalated', 'duplicate_marked', 'supported');--> statement-breakpoint
CREATE TYPE "public"."report_priority" AS ENUM('low', 'normal', 'high', 'urgent');--> statement-breakpoint
CREATE TYPE "public"."report_status" AS ENUM('received', 'triaged', 'assigned', 'in_progress', 'action_scheduled', 'resolved', 'closed', 'rejected', 'duplicate', 'reopened');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('citizen', 'agent', 'inspector', 'utility_operator', 'permit_officer', 'planner', 'org_admin', 'admin');--> statement-breakpoint
CREATE TABLE "districts" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"area" geometry(MultiPolygon,4326) NOT NULL,
	"population" integer
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"boundary" geometry(MultiPolygon,4326) NOT NULL,
	"boundary_source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" integer NOT NULL,
	"code" text NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"sector" text,
	"name" jsonb NOT NULL,
	"email" text,
	"phone" text,
	"service_area" geometry(MultiPolygon,4326),
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "category_groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_categories" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" integer NOT NULL,
	"group_id" integer NOT NULL,
	"service_code" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"responsible_kind" "organisation_kind" NOT NULL,
	"responsible_sector" text,
	"sla_working_days" integer NOT NULL,
	"pause_sla_when_scheduled" boolean DEFAULT false NOT NULL,
	"duplicate_radius_metres" integer DEFAULT 50 NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"municipality_id" integer NOT NULL,
	"organisation_id" integer,
	"role" "user_role" NOT NULL,
	"is_lead" boolean DEFAULT false NOT NULL,
	CONSTRAINT "memberships_user_municipality_org_role_key" UNIQUE NULLS NOT DISTINCT("user_id","municipality_id","organisation_id","role")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"locale" text DEFAULT 'sr-Latn' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"report_id" integer NOT NULL,
	"event_id" integer,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"width" integer,
	"height" integer,
	"sha256" text NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_contacts" (
	"report_id" integer PRIMARY KEY NOT NULL,
	"user_id" integer,
	"name" text,
	"email" text,
	"phone" text,
	"anonymous" boolean DEFAULT false NOT NULL,
	"locale" text DEFAULT 'sr-Latn' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "report_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"report_id" integer NOT NULL,
	"kind" "report_event_kind" NOT NULL,
	"actor_user_id" integer,
	"actor_organisation_id" integer,
	"from_status" "report_status",
	"to_status" "report_status",
	"from_organisation_id" integer,
	"to_organisation_id" integer,
	"public_text" text,
	"internal_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"tracking_code" text NOT NULL,
	"municipality_id" integer NOT NULL,
	"category_id" integer NOT NULL,
	"district_id" integer,
	"location" geometry(Point,4326) NOT NULL,
	"shape" geometry(Geometry,4326),
	"address" text,
	"description" text NOT NULL,
	"status" "report_status" DEFAULT 'received' NOT NULL,
	"priority" "report_priority" DEFAULT 'normal' NOT NULL,
	"channel" "report_channel" NOT NULL,
	"assigned_organisation_id" integer,
	"assigned_user_id" integer,
	"routing_note" text,
	"due_at" timestamp with time zone,
	"scheduled_for" date,
	"duplicate_of_id" integer,
	"supporters_count" integer DEFAULT 0 NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "permits" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" integer NOT NULL,
	"reference" text NOT NULL,
	"kind" "permit_kind" NOT NULL,
	"status" "permit_status" DEFAULT 'applied' NOT NULL,
	"issuing_organisation_id" integer,
	"holder_name" text NOT NULL,
	"holder_is_company" boolean DEFAULT true NOT NULL,
	"contractor" text,
	"works_description" text NOT NULL,
	"site" geometry(MultiPolygon,4326) NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_overrides" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" integer NOT NULL,
	"date" date NOT NULL,
	"is_working" boolean NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "districts" ADD CONSTRAINT "districts_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category_groups" ADD CONSTRAINT "category_groups_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_categories" ADD CONSTRAINT "service_categories_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_categories" ADD CONSTRAINT "service_categories_group_id_category_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."category_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_event_id_report_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."report_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_contacts" ADD CONSTRAINT "report_contacts_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_contacts" ADD CONSTRAINT "report_contacts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_actor_organisation_id_organisations_id_fk" FOREIGN KEY ("actor_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_from_organisation_id_organisations_id_fk" FOREIGN KEY ("from_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_to_organisation_id_organisations_id_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_category_id_service_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."service_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_assigned_organisation_id_organisations_id_fk" FOREIGN KEY ("assigned_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_assigned_user_id_users_id_fk" FOREIGN KEY ("assigned_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_duplicate_of_id_reports_id_fk" FOREIGN KEY ("duplicate_of_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permits" ADD CONSTRAINT "permits_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permits" ADD CONSTRAINT "permits_issuing_organisation_id_organisations_id_fk" FOREIGN KEY ("issuing_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_overrides" ADD CONSTRAINT "calendar_overrides_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "districts_municipality_code_key" ON "districts" USING btree ("municipality_id","code");--> statement-breakpoint
CREATE INDEX "districts_area_gix" ON "districts" USING gist ("area");--> statement-breakpoint
CREATE UNIQUE INDEX "municipalities_code_key" ON "municipalities" USING btree ("code");--> statement-breakpoint
CREATE INDEX "municipalities_boundary_gix" ON "municipalities" USING gist ("boundary");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_municipality_code_key" ON "organisations" USING btree ("municipality_id","code");--> statement-breakpoint
CREATE INDEX "organisations_service_area_gix" ON "organisations" USING gist ("service_area");--> statement-breakpoint
CREATE UNIQUE INDEX "category_groups_municipality_code_key" ON "category_groups" USING btree ("municipality_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "service_categories_municipality_code_key" ON "service_categories" USING btree ("municipality_id","service_code");--> statement-breakpoint
CREATE INDEX "memberships_organisation_idx" ON "memberships" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "attachments_report_idx" ON "attachments" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "attachments_storage_key_key" ON "attachments" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "report_contacts_email_idx" ON "report_contacts" USING btree ("email");--> statement-breakpoint
CREATE INDEX "report_contacts_phone_idx" ON "report_contacts" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "report_events_report_idx" ON "report_events" USING btree ("report_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_tracking_code_key" ON "reports" USING btree ("tracking_code");--> statement-breakpoint
CREATE INDEX "reports_location_gix" ON "reports" USING gist ("location");--> statement-breakpoint
CREATE INDEX "reports_municipality_status_idx" ON "reports" USING btree ("municipality_id","status");--> statement-breakpoint
CREATE INDEX "reports_assigned_organisation_idx" ON "reports" USING btree ("assigned_organisation_id","status");--> statement-breakpoint
CREATE INDEX "reports_created_at_idx" ON "reports" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "permits_municipality_reference_key" ON "permits" USING btree ("municipality_id","reference");--> statement-breakpoint
CREATE INDEX "permits_site_gix" ON "permits" USING gist ("site");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_overrides_municipality_date_key" ON "calendar_overrides" USING btree ("municipality_id","date");