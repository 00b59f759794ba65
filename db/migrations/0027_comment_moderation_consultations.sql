-- Citizens' comments under moderation: the text the public reads beside the original (contacts
-- masked by the automatic screen), and a moderator's hiding of a published comment (the row stays,
-- the public sees that it was moderated). Publishing and rejecting a held comment join the history.
ALTER TYPE "public"."moderation_action_kind" ADD VALUE IF NOT EXISTS 'publish_comment';--> statement-breakpoint
ALTER TYPE "public"."moderation_action_kind" ADD VALUE IF NOT EXISTS 'reject_comment';--> statement-breakpoint
-- A comment held because the municipality reads every comment first (pre-moderation).
ALTER TYPE "public"."moderation_reason" ADD VALUE IF NOT EXISTS 'pre_moderation';--> statement-breakpoint
ALTER TABLE "report_comments" ADD COLUMN "public_body" text;--> statement-breakpoint
ALTER TABLE "report_comments" ADD COLUMN "hidden_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "moderation_flags_comment_idx" ON "moderation_flags" USING btree ("comment_id") WHERE comment_id IS NOT NULL;--> statement-breakpoint
ALTER TABLE "moderation_flags" ADD CONSTRAINT "moderation_flags_comment_id_report_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."report_comments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_actions" ADD CONSTRAINT "moderation_actions_comment_id_report_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."report_comments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The one public rule for citizens' comments: published ones on public reports, with the text the
-- public may read; a hidden comment keeps its place with no text (hidden = true). Never the author,
-- only whether they filed the report. Photos only while the comment is shown.
CREATE VIEW public_report_comments AS
SELECT m.id, m.report_id, m.created_at, m.questionnaire_fixed AS fixed,
       (m.hidden_at IS NOT NULL) AS hidden,
       CASE WHEN m.hidden_at IS NULL THEN coalesce(m.public_body, m.body) END AS body,
       (m.hidden_at IS NOT NULL OR m.public_body IS NOT NULL) AS moderated,
       EXISTS (SELECT 1 FROM report_contacts c WHERE c.report_id = m.report_id AND c.user_id = m.user_id) AS from_reporter,
       CASE WHEN m.hidden_at IS NULL THEN coalesce(
         (SELECT array_agg(a.id ORDER BY a.id) FROM attachments a
           WHERE a.comment_id = m.id AND a.is_public AND a.hidden_at IS NULL), '{}'::int[])
         ELSE '{}'::int[] END AS photo_ids
FROM report_comments m
JOIN public_reports r ON r.id = m.report_id
WHERE m.state = 'published';
--> statement-breakpoint
GRANT SELECT ON public_report_comments TO civic_public, civic_staff;
--> statement-breakpoint
-- e-Participation (e-Debate): the permits office opens a consultation on planned works or a
-- permit's site with a question and a period; citizens comment (screened and moderated as report
-- comments are), the office answers publicly, and a summary goes to the council.
CREATE TYPE "public"."consultation_status" AS ENUM('draft', 'open', 'closed');--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "consultations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"permit_id" integer,
	"title" text NOT NULL,
	"question" text NOT NULL,
	"description" text,
	"site" geometry(MultiPolygon,4326),
	"status" "consultation_status" DEFAULT 'draft' NOT NULL,
	"opens_on" date,
	"closes_on" date,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_comments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "consultation_comments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"consultation_id" integer NOT NULL,
	"municipality_id" integer NOT NULL,
	"body" text NOT NULL,
	"public_body" text,
	"state" "comment_state" DEFAULT 'held' NOT NULL,
	"hidden_at" timestamp with time zone,
	"moderation_reason" "moderation_reason",
	"moderation_note" text,
	"moderated_by_user_id" integer,
	"moderated_at" timestamp with time zone,
	"email" text,
	"locale" text DEFAULT 'sr-Latn' NOT NULL,
	"user_id" integer,
	"answer" text,
	"answered_by_user_id" integer,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_permit_id_permits_id_fk" FOREIGN KEY ("permit_id") REFERENCES "public"."permits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_comments" ADD CONSTRAINT "consultation_comments_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_comments" ADD CONSTRAINT "consultation_comments_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_comments" ADD CONSTRAINT "consultation_comments_moderated_by_user_id_users_id_fk" FOREIGN KEY ("moderated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_comments" ADD CONSTRAINT "consultation_comments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_comments" ADD CONSTRAINT "consultation_comments_answered_by_user_id_users_id_fk" FOREIGN KEY ("answered_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultations_municipality_idx" ON "consultations" USING btree ("municipality_id","status");--> statement-breakpoint
CREATE INDEX "consultations_site_gix" ON "consultations" USING gist ("site");--> statement-breakpoint
CREATE INDEX "consultation_comments_consultation_idx" ON "consultation_comments" USING btree ("consultation_id","created_at");--> statement-breakpoint
CREATE INDEX "consultation_comments_held_idx" ON "consultation_comments" USING btree ("municipality_id") WHERE state = 'held';--> statement-breakpoint
-- Row-level security as for the other staff tables (0019, 0026): every staff member of the
-- municipality reads its consultations; the permits office (and the desk, which moderates) changes them.
ALTER TABLE consultations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY consultations_staff_read ON consultations FOR SELECT TO civic_staff
  USING (municipality_id = ANY (civic_claim('staff')));
--> statement-breakpoint
CREATE POLICY consultations_staff_change ON consultations FOR ALL TO civic_staff
  USING (municipality_id = ANY (civic_claim('permits')))
  WITH CHECK (municipality_id = ANY (civic_claim('permits')));
--> statement-breakpoint
ALTER TABLE consultation_comments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY consultation_comments_staff_read ON consultation_comments FOR SELECT TO civic_staff
  USING (municipality_id = ANY (civic_claim('staff')));
--> statement-breakpoint
CREATE POLICY consultation_comments_staff_change ON consultation_comments FOR UPDATE TO civic_staff
  USING (municipality_id = ANY (civic_claim('permits')))
  WITH CHECK (municipality_id = ANY (civic_claim('permits')));
--> statement-breakpoint
-- Commenters' e-mail addresses are personal data: the staff read what they need through the app,
-- the public never reads the tables. No one removes a consultation or a comment (the record).
REVOKE DELETE ON consultations, consultation_comments FROM civic_staff;
--> statement-breakpoint
-- The public projection of a consultation: not a draft; open while its status is open and its
-- last day (Europe/Belgrade) has not passed — the one rule for whether a comment is taken.
CREATE VIEW public_consultations AS
SELECT c.id, c.municipality_id, c.permit_id, c.title, c.question, c.description, c.site,
       c.status, c.opens_on, c.closes_on, c.opened_at, c.closed_at,
       (c.status = 'open' AND (c.closes_on IS NULL OR c.closes_on >= (now() AT TIME ZONE 'Europe/Belgrade')::date)) AS is_open
FROM consultations c
WHERE c.status IN ('open', 'closed');
--> statement-breakpoint
-- Published comments of public consultations, with the answer; a hidden one keeps its place with
-- no text. Never the commenter's e-mail or account.
CREATE VIEW public_consultation_comments AS
SELECT m.id, m.consultation_id, m.created_at,
       (m.hidden_at IS NOT NULL) AS hidden,
       CASE WHEN m.hidden_at IS NULL THEN coalesce(m.public_body, m.body) END AS body,
       (m.hidden_at IS NOT NULL OR m.public_body IS NOT NULL) AS moderated,
       m.answer, m.answered_at
FROM consultation_comments m
JOIN public_consultations c ON c.id = m.consultation_id
WHERE m.state = 'published';
--> statement-breakpoint
GRANT SELECT ON public_consultations, public_consultation_comments TO civic_public, civic_staff;
