-- A staff member adds events only to reports they can see (report_events_staff_write). Since
-- migration 0034 the lookup ran at commit, because a filing writes its report and the report's
-- created event in one statement, which does not see its own insert. The check is back in the policy,
-- with one exception for exactly that case: the created event of the report this session has just
-- drawn the id of (nextval, as a filing does) and that is not in the table yet, so the statement
-- inserting the event is the one inserting the report (the foreign key holds at its end), under the
-- reports' own insert policy. A report that already exists, this session's earlier ones included,
-- is checked for visibility as any other; no id another session drew can be this session's currval.
-- Refusal is immediate again, and a commit no longer runs a queued check per event.
DROP TRIGGER report_events_report_visible ON report_events;
--> statement-breakpoint
DROP FUNCTION report_events_report_visible();
--> statement-breakpoint
-- STABLE: the function reads with the statement's own snapshot, which does not hold the rows the
-- statement inserts (a volatile one would see them).
CREATE FUNCTION civic_report_being_filed(p_report int) RETURNS boolean
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  -- Seen by the owner (no row security): a report that exists, visible or not, is not being filed.
  IF EXISTS (SELECT 1 FROM reports r WHERE r.id = p_report) THEN
    RETURN false;
  END IF;
  -- Only reached for a report that does not exist yet in the statement's view, so a session that
  -- never drew a report id is filing none: currval would raise, and that refuses the event as well.
  RETURN p_report = currval('reports_id_seq'::regclass);
END $$;
--> statement-breakpoint
-- Whether this caller may add an event of this kind to this report: the report is one they can see
-- (the reports' read policy, as the caller), or the event is the created event of the report being
-- filed by the same statement. In PL/pgSQL, so the lookup's plan is kept by the session instead of
-- the reports' read policy being planned again inside every statement that writes an event.
CREATE FUNCTION civic_event_report_allowed(p_report int, p_kind report_event_kind) RETURNS boolean
  LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF p_kind = 'created' AND civic_report_being_filed(p_report) THEN
    RETURN true;
  END IF;
  RETURN EXISTS (SELECT 1 FROM reports r WHERE r.id = p_report);
END $$;
--> statement-breakpoint
ALTER POLICY report_events_staff_write ON report_events
  WITH CHECK ((municipality_id = ANY ((SELECT civic_claim('staff'))::integer[]))
    AND civic_event_report_allowed(report_id, kind));
--> statement-breakpoint
-- The registry's chain links an event to the subject's true previous event, whoever writes it: the
-- lookup is the owner's, not under the writer's read policy (which today lets every writer see the
-- whole trail, and which cost a policy-laden plan per event written).
ALTER FUNCTION report_events_chain() SECURITY DEFINER SET search_path = public;
--> statement-breakpoint
ALTER FUNCTION permit_events_chain() SECURITY DEFINER SET search_path = public;
