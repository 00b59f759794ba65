CREATE TABLE "staff_action_receipts" (
	"municipality_id" integer NOT NULL,
	"key" text NOT NULL,
	"report_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_action_receipts_municipality_id_key_pk" PRIMARY KEY("municipality_id","key")
);
--> statement-breakpoint
ALTER TABLE "staff_action_receipts" ADD CONSTRAINT "staff_action_receipts_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_action_receipts" ADD CONSTRAINT "staff_action_receipts_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_action_receipts" ADD CONSTRAINT "staff_action_receipts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_action_receipts_report_idx" ON "staff_action_receipts" USING btree ("report_id");