CREATE TYPE "public"."place_kind" AS ENUM('street', 'place', 'landmark');--> statement-breakpoint
CREATE TABLE "gazetteer" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" integer NOT NULL,
	"kind" "place_kind" NOT NULL,
	"name" jsonb NOT NULL,
	"search_key" text NOT NULL,
	"geom" geometry(Geometry,4326) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limit_hits" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limit_hits_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
ALTER TABLE "service_categories" ADD COLUMN "questions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "answers" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "gazetteer" ADD CONSTRAINT "gazetteer_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gazetteer_geom_gix" ON "gazetteer" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "gazetteer_search_key_idx" ON "gazetteer" USING btree ("search_key");--> statement-breakpoint
CREATE INDEX "reports_location_geog_gix" ON "reports" USING gist (("location"::geography));