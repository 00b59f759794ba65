-- Row-level security for the report-side tables added after 0019 (citizens' comments, moderation,
-- the contact-view log), by the same rule as the others: a row exists for a staff member when its
-- report does (the report's own policy decides, migration 0019).
ALTER TABLE report_comments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY report_comments_staff ON report_comments FOR ALL TO civic_staff
  USING (EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id))
  WITH CHECK (municipality_id = ANY (civic_claim('staff')));
--> statement-breakpoint
ALTER TABLE moderation_actions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY moderation_actions_staff ON moderation_actions FOR ALL TO civic_staff
  USING (EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id))
  WITH CHECK (municipality_id = ANY (civic_claim('staff')) AND actor_user_id = civic_user_id());
--> statement-breakpoint
ALTER TABLE moderation_flags ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY moderation_flags_staff ON moderation_flags FOR ALL TO civic_staff
  USING (EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id))
  WITH CHECK (municipality_id = ANY (civic_claim('staff')));
--> statement-breakpoint
-- Who looked at whose contact (ISO 27001 A.8.15): staff write their own views; administrators of
-- the municipality read the log; nobody changes or removes an entry.
ALTER TABLE contact_views ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY contact_views_staff_write ON contact_views FOR INSERT TO civic_staff
  WITH CHECK (user_id = civic_user_id() AND municipality_id = ANY (civic_claim('staff')));
--> statement-breakpoint
CREATE POLICY contact_views_admin_read ON contact_views FOR SELECT TO civic_staff
  USING (municipality_id = ANY (civic_claim('admin')) OR user_id = civic_user_id());
--> statement-breakpoint
REVOKE UPDATE, DELETE ON contact_views, moderation_actions FROM civic_staff;
--> statement-breakpoint
-- The permits office reads the reports linked to its municipality's permits (a permit's page lists
-- them; the reporter's contact stays the desk's and the holder's). Security definer: the links are
-- read without their own policy, which refers back to reports.
CREATE OR REPLACE FUNCTION civic_linked_to_permit(p_report int) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT cardinality(civic_claim('permits')) > 0 AND EXISTS (
    SELECT 1 FROM report_permits rp
    WHERE rp.report_id = p_report AND rp.municipality_id = ANY (civic_claim('permits')))
$$;
--> statement-breakpoint
DROP POLICY reports_staff_read ON reports;
--> statement-breakpoint
CREATE POLICY reports_staff_read ON reports FOR SELECT TO civic_staff
  USING (municipality_id = ANY (civic_claim('desk'))
      OR municipality_id = ANY (civic_claim('overview'))
      OR assigned_organisation_id = ANY (civic_claim('orgs'))
      OR civic_handled_before(id)
      OR civic_linked_to_permit(id));
