CREATE TABLE "address_points" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" integer NOT NULL,
	"street" text NOT NULL,
	"street_key" text NOT NULL,
	"number" text NOT NULL,
	"number_key" text NOT NULL,
	"geom" geometry(Point,4326) NOT NULL,
	"import_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "address_points" ADD CONSTRAINT "address_points_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "address_points_geom_gix" ON "address_points" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "address_points_lookup_idx" ON "address_points" USING btree ("municipality_id","street_key","number_key");--> statement-breakpoint
-- Address points are public reference data like the gazetteer: anyone reads them; the staff role
-- writes only those of the municipalities the user administers (claims as in 0019).
GRANT SELECT ON address_points TO civic_public;
--> statement-breakpoint
ALTER TABLE address_points ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY address_points_public_read ON address_points FOR SELECT TO civic_public USING (true);
--> statement-breakpoint
CREATE POLICY address_points_staff_read ON address_points FOR SELECT TO civic_staff USING (true);
--> statement-breakpoint
CREATE POLICY address_points_admin_write ON address_points FOR ALL TO civic_staff
  USING (municipality_id = ANY (civic_claim('admin')))
  WITH CHECK (municipality_id = ANY (civic_claim('admin')));
