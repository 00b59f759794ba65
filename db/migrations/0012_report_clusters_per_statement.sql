-- The cluster counts' changes, recorded once per statement instead of once per row: a statement's
-- rows are grouped by cell, category and status group before they are appended, so a bulk import of
-- many reports appends a few rows per cell instead of three per report. (Transition tables cannot
-- be combined with a column list, so the update trigger sees every update and keeps only the rows
-- that moved between cells, groups, categories or visibility.)
DROP TRIGGER reports_clusters_insert_delete ON reports;
--> statement-breakpoint
DROP TRIGGER reports_clusters_update ON reports;
--> statement-breakpoint
DROP FUNCTION report_clusters_maintain();
--> statement-breakpoint
DROP FUNCTION report_clusters_record(geometry, integer, text, integer);
--> statement-breakpoint
CREATE FUNCTION report_cluster_cells(loc geometry) RETURNS TABLE (band smallint, cell_x integer, cell_y integer)
LANGUAGE sql IMMUTABLE AS $$
  SELECT b, floor((ST_X(loc) + 20037508.342789244) / (40075016.68557849 / (2 ^ b) / 16))::int,
         floor((20037508.342789244 - ST_Y(loc)) / (40075016.68557849 / (2 ^ b) / 16))::int
  FROM unnest(ARRAY[6, 9, 11]::smallint[]) AS b
$$;
--> statement-breakpoint
CREATE FUNCTION report_clusters_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_cluster_deltas (band, cell_x, cell_y, category_id, status_group, reports, sum_x, sum_y)
  SELECT c.band, c.cell_x, c.cell_y, r.category_id, report_status_group(r.status::text),
         count(*), sum(ST_X(r.location_3857)), sum(ST_Y(r.location_3857))
  FROM new_rows r CROSS JOIN LATERAL report_cluster_cells(r.location_3857) c
  WHERE r.is_public
  GROUP BY 1, 2, 3, 4, 5;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION report_clusters_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_cluster_deltas (band, cell_x, cell_y, category_id, status_group, reports, sum_x, sum_y)
  SELECT c.band, c.cell_x, c.cell_y, r.category_id, report_status_group(r.status::text),
         -count(*), -sum(ST_X(r.location_3857)), -sum(ST_Y(r.location_3857))
  FROM old_rows r CROSS JOIN LATERAL report_cluster_cells(r.location_3857) c
  WHERE r.is_public
  GROUP BY 1, 2, 3, 4, 5;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION report_clusters_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH moved AS (
    SELECT o.location_3857 AS old_loc, o.category_id AS old_category, o.status AS old_status, o.is_public AS old_public,
           n.location_3857 AS new_loc, n.category_id AS new_category, n.status AS new_status, n.is_public AS new_public
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE o.location_3857 IS DISTINCT FROM n.location_3857 OR o.category_id <> n.category_id OR o.is_public <> n.is_public
       OR report_status_group(o.status::text) <> report_status_group(n.status::text)
  ), changes AS (
    SELECT old_loc AS loc, old_category AS category_id, old_status AS status, -1 AS delta FROM moved WHERE old_public
    UNION ALL
    SELECT new_loc, new_category, new_status, 1 FROM moved WHERE new_public
  )
  INSERT INTO report_cluster_deltas (band, cell_x, cell_y, category_id, status_group, reports, sum_x, sum_y)
  SELECT c.band, c.cell_x, c.cell_y, ch.category_id, report_status_group(ch.status::text),
         sum(ch.delta), sum(ch.delta * ST_X(ch.loc)), sum(ch.delta * ST_Y(ch.loc))
  FROM changes ch CROSS JOIN LATERAL report_cluster_cells(ch.loc) c
  GROUP BY 1, 2, 3, 4, 5;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER reports_clusters_insert AFTER INSERT ON reports
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_clusters_after_insert();
--> statement-breakpoint
CREATE TRIGGER reports_clusters_delete AFTER DELETE ON reports
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_clusters_after_delete();
--> statement-breakpoint
CREATE TRIGGER reports_clusters_update AFTER UPDATE ON reports
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_clusters_after_update();
