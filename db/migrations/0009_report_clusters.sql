-- Report counts on grids of Web Mercator cells for low-zoom vector tiles (lib/tiles). Band b is
-- the zoom whose 256 px tile is 16 cells wide: a cell is 40075016.68557849 / 2^b / 16 metres.
-- Only public reports count; a category's public flag is checked when the tile is read.
-- Writers only append to report_cluster_deltas (no row is shared between two writers, so no
-- waiting and no deadlock in busy cells); the worker folds the deltas into report_clusters.
CREATE FUNCTION report_status_group(status text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE status
    WHEN 'received' THEN 'open' WHEN 'triaged' THEN 'open' WHEN 'assigned' THEN 'open' WHEN 'reopened' THEN 'open'
    WHEN 'in_progress' THEN 'in_progress' WHEN 'action_scheduled' THEN 'in_progress'
    WHEN 'resolved' THEN 'resolved'
    ELSE 'closed' END
$$;
--> statement-breakpoint
CREATE FUNCTION report_clusters_record(loc geometry, category integer, status text, delta integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO report_cluster_deltas (band, cell_x, cell_y, category_id, status_group, reports, sum_x, sum_y)
  SELECT b, floor((ST_X(loc) + 20037508.342789244) / (40075016.68557849 / (2 ^ b) / 16))::int,
         floor((20037508.342789244 - ST_Y(loc)) / (40075016.68557849 / (2 ^ b) / 16))::int,
         category, report_status_group(status), delta, delta * ST_X(loc), delta * ST_Y(loc)
  FROM unnest(ARRAY[6, 9, 11]::smallint[]) AS b
$$;
--> statement-breakpoint
CREATE FUNCTION report_clusters_maintain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.is_public THEN
    PERFORM report_clusters_record(OLD.location_3857, OLD.category_id, OLD.status::text, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.is_public THEN
    PERFORM report_clusters_record(NEW.location_3857, NEW.category_id, NEW.status::text, 1);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER reports_clusters_insert_delete AFTER INSERT OR DELETE ON reports
  FOR EACH ROW EXECUTE FUNCTION report_clusters_maintain();
--> statement-breakpoint
-- Only changes that move a report between cells or groups touch the counts.
CREATE TRIGGER reports_clusters_update AFTER UPDATE OF location, status, category_id, is_public ON reports
  FOR EACH ROW WHEN (OLD.location IS DISTINCT FROM NEW.location
    OR report_status_group(OLD.status::text) <> report_status_group(NEW.status::text)
    OR OLD.category_id <> NEW.category_id OR OLD.is_public <> NEW.is_public)
  EXECUTE FUNCTION report_clusters_maintain();
--> statement-breakpoint
INSERT INTO report_clusters (band, cell_x, cell_y, category_id, status_group, reports, sum_x, sum_y)
SELECT b.band, floor((ST_X(r.location_3857) + 20037508.342789244) / (40075016.68557849 / (2 ^ b.band) / 16))::int,
       floor((20037508.342789244 - ST_Y(r.location_3857)) / (40075016.68557849 / (2 ^ b.band) / 16))::int,
       r.category_id, report_status_group(r.status::text), count(*), sum(ST_X(r.location_3857)), sum(ST_Y(r.location_3857))
FROM reports r CROSS JOIN (VALUES (6::smallint), (9::smallint), (11::smallint)) AS b(band)
WHERE r.is_public
GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
-- Tile layer versions, raised by writes to the layer's tables. The trigger is deferred to commit,
-- after every other lock of the transaction is taken, so waiting on this row can never be part of
-- a deadlock, and a reader never sees a new version before the data it stands for.
INSERT INTO tile_layer_versions (layer) VALUES ('reports'), ('permits'), ('districts');
--> statement-breakpoint
CREATE FUNCTION tile_layer_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE tile_layer_versions SET version = version + 1 WHERE layer = TG_ARGV[0];
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER reports_tile_version AFTER INSERT OR UPDATE OR DELETE ON reports
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tile_layer_bump('reports');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER permits_tile_version AFTER INSERT OR UPDATE OR DELETE ON permits
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tile_layer_bump('permits');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER districts_tile_version AFTER INSERT OR UPDATE OR DELETE ON districts
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tile_layer_bump('districts');
--> statement-breakpoint
-- A category that turns public or private changes what the reports layer shows.
CREATE CONSTRAINT TRIGGER categories_tile_version AFTER UPDATE ON service_categories
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tile_layer_bump('reports');
