-- Every report-side table carries its report's municipality, so the report-side tables can be
-- distributed by municipality_id (Citus) with each report and its rows on one worker. The column is
-- filled from the report, then made NOT NULL; a composite key (municipality_id, report_id) →
-- reports (municipality_id, id) keeps it equal to the report's. Cluster counts are recounted per
-- municipality from the reports, with an all-categories row per cell for the unfiltered map.
ALTER TABLE "reports" ADD CONSTRAINT "reports_municipality_id_id_key" UNIQUE("municipality_id","id");--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "municipality_id" integer;--> statement-breakpoint
ALTER TABLE "report_contacts" ADD COLUMN "municipality_id" integer;--> statement-breakpoint
ALTER TABLE "report_events" ADD COLUMN "municipality_id" integer;--> statement-breakpoint
ALTER TABLE "report_followers" ADD COLUMN "municipality_id" integer;--> statement-breakpoint
ALTER TABLE "report_permits" ADD COLUMN "municipality_id" integer;--> statement-breakpoint
ALTER TABLE "report_forwards" ADD COLUMN "municipality_id" integer;--> statement-breakpoint
UPDATE "attachments" x SET "municipality_id" = r."municipality_id" FROM "reports" r WHERE r."id" = x."report_id";--> statement-breakpoint
UPDATE "report_contacts" x SET "municipality_id" = r."municipality_id" FROM "reports" r WHERE r."id" = x."report_id";--> statement-breakpoint
-- The audit trail refuses updates; this one adds a copy of a fact it already holds, once.
ALTER TABLE "report_events" DISABLE TRIGGER "report_events_no_update";--> statement-breakpoint
UPDATE "report_events" x SET "municipality_id" = r."municipality_id" FROM "reports" r WHERE r."id" = x."report_id";--> statement-breakpoint
ALTER TABLE "report_events" ENABLE TRIGGER "report_events_no_update";--> statement-breakpoint
UPDATE "report_followers" x SET "municipality_id" = r."municipality_id" FROM "reports" r WHERE r."id" = x."report_id";--> statement-breakpoint
UPDATE "report_permits" x SET "municipality_id" = r."municipality_id" FROM "reports" r WHERE r."id" = x."report_id";--> statement-breakpoint
UPDATE "report_forwards" x SET "municipality_id" = r."municipality_id" FROM "reports" r WHERE r."id" = x."report_id";--> statement-breakpoint
ALTER TABLE "attachments" ALTER COLUMN "municipality_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "report_contacts" ALTER COLUMN "municipality_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "report_events" ALTER COLUMN "municipality_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "report_followers" ALTER COLUMN "municipality_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "report_permits" ALTER COLUMN "municipality_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "report_forwards" ALTER COLUMN "municipality_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_report_fk" FOREIGN KEY ("municipality_id","report_id") REFERENCES "public"."reports"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_contacts" ADD CONSTRAINT "report_contacts_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_contacts" ADD CONSTRAINT "report_contacts_report_fk" FOREIGN KEY ("municipality_id","report_id") REFERENCES "public"."reports"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_report_fk" FOREIGN KEY ("municipality_id","report_id") REFERENCES "public"."reports"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_followers" ADD CONSTRAINT "report_followers_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_followers" ADD CONSTRAINT "report_followers_report_fk" FOREIGN KEY ("municipality_id","report_id") REFERENCES "public"."reports"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_permits" ADD CONSTRAINT "report_permits_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_permits" ADD CONSTRAINT "report_permits_report_fk" FOREIGN KEY ("municipality_id","report_id") REFERENCES "public"."reports"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_forwards" ADD CONSTRAINT "report_forwards_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_forwards" ADD CONSTRAINT "report_forwards_report_fk" FOREIGN KEY ("municipality_id","report_id") REFERENCES "public"."reports"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_contacts_municipality_email_idx" ON "report_contacts" USING btree ("municipality_id",lower("email"));--> statement-breakpoint
-- Cluster counts per municipality: start again from the reports.
DELETE FROM "report_cluster_deltas";--> statement-breakpoint
DELETE FROM "report_clusters";--> statement-breakpoint
ALTER TABLE "report_cluster_deltas" ADD COLUMN "municipality_id" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "report_clusters" ADD COLUMN "municipality_id" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "report_clusters" DROP CONSTRAINT "report_clusters_band_cell_x_cell_y_category_id_status_group_pk";--> statement-breakpoint
ALTER TABLE "report_clusters" ADD CONSTRAINT "report_clusters_band_cell_x_cell_y_municipality_id_category_id_status_group_pk" PRIMARY KEY("band","cell_x","cell_y","municipality_id","category_id","status_group");--> statement-breakpoint
ALTER TABLE "report_clusters" ADD CONSTRAINT "report_clusters_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_clusters_all_categories_idx" ON "report_clusters" USING btree ("band","cell_x","cell_y") WHERE category_id = 0;--> statement-breakpoint
-- Besides one row per category, each cell keeps category 0: every public category together, which is
-- what an unfiltered map reads (a few rows per cell instead of one per category and status group).
CREATE FUNCTION report_cluster_categories(category integer, category_public boolean) RETURNS TABLE (category_id integer)
LANGUAGE sql IMMUTABLE AS $$
  SELECT category UNION ALL SELECT 0 WHERE category_public
$$;--> statement-breakpoint
INSERT INTO "report_clusters" (band, cell_x, cell_y, municipality_id, category_id, status_group, reports, sum_x, sum_y)
SELECT c.band, c.cell_x, c.cell_y, r.municipality_id, k.category_id, report_status_group(r.status::text),
       count(*), sum(ST_X(r.location_3857)), sum(ST_Y(r.location_3857))
FROM reports r JOIN service_categories sc ON sc.id = r.category_id
CROSS JOIN LATERAL report_cluster_cells(r.location_3857) c
CROSS JOIN LATERAL report_cluster_categories(r.category_id, sc.is_public) k
WHERE r.is_public
GROUP BY 1, 2, 3, 4, 5, 6;--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_clusters_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_cluster_deltas (band, cell_x, cell_y, municipality_id, category_id, status_group, reports, sum_x, sum_y)
  SELECT c.band, c.cell_x, c.cell_y, r.municipality_id, k.category_id, report_status_group(r.status::text),
         count(*), sum(ST_X(r.location_3857)), sum(ST_Y(r.location_3857))
  FROM new_rows r JOIN service_categories sc ON sc.id = r.category_id
  CROSS JOIN LATERAL report_cluster_cells(r.location_3857) c
  CROSS JOIN LATERAL report_cluster_categories(r.category_id, sc.is_public) k
  WHERE r.is_public
  GROUP BY 1, 2, 3, 4, 5, 6;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_clusters_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_cluster_deltas (band, cell_x, cell_y, municipality_id, category_id, status_group, reports, sum_x, sum_y)
  SELECT c.band, c.cell_x, c.cell_y, r.municipality_id, k.category_id, report_status_group(r.status::text),
         -count(*), -sum(ST_X(r.location_3857)), -sum(ST_Y(r.location_3857))
  FROM old_rows r JOIN service_categories sc ON sc.id = r.category_id
  CROSS JOIN LATERAL report_cluster_cells(r.location_3857) c
  CROSS JOIN LATERAL report_cluster_categories(r.category_id, sc.is_public) k
  WHERE r.is_public
  GROUP BY 1, 2, 3, 4, 5, 6;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_clusters_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH moved AS (
    SELECT o.location_3857 AS old_loc, o.municipality_id AS old_municipality, o.category_id AS old_category, o.status AS old_status, o.is_public AS old_public,
           n.location_3857 AS new_loc, n.municipality_id AS new_municipality, n.category_id AS new_category, n.status AS new_status, n.is_public AS new_public
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE o.location_3857 IS DISTINCT FROM n.location_3857 OR o.category_id <> n.category_id OR o.is_public <> n.is_public
       OR o.municipality_id <> n.municipality_id
       OR report_status_group(o.status::text) <> report_status_group(n.status::text)
  ), changes AS (
    SELECT old_loc AS loc, old_municipality AS municipality_id, old_category AS category_id, old_status AS status, -1 AS delta FROM moved WHERE old_public
    UNION ALL
    SELECT new_loc, new_municipality, new_category, new_status, 1 FROM moved WHERE new_public
  )
  INSERT INTO report_cluster_deltas (band, cell_x, cell_y, municipality_id, category_id, status_group, reports, sum_x, sum_y)
  SELECT c.band, c.cell_x, c.cell_y, ch.municipality_id, k.category_id, report_status_group(ch.status::text),
         sum(ch.delta), sum(ch.delta * ST_X(ch.loc)), sum(ch.delta * ST_Y(ch.loc))
  FROM changes ch JOIN service_categories sc ON sc.id = ch.category_id
  CROSS JOIN LATERAL report_cluster_cells(ch.loc) c
  CROSS JOIN LATERAL report_cluster_categories(ch.category_id, sc.is_public) k
  GROUP BY 1, 2, 3, 4, 5, 6;
  RETURN NULL;
END $$;--> statement-breakpoint
-- A category made public or private joins or leaves the all-categories counts with its reports.
CREATE FUNCTION report_clusters_after_category_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_cluster_deltas (band, cell_x, cell_y, municipality_id, category_id, status_group, reports, sum_x, sum_y)
  SELECT c.band, c.cell_x, c.cell_y, r.municipality_id, 0, report_status_group(r.status::text),
         sum(ch.delta), sum(ch.delta * ST_X(r.location_3857)), sum(ch.delta * ST_Y(r.location_3857))
  FROM (SELECT n.id, CASE WHEN n.is_public THEN 1 ELSE -1 END AS delta
        FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.is_public <> n.is_public) ch
  JOIN reports r ON r.category_id = ch.id AND r.is_public
  CROSS JOIN LATERAL report_cluster_cells(r.location_3857) c
  GROUP BY 1, 2, 3, 4, 5, 6;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER service_categories_clusters_update AFTER UPDATE ON service_categories
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_clusters_after_category_update();
