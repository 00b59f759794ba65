-- System notes as message keys (shown in the reader's language); report_events is append-only, so
-- escalation notes written before this migration keep their English text and are mapped on read.
ALTER TABLE "report_events" ADD COLUMN "note_key" text;--> statement-breakpoint
-- Import jobs: a lease renewed per batch, so a job whose process died is detected and resumed.
ALTER TABLE "report_imports" ADD COLUMN "lease_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "report_imports" ADD COLUMN "resume_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- reports.import_id names its job; a deleted job leaves its reports as history.
UPDATE "reports" SET "import_id" = NULL WHERE "import_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "report_imports" i WHERE i."id" = "reports"."import_id");--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_import_id_report_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."report_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reports_import_idx" ON "reports" USING btree ("import_id") WHERE "import_id" IS NOT NULL;--> statement-breakpoint
-- Imported resolved or closed reports were resolved when the other system says they were filed (the
-- CSV carries no resolution date), as the import now writes them.
-- (channel compared as text: on a fresh database the 'import' value was added in this same transaction.)
UPDATE "reports" SET "resolved_at" = "created_at" WHERE "channel"::text = 'import' AND "status" IN ('resolved', 'closed') AND "resolved_at" IS NULL;
