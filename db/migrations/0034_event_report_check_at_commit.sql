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
  -- Found in nearly every case (the lookup comes first); a report missing for the application's own
  -- role (no row security) was removed later in the same transaction, which is not the caller's doing.
  IF NOT EXISTS (SELECT 1 FROM reports r WHERE r.id = NEW.report_id) AND row_security_active('reports') THEN
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
--> statement-breakpoint
-- Claims are read by PL/pgSQL functions: a policy's `(SELECT civic_claim('…'))` InitPlan then plans
-- as one function call, where the SQL function was inlined and its body parsed and planned again
-- for every claim of every statement (a quarter of a millisecond per staff statement). Each is
-- still called once per statement (migration 0031); the rules do not change.
CREATE OR REPLACE FUNCTION civic_claim(claim text) RETURNS int[]
  LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
BEGIN
  RETURN coalesce(nullif(current_setting('civic.' || claim, true), '')::int[], '{}'::int[]);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION civic_user_id() RETURNS int
  LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
BEGIN
  RETURN nullif(current_setting('civic.user_id', true), '')::int;
END $$;
--> statement-breakpoint
-- The two report-visibility helpers read their claim once per call, not once per row they look at.
CREATE OR REPLACE FUNCTION civic_handled_before(p_report int) RETURNS boolean
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  orgs int[] := civic_claim('orgs');
BEGIN
  RETURN cardinality(orgs) > 0 AND EXISTS (
    SELECT 1 FROM report_events e
    WHERE e.report_id = p_report
      AND (e.from_organisation_id = ANY (orgs) OR e.to_organisation_id = ANY (orgs)
        OR e.actor_organisation_id = ANY (orgs)));
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION civic_linked_to_permit(p_report int) RETURNS boolean
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  offices int[] := civic_claim('permits');
BEGIN
  RETURN cardinality(offices) > 0 AND EXISTS (
    SELECT 1 FROM report_permits rp WHERE rp.report_id = p_report AND rp.municipality_id = ANY (offices));
END $$;
