-- The nightly retention job also removes consultation commenters' e-mails (lib/privacy/run-retention.ts):
-- each run counts them beside the reporters' contacts.
ALTER TABLE "retention_runs" ADD COLUMN "consultation_emails_removed" integer DEFAULT 0 NOT NULL;
