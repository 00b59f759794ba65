-- Moderation of consultation comments joins the rest of moderation.
-- 1. "Report this comment" on a consultation comment raises a flag in the same moderation queue:
--    a flag is about a report (and maybe one of its comments) or about a consultation comment.
ALTER TABLE "moderation_flags" ALTER COLUMN "report_id" DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE "moderation_flags" ADD COLUMN "consultation_comment_id" integer;
--> statement-breakpoint
ALTER TABLE "moderation_flags" ADD CONSTRAINT "moderation_flags_consultation_comment_id_consultation_comments_id_fk" FOREIGN KEY ("consultation_comment_id") REFERENCES "public"."consultation_comments"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "moderation_flags" ADD CONSTRAINT "moderation_flags_one_target" CHECK (("report_id" IS NULL) <> ("consultation_comment_id" IS NULL));
--> statement-breakpoint
CREATE INDEX "moderation_flags_consultation_comment_idx" ON "moderation_flags" USING btree ("consultation_comment_id") WHERE consultation_comment_id IS NOT NULL;
--> statement-breakpoint
-- 2. Every decision on a consultation comment is kept (who, when, what, why, the state before and
--    after), not only the last one on the comment's row. Nobody changes or removes an entry.
CREATE TABLE "consultation_comment_moderations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "consultation_comment_moderations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"consultation_id" integer NOT NULL,
	"comment_id" integer NOT NULL,
	"kind" "moderation_action_kind" NOT NULL,
	"reason" "moderation_reason" NOT NULL,
	"note" text,
	"before" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"after" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultation_comment_moderations" ADD CONSTRAINT "consultation_comment_moderations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "consultation_comment_moderations" ADD CONSTRAINT "consultation_comment_moderations_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "consultation_comment_moderations" ADD CONSTRAINT "consultation_comment_moderations_comment_id_consultation_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."consultation_comments"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "consultation_comment_moderations" ADD CONSTRAINT "consultation_comment_moderations_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "consultation_comment_moderations_comment_idx" ON "consultation_comment_moderations" USING btree ("comment_id","created_at");
--> statement-breakpoint
-- The history from before this migration: the last decision each comment kept on its row.
INSERT INTO consultation_comment_moderations (municipality_id, consultation_id, comment_id, kind, reason, note, after, actor_user_id, created_at)
SELECT municipality_id, consultation_id, id,
       (CASE WHEN state = 'rejected' THEN 'reject_comment' WHEN hidden_at IS NOT NULL THEN 'hide_comment' ELSE 'publish_comment' END)::moderation_action_kind,
       moderation_reason, moderation_note,
       jsonb_build_object('state', state, 'hidden', hidden_at IS NOT NULL), moderated_by_user_id, moderated_at
FROM consultation_comments
WHERE moderated_at IS NOT NULL AND moderation_reason IS NOT NULL;
--> statement-breakpoint
-- 3. Who changes consultation comments: the permits office of the municipality (answers, themes) and
--    whoever holds the `moderator` permission there (lib/auth/permissions.ts: the desk, administrators,
--    staff of an organisation granted moderation), told to the database as the claim `moderate`.
--    Moderation decisions (the history, the flags) are the moderators' alone: the office does not
--    decide on what the public says about its own works.
DROP POLICY consultation_comments_staff_change ON consultation_comments;
--> statement-breakpoint
CREATE POLICY consultation_comments_staff_change ON consultation_comments FOR UPDATE TO civic_staff
  USING (municipality_id = ANY ((SELECT civic_claim('permits'))::integer[]) OR municipality_id = ANY ((SELECT civic_claim('moderate'))::integer[]))
  WITH CHECK (municipality_id = ANY ((SELECT civic_claim('permits'))::integer[]) OR municipality_id = ANY ((SELECT civic_claim('moderate'))::integer[]));
--> statement-breakpoint
ALTER TABLE consultation_comment_moderations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY consultation_comment_moderations_staff_read ON consultation_comment_moderations FOR SELECT TO civic_staff
  USING (municipality_id = ANY ((SELECT civic_claim('staff'))::integer[]));
--> statement-breakpoint
CREATE POLICY consultation_comment_moderations_staff_write ON consultation_comment_moderations FOR INSERT TO civic_staff
  WITH CHECK (municipality_id = ANY ((SELECT civic_claim('moderate'))::integer[]) AND actor_user_id = (SELECT civic_user_id()));
--> statement-breakpoint
REVOKE UPDATE, DELETE ON consultation_comment_moderations FROM civic_staff;
--> statement-breakpoint
GRANT SELECT, INSERT ON consultation_comment_moderations TO civic_staff;
--> statement-breakpoint
-- A flag on a consultation comment exists for the staff of the municipality who may decide on it.
DROP POLICY moderation_flags_staff ON moderation_flags;
--> statement-breakpoint
CREATE POLICY moderation_flags_staff ON moderation_flags FOR ALL TO civic_staff
  USING (CASE WHEN report_id IS NOT NULL THEN EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id)
              ELSE municipality_id = ANY ((SELECT civic_claim('moderate'))::integer[]) END)
  WITH CHECK (municipality_id = ANY ((SELECT civic_claim('staff'))::integer[]));
