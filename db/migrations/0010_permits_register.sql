CREATE TYPE "public"."permit_channel" AS ENUM('web', 'counter', 'office');--> statement-breakpoint
CREATE TYPE "public"."permit_event_kind" AS ENUM('applied', 'registered', 'status_changed', 'edited', 'document_added', 'report_linked');--> statement-breakpoint
CREATE TABLE "permit_applicants" (
	"permit_id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"address" text,
	"locale" text DEFAULT 'sr-Latn' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "permit_documents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "permit_documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"permit_id" integer NOT NULL,
	"event_id" integer,
	"file_name" text NOT NULL,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "permit_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "permit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"permit_id" integer NOT NULL,
	"kind" "permit_event_kind" NOT NULL,
	"actor_user_id" integer,
	"from_status" "permit_status",
	"to_status" "permit_status",
	"report_id" integer,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_permits" (
	"report_id" integer NOT NULL,
	"permit_id" integer NOT NULL,
	"distance_metres" real NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_permits_report_id_permit_id_pk" PRIMARY KEY("report_id","permit_id")
);
--> statement-breakpoint
ALTER TABLE "service_categories" ADD COLUMN "checks_permit_coverage" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "permits" ADD COLUMN "contractor_email" text;--> statement-breakpoint
ALTER TABLE "permits" ADD COLUMN "conditions" text;--> statement-breakpoint
ALTER TABLE "permits" ADD COLUMN "channel" "permit_channel" DEFAULT 'office' NOT NULL;--> statement-breakpoint
ALTER TABLE "permits" ADD COLUMN "decision_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "permits" ADD COLUMN "submission_key" text;--> statement-breakpoint
ALTER TABLE "permits" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "permit_applicants" ADD CONSTRAINT "permit_applicants_permit_id_permits_id_fk" FOREIGN KEY ("permit_id") REFERENCES "public"."permits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_documents" ADD CONSTRAINT "permit_documents_permit_id_permits_id_fk" FOREIGN KEY ("permit_id") REFERENCES "public"."permits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_documents" ADD CONSTRAINT "permit_documents_event_id_permit_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."permit_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_events" ADD CONSTRAINT "permit_events_permit_id_permits_id_fk" FOREIGN KEY ("permit_id") REFERENCES "public"."permits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_events" ADD CONSTRAINT "permit_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_events" ADD CONSTRAINT "permit_events_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_permits" ADD CONSTRAINT "report_permits_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_permits" ADD CONSTRAINT "report_permits_permit_id_permits_id_fk" FOREIGN KEY ("permit_id") REFERENCES "public"."permits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "permit_documents_permit_idx" ON "permit_documents" USING btree ("permit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "permit_documents_storage_key_key" ON "permit_documents" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "permit_events_permit_idx" ON "permit_events" USING btree ("permit_id","created_at");--> statement-breakpoint
CREATE INDEX "report_permits_permit_idx" ON "report_permits" USING btree ("permit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "permits_submission_key_key" ON "permits" USING btree ("submission_key");--> statement-breakpoint
CREATE INDEX "permits_site_geog_gix" ON "permits" USING gist (("site"::geography));--> statement-breakpoint
CREATE INDEX "permits_municipality_status_idx" ON "permits" USING btree ("municipality_id","status");