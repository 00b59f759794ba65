-- The nightly retention job also removes consultation commenters' e-mails (lib/privacy/run-retention.ts):
-- each run counts them beside the reporters' contacts.
ALTER TABLE "retention_runs" ADD COLUMN "consultation_emails_removed" integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
-- The theme the office files a consultation comment under (short free text, chosen from the
-- consultation's themes so far or new); the council's summary groups comments by it. It is public.
ALTER TABLE "consultation_comments" ADD COLUMN "theme" text;
--> statement-breakpoint
CREATE OR REPLACE VIEW public_consultation_comments AS
SELECT m.id, m.consultation_id, m.created_at,
       (m.hidden_at IS NOT NULL) AS hidden,
       CASE WHEN m.hidden_at IS NULL THEN coalesce(m.public_body, m.body) END AS body,
       (m.hidden_at IS NOT NULL OR m.public_body IS NOT NULL) AS moderated,
       m.answer, m.answered_at, m.theme
FROM consultation_comments m
JOIN public_consultations c ON c.id = m.consultation_id
WHERE m.state = 'published';
