CREATE TYPE "public"."open311_forward_state" AS ENUM('queued', 'accepted', 'linked', 'failed');--> statement-breakpoint
CREATE TABLE "open311_endpoints" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"name" text NOT NULL,
	"base_url" text NOT NULL,
	"api_key" text NOT NULL,
	"jurisdiction_id" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "open311_forward_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"category_id" integer NOT NULL,
	"endpoint_id" integer NOT NULL,
	"external_service_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_forwards" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"endpoint_id" integer NOT NULL,
	"external_service_code" text NOT NULL,
	"state" "open311_forward_state" DEFAULT 'queued' NOT NULL,
	"token" text,
	"external_request_id" text,
	"external_status" text,
	"external_status_notes" text,
	"external_updated_at" timestamp with time zone,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"last_polled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "channel" text DEFAULT 'email' NOT NULL;--> statement-breakpoint
ALTER TABLE "open311_endpoints" ADD CONSTRAINT "open311_endpoints_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_endpoints" ADD CONSTRAINT "open311_endpoints_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_forward_rules" ADD CONSTRAINT "open311_forward_rules_category_id_service_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."service_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_forward_rules" ADD CONSTRAINT "open311_forward_rules_endpoint_id_open311_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."open311_endpoints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_forwards" ADD CONSTRAINT "report_forwards_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_forwards" ADD CONSTRAINT "report_forwards_endpoint_id_open311_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."open311_endpoints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "open311_endpoints_organisation_base_key" ON "open311_endpoints" USING btree ("organisation_id","base_url");--> statement-breakpoint
CREATE UNIQUE INDEX "open311_forward_rules_category_endpoint_key" ON "open311_forward_rules" USING btree ("category_id","endpoint_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_forwards_report_endpoint_key" ON "report_forwards" USING btree ("report_id","endpoint_id");--> statement-breakpoint
CREATE INDEX "report_forwards_pollable_idx" ON "report_forwards" USING btree ("endpoint_id") WHERE state in ('accepted', 'linked') and external_status is distinct from 'closed';