-- A drawn line or area of a report in Web Mercator, for the vector tiles' shapes layer, and the
-- indexes that find shapes near a point (duplicates, tiles) without scanning every report.
ALTER TABLE "reports" ADD COLUMN "shape_3857" geometry(Geometry,3857) GENERATED ALWAYS AS (ST_Transform(shape, 3857)) STORED;--> statement-breakpoint
CREATE INDEX "reports_shape_3857_gix" ON "reports" USING gist ("shape_3857") WHERE "shape" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "reports_shape_geog_gix" ON "reports" USING gist (("shape"::geography)) WHERE "shape" IS NOT NULL;--> statement-breakpoint
-- A works category's rule: a report that no active permit covers is raised to this priority.
ALTER TABLE "service_categories" ADD COLUMN "unpermitted_priority" "report_priority";
