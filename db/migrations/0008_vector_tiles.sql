CREATE TABLE "report_cluster_deltas" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "report_cluster_deltas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"band" smallint NOT NULL,
	"cell_x" integer NOT NULL,
	"cell_y" integer NOT NULL,
	"category_id" integer NOT NULL,
	"status_group" text NOT NULL,
	"reports" integer NOT NULL,
	"sum_x" double precision NOT NULL,
	"sum_y" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_clusters" (
	"band" smallint NOT NULL,
	"cell_x" integer NOT NULL,
	"cell_y" integer NOT NULL,
	"category_id" integer NOT NULL,
	"status_group" text NOT NULL,
	"reports" integer NOT NULL,
	"sum_x" double precision NOT NULL,
	"sum_y" double precision NOT NULL,
	CONSTRAINT "report_clusters_band_cell_x_cell_y_category_id_status_group_pk" PRIMARY KEY("band","cell_x","cell_y","category_id","status_group")
);
--> statement-breakpoint
CREATE TABLE "tile_layer_versions" (
	"layer" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "districts" ADD COLUMN "area_3857" geometry(MultiPolygon,3857) GENERATED ALWAYS AS (ST_Transform(area, 3857)) STORED;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "location_3857" geometry(Point,3857) GENERATED ALWAYS AS (ST_Transform(location, 3857)) STORED;--> statement-breakpoint
ALTER TABLE "permits" ADD COLUMN "site_3857" geometry(MultiPolygon,3857) GENERATED ALWAYS AS (ST_Transform(site, 3857)) STORED;--> statement-breakpoint
CREATE INDEX "districts_area_3857_gix" ON "districts" USING gist ("area_3857");--> statement-breakpoint
CREATE INDEX "reports_location_3857_gix" ON "reports" USING gist ("location_3857");--> statement-breakpoint
CREATE INDEX "permits_site_3857_gix" ON "permits" USING gist ("site_3857");