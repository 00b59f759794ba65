-- Open311 API keys asked for by application developers (/developers/open311-key) and decided by an
-- administrator. The key itself is never stored: an approval creates an api_clients row (its hash)
-- and e-mails the key sealed in the outbox row (lib/notifications/sealed-link.ts).
CREATE TABLE "open311_key_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "open311_key_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"email" text NOT NULL,
	"application" text NOT NULL,
	"purpose" text NOT NULL,
	"locale" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"api_client_id" integer,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "open311_key_requests_status_check" CHECK ("status" IN ('pending', 'approved', 'refused'))
);--> statement-breakpoint
ALTER TABLE "open311_key_requests" ADD CONSTRAINT "open311_key_requests_api_client_id_api_clients_id_fk" FOREIGN KEY ("api_client_id") REFERENCES "public"."api_clients"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_key_requests" ADD CONSTRAINT "open311_key_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- One open request per address and application: a repeated submission finds it instead of adding one.
CREATE UNIQUE INDEX "open311_key_requests_pending_key" ON "open311_key_requests" USING btree (lower("email"),lower("application")) WHERE "status" = 'pending';--> statement-breakpoint
CREATE INDEX "open311_key_requests_status_idx" ON "open311_key_requests" USING btree ("status","created_at");
