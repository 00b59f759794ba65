CREATE TYPE "public"."comment_moderation" AS ENUM('pre', 'post');--> statement-breakpoint
CREATE TYPE "public"."moderation_action_kind" AS ENUM('hide_report', 'show_report', 'redact_report', 'hide_photo', 'show_photo', 'hide_comment', 'show_comment', 'mask_contacts', 'hold', 'dismiss_flag');--> statement-breakpoint
CREATE TYPE "public"."moderation_flag_source" AS ENUM('public', 'automatic');--> statement-breakpoint
CREATE TYPE "public"."moderation_reason" AS ENUM('personal_data', 'offensive', 'defamation', 'spam', 'off_topic', 'other', 'contact_details', 'held_word');--> statement-breakpoint
CREATE TABLE "moderation_actions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "moderation_actions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"report_id" integer NOT NULL,
	"attachment_id" integer,
	"comment_id" integer,
	"kind" "moderation_action_kind" NOT NULL,
	"reason" "moderation_reason" NOT NULL,
	"note" text,
	"before" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"after" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "moderation_flags" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "moderation_flags_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"report_id" integer NOT NULL,
	"comment_id" integer,
	"source" "moderation_flag_source" NOT NULL,
	"reason" "moderation_reason" NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by_user_id" integer
);
--> statement-breakpoint
CREATE TABLE "moderation_settings" (
	"municipality_id" integer PRIMARY KEY NOT NULL,
	"held_words" text[] DEFAULT '{}'::text[] NOT NULL,
	"comment_moderation" "comment_moderation" DEFAULT 'post' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_views" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contact_views_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"report_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"screen" text NOT NULL,
	"viewed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_settings" (
	"municipality_id" integer PRIMARY KEY NOT NULL,
	"contact_retention_months" integer DEFAULT 24 NOT NULL,
	"photo_retention_months" integer DEFAULT 24 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_runs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "retention_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"ran_at" timestamp with time zone NOT NULL,
	"contacts_anonymised" integer NOT NULL,
	"followers_removed" integer NOT NULL,
	"photos_removed" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "response_templates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "response_templates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"category_id" integer,
	"sets_status" "report_status",
	"title" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "can_moderate" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "hidden_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "file_removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "report_contacts" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "report_events" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "report_events" ADD COLUMN "hash" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "hidden_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "public_description" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "public_address" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "moderated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "permit_events" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "permit_events" ADD COLUMN "hash" text;--> statement-breakpoint
ALTER TABLE "moderation_actions" ADD CONSTRAINT "moderation_actions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_actions" ADD CONSTRAINT "moderation_actions_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_actions" ADD CONSTRAINT "moderation_actions_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_actions" ADD CONSTRAINT "moderation_actions_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_actions" ADD CONSTRAINT "moderation_actions_report_fk" FOREIGN KEY ("municipality_id","report_id") REFERENCES "public"."reports"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_flags" ADD CONSTRAINT "moderation_flags_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_flags" ADD CONSTRAINT "moderation_flags_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_flags" ADD CONSTRAINT "moderation_flags_resolved_by_user_id_users_id_fk" FOREIGN KEY ("resolved_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_flags" ADD CONSTRAINT "moderation_flags_report_fk" FOREIGN KEY ("municipality_id","report_id") REFERENCES "public"."reports"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_settings" ADD CONSTRAINT "moderation_settings_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_views" ADD CONSTRAINT "contact_views_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_views" ADD CONSTRAINT "contact_views_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_views" ADD CONSTRAINT "contact_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_views" ADD CONSTRAINT "contact_views_report_fk" FOREIGN KEY ("municipality_id","report_id") REFERENCES "public"."reports"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_settings" ADD CONSTRAINT "privacy_settings_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_runs" ADD CONSTRAINT "retention_runs_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_templates" ADD CONSTRAINT "response_templates_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_templates" ADD CONSTRAINT "response_templates_category_id_service_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."service_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "moderation_actions_report_idx" ON "moderation_actions" USING btree ("report_id","created_at");--> statement-breakpoint
CREATE INDEX "moderation_flags_open_idx" ON "moderation_flags" USING btree ("municipality_id","created_at") WHERE resolved_at is null;--> statement-breakpoint
CREATE INDEX "moderation_flags_report_idx" ON "moderation_flags" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "contact_views_municipality_idx" ON "contact_views" USING btree ("municipality_id","viewed_at");--> statement-breakpoint
CREATE INDEX "contact_views_user_idx" ON "contact_views" USING btree ("user_id","viewed_at");--> statement-breakpoint
CREATE INDEX "contact_views_report_idx" ON "contact_views" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "retention_runs_municipality_idx" ON "retention_runs" USING btree ("municipality_id","ran_at");--> statement-breakpoint
CREATE INDEX "response_templates_municipality_idx" ON "response_templates" USING btree ("municipality_id","category_id");--> statement-breakpoint
-- The moderation history and the contact-view log are evidence (audit, ISO 27001 A.8.15): refuse any change to a written row.
CREATE OR REPLACE FUNCTION audit_rows_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER moderation_actions_no_update BEFORE UPDATE OR DELETE ON moderation_actions
  FOR EACH ROW EXECUTE FUNCTION audit_rows_append_only();--> statement-breakpoint
CREATE TRIGGER contact_views_no_update BEFORE UPDATE OR DELETE ON contact_views
  FOR EACH ROW EXECUTE FUNCTION audit_rows_append_only();
--> statement-breakpoint
-- Tamper-evident registry (lib/registry/canonical.ts states the same form; keep them in step).
-- A field is "~" when null, else "<UTF-8 byte length>:<text>"; times are microseconds since 1970 UTC.
CREATE OR REPLACE FUNCTION registry_field(v text) RETURNS text IMMUTABLE LANGUAGE sql AS $$
  SELECT CASE WHEN v IS NULL THEN '~' ELSE octet_length(v)::text || ':' || v END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION registry_time(t timestamptz) RETURNS text IMMUTABLE LANGUAGE sql AS $$
  SELECT (extract(epoch FROM t) * 1000000)::bigint::text
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_event_canonical(e report_events) RETURNS text STABLE LANGUAGE sql AS $$
  SELECT 'report_event/1|' || registry_field(e.id::text) || registry_field(e.report_id::text)
    || registry_field(e.municipality_id::text) || registry_field(e.kind::text)
    || registry_field(e.actor_user_id::text) || registry_field(e.actor_organisation_id::text)
    || registry_field(e.from_status::text) || registry_field(e.to_status::text)
    || registry_field(e.from_organisation_id::text) || registry_field(e.to_organisation_id::text)
    || registry_field(e.public_text) || registry_field(e.internal_note)
    || registry_field(registry_time(e.created_at)) || registry_field(e.prev_hash)
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION permit_event_canonical(e permit_events) RETURNS text STABLE LANGUAGE sql AS $$
  SELECT 'permit_event/1|' || registry_field(e.id::text) || registry_field(e.permit_id::text)
    || registry_field(e.kind::text) || registry_field(e.actor_user_id::text)
    || registry_field(e.from_status::text) || registry_field(e.to_status::text)
    || registry_field(e.report_id::text) || registry_field(e.note)
    || registry_field(registry_time(e.created_at)) || registry_field(e.prev_hash)
$$;--> statement-breakpoint
-- Each new event links to the latest event of its report (or permit); the advisory lock orders two
-- concurrent inserts for the same report so the chain never forks.
CREATE OR REPLACE FUNCTION report_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(21001, NEW.report_id);
  SELECT hash INTO NEW.prev_hash FROM report_events WHERE report_id = NEW.report_id ORDER BY id DESC LIMIT 1;
  NEW.hash := encode(sha256(convert_to(report_event_canonical(NEW), 'UTF8')), 'hex');
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION permit_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(21002, NEW.permit_id);
  SELECT hash INTO NEW.prev_hash FROM permit_events WHERE permit_id = NEW.permit_id ORDER BY id DESC LIMIT 1;
  NEW.hash := encode(sha256(convert_to(permit_event_canonical(NEW), 'UTF8')), 'hex');
  RETURN NEW;
END;
$$;--> statement-breakpoint
-- Events written before the registry existed are chained once, in id order, here.
ALTER TABLE report_events DISABLE TRIGGER report_events_no_update;--> statement-breakpoint
ALTER TABLE permit_events DISABLE TRIGGER permit_events_no_update;--> statement-breakpoint
DO $$
DECLARE
  e report_events;
  p permit_events;
  last_subject integer := NULL;
  last_hash text := NULL;
BEGIN
  FOR e IN SELECT * FROM report_events ORDER BY report_id, id LOOP
    IF last_subject IS DISTINCT FROM e.report_id THEN last_hash := NULL; last_subject := e.report_id; END IF;
    e.prev_hash := last_hash;
    e.hash := encode(sha256(convert_to(report_event_canonical(e), 'UTF8')), 'hex');
    UPDATE report_events SET prev_hash = e.prev_hash, hash = e.hash WHERE id = e.id;
    last_hash := e.hash;
  END LOOP;
  last_subject := NULL;
  last_hash := NULL;
  FOR p IN SELECT * FROM permit_events ORDER BY permit_id, id LOOP
    IF last_subject IS DISTINCT FROM p.permit_id THEN last_hash := NULL; last_subject := p.permit_id; END IF;
    p.prev_hash := last_hash;
    p.hash := encode(sha256(convert_to(permit_event_canonical(p), 'UTF8')), 'hex');
    UPDATE permit_events SET prev_hash = p.prev_hash, hash = p.hash WHERE id = p.id;
    last_hash := p.hash;
  END LOOP;
END;
$$;--> statement-breakpoint
ALTER TABLE report_events ENABLE TRIGGER report_events_no_update;--> statement-breakpoint
ALTER TABLE permit_events ENABLE TRIGGER permit_events_no_update;--> statement-breakpoint
CREATE TRIGGER report_events_chain BEFORE INSERT ON report_events
  FOR EACH ROW EXECUTE FUNCTION report_events_chain();--> statement-breakpoint
CREATE TRIGGER permit_events_chain BEFORE INSERT ON permit_events
  FOR EACH ROW EXECUTE FUNCTION permit_events_chain();
