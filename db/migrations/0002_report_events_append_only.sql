-- The audit trail is evidence of how a report was handled: refuse any change to a written row.
CREATE OR REPLACE FUNCTION report_events_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'report_events is append-only (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER report_events_no_update BEFORE UPDATE OR DELETE ON report_events
  FOR EACH ROW EXECUTE FUNCTION report_events_append_only();--> statement-breakpoint
CREATE TRIGGER report_events_no_truncate BEFORE TRUNCATE ON report_events
  FOR EACH STATEMENT EXECUTE FUNCTION report_events_append_only();
