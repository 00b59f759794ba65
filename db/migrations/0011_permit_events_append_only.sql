-- A permit's history is evidence of how the application was decided: refuse any change to a written row.
CREATE OR REPLACE FUNCTION permit_events_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'permit_events is append-only (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER permit_events_no_update BEFORE UPDATE OR DELETE ON permit_events
  FOR EACH ROW EXECUTE FUNCTION permit_events_append_only();--> statement-breakpoint
CREATE TRIGGER permit_events_no_truncate BEFORE TRUNCATE ON permit_events
  FOR EACH STATEMENT EXECUTE FUNCTION permit_events_append_only();--> statement-breakpoint
-- Permits registered before the history existed start it with the status they had.
INSERT INTO permit_events (permit_id, kind, to_status, note, created_at)
  SELECT id, 'registered', status, 'registered before the permit history', created_at FROM permits;--> statement-breakpoint
-- The demo's works-without-a-permit categories, on a database seeded before the flag existed.
UPDATE service_categories SET checks_permit_coverage = true
  WHERE service_code IN ('illegal_construction', 'unpermitted_digging');
