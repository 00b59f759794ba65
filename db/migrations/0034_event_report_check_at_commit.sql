-- A staff member adds events only to reports they can see (report_events_staff_write, migrations
-- 0019 and 0031). The policy looked the report up when the event was inserted, which a statement
-- cannot do for a report it inserts itself: a filing under a staff scope had to write its first event
-- in a second statement. The lookup now runs at commit, as a deferred constraint trigger under the
-- same role and claims (SET LOCAL ROLE and the claims last until the transaction ends), so a staff
-- filing is one write statement like any other. The rule is unchanged: an event on a report the
-- caller cannot see fails the transaction, and nothing of it is kept. The application's own role
-- (row security not active for it) is not checked, as before.
CREATE OR REPLACE FUNCTION report_events_report_visible() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF row_security_active('reports') AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.id = NEW.report_id) THEN
    RAISE EXCEPTION 'new row violates row-level security policy for table "report_events"'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER report_events_report_visible AFTER INSERT ON report_events
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_events_report_visible();
--> statement-breakpoint
ALTER POLICY report_events_staff_write ON report_events
  WITH CHECK ((municipality_id = ANY ((SELECT civic_claim('staff'))::integer[])));
