-- The access policy, cheaper to enforce (same rules as migrations 0019, 0026, 0027 and 0030).
-- Every policy read the caller's claims through civic_claim()/civic_user_id(), which PostgreSQL
-- inlined into current_setting(…)::int[] and evaluated for every row it checked. Wrapped as
-- (SELECT civic_claim(…)) each claim becomes one InitPlan per statement: read and parsed once, then
-- compared as a plain int[] parameter (int4eq is leakproof, so an index may use it). The rules, the
-- roles and the tables they cover do not change; tests/integration/auth/access-policy.test.ts
-- checks them on both engines.
ALTER POLICY address_points_admin_write ON address_points
  USING ((municipality_id = ANY ((SELECT civic_claim('admin'))::integer[])))
  WITH CHECK ((municipality_id = ANY ((SELECT civic_claim('admin'))::integer[])));
--> statement-breakpoint
ALTER POLICY attachments_staff ON attachments
  USING ((EXISTS ( SELECT 1
   FROM reports r
  WHERE (r.id = attachments.report_id))))
  WITH CHECK ((municipality_id = ANY ((SELECT civic_claim('staff'))::integer[])));
--> statement-breakpoint
ALTER POLICY consultation_comments_staff_change ON consultation_comments
  USING ((municipality_id = ANY ((SELECT civic_claim('permits'))::integer[])))
  WITH CHECK ((municipality_id = ANY ((SELECT civic_claim('permits'))::integer[])));
--> statement-breakpoint
ALTER POLICY consultation_comments_staff_read ON consultation_comments
  USING ((municipality_id = ANY ((SELECT civic_claim('staff'))::integer[])));
--> statement-breakpoint
ALTER POLICY consultations_staff_change ON consultations
  USING ((municipality_id = ANY ((SELECT civic_claim('permits'))::integer[])))
  WITH CHECK ((municipality_id = ANY ((SELECT civic_claim('permits'))::integer[])));
--> statement-breakpoint
ALTER POLICY consultations_staff_read ON consultations
  USING ((municipality_id = ANY ((SELECT civic_claim('staff'))::integer[])));
--> statement-breakpoint
ALTER POLICY contact_views_admin_read ON contact_views
  USING (((municipality_id = ANY ((SELECT civic_claim('admin'))::integer[])) OR (user_id = (SELECT civic_user_id()))));
--> statement-breakpoint
ALTER POLICY contact_views_staff_write ON contact_views
  WITH CHECK (((user_id = (SELECT civic_user_id())) AND (municipality_id = ANY ((SELECT civic_claim('staff'))::integer[]))));
--> statement-breakpoint
ALTER POLICY memberships_staff_change ON memberships
  USING ((municipality_id = ANY ((SELECT civic_claim('admin'))::integer[])))
  WITH CHECK ((municipality_id = ANY ((SELECT civic_claim('admin'))::integer[])));
--> statement-breakpoint
ALTER POLICY memberships_staff_read ON memberships
  USING (((user_id = (SELECT civic_user_id())) OR ((role <> 'citizen'::user_role) AND (municipality_id = ANY ((SELECT civic_claim('staff'))::integer[])))));
--> statement-breakpoint
ALTER POLICY moderation_actions_staff ON moderation_actions
  USING ((EXISTS ( SELECT 1
   FROM reports r
  WHERE (r.id = moderation_actions.report_id))))
  WITH CHECK (((municipality_id = ANY ((SELECT civic_claim('staff'))::integer[])) AND (actor_user_id = (SELECT civic_user_id()))));
--> statement-breakpoint
ALTER POLICY moderation_flags_staff ON moderation_flags
  USING ((EXISTS ( SELECT 1
   FROM reports r
  WHERE (r.id = moderation_flags.report_id))))
  WITH CHECK ((municipality_id = ANY ((SELECT civic_claim('staff'))::integer[])));
--> statement-breakpoint
ALTER POLICY permit_applicants_staff ON permit_applicants
  USING ((EXISTS ( SELECT 1
   FROM permits p
  WHERE ((p.id = permit_applicants.permit_id) AND (p.municipality_id = ANY ((SELECT civic_claim('permits'))::integer[]))))))
  WITH CHECK ((EXISTS ( SELECT 1
   FROM permits p
  WHERE ((p.id = permit_applicants.permit_id) AND (p.municipality_id = ANY ((SELECT civic_claim('permits'))::integer[]))))));
--> statement-breakpoint
ALTER POLICY permit_documents_staff ON permit_documents
  USING ((EXISTS ( SELECT 1
   FROM permits p
  WHERE ((p.id = permit_documents.permit_id) AND (p.municipality_id = ANY ((SELECT civic_claim('permits'))::integer[]))))))
  WITH CHECK ((EXISTS ( SELECT 1
   FROM permits p
  WHERE ((p.id = permit_documents.permit_id) AND (p.municipality_id = ANY ((SELECT civic_claim('permits'))::integer[]))))));
--> statement-breakpoint
ALTER POLICY permit_events_staff_read ON permit_events
  USING ((EXISTS ( SELECT 1
   FROM permits p
  WHERE ((p.id = permit_events.permit_id) AND (p.municipality_id = ANY ((SELECT civic_claim('staff'))::integer[]))))));
--> statement-breakpoint
ALTER POLICY permit_events_staff_write ON permit_events
  WITH CHECK ((EXISTS ( SELECT 1
   FROM permits p
  WHERE ((p.id = permit_events.permit_id) AND (p.municipality_id = ANY ((SELECT civic_claim('staff'))::integer[]))))));
--> statement-breakpoint
ALTER POLICY permits_staff_change ON permits
  USING ((municipality_id = ANY ((SELECT civic_claim('permits'))::integer[])))
  WITH CHECK ((municipality_id = ANY ((SELECT civic_claim('permits'))::integer[])));
--> statement-breakpoint
ALTER POLICY permits_staff_read ON permits
  USING ((municipality_id = ANY ((SELECT civic_claim('staff'))::integer[])));
--> statement-breakpoint
ALTER POLICY report_comments_staff ON report_comments
  USING ((EXISTS ( SELECT 1
   FROM reports r
  WHERE (r.id = report_comments.report_id))))
  WITH CHECK ((municipality_id = ANY ((SELECT civic_claim('staff'))::integer[])));
--> statement-breakpoint
ALTER POLICY report_contacts_staff ON report_contacts
  USING ((EXISTS ( SELECT 1
   FROM reports r
  WHERE ((r.id = report_contacts.report_id) AND ((r.municipality_id = ANY ((SELECT civic_claim('desk'))::integer[])) OR ((NOT report_contacts.anonymous) AND (r.assigned_organisation_id = ANY ((SELECT civic_claim('orgs'))::integer[]))))))))
  WITH CHECK ((municipality_id = ANY ((SELECT civic_claim('staff'))::integer[])));
--> statement-breakpoint
ALTER POLICY report_events_staff_write ON report_events
  WITH CHECK (((municipality_id = ANY ((SELECT civic_claim('staff'))::integer[])) AND (EXISTS ( SELECT 1
   FROM reports r
  WHERE (r.id = report_events.report_id)))));
--> statement-breakpoint
ALTER POLICY report_followers_staff ON report_followers
  USING ((EXISTS ( SELECT 1
   FROM reports r
  WHERE ((r.id = report_followers.report_id) AND ((r.municipality_id = ANY ((SELECT civic_claim('desk'))::integer[])) OR (r.assigned_organisation_id = ANY ((SELECT civic_claim('orgs'))::integer[])))))))
  WITH CHECK ((municipality_id = ANY ((SELECT civic_claim('staff'))::integer[])));
--> statement-breakpoint
ALTER POLICY report_forwards_staff ON report_forwards
  USING ((EXISTS ( SELECT 1
   FROM reports r
  WHERE (r.id = report_forwards.report_id))))
  WITH CHECK ((municipality_id = ANY ((SELECT civic_claim('staff'))::integer[])));
--> statement-breakpoint
ALTER POLICY report_permits_staff ON report_permits
  USING (((EXISTS ( SELECT 1
   FROM reports r
  WHERE (r.id = report_permits.report_id))) OR (municipality_id = ANY ((SELECT civic_claim('permits'))::integer[]))))
  WITH CHECK ((municipality_id = ANY ((SELECT civic_claim('staff'))::integer[])));
--> statement-breakpoint
ALTER POLICY reports_staff_change ON reports
  USING (((municipality_id = ANY ((SELECT civic_claim('desk'))::integer[])) OR ((assigned_organisation_id IS NOT NULL) AND (assigned_organisation_id = ANY ((SELECT civic_claim('orgs'))::integer[])))))
  WITH CHECK ((municipality_id = ANY ((SELECT civic_claim('staff'))::integer[])));
--> statement-breakpoint
ALTER POLICY reports_staff_file ON reports
  WITH CHECK ((municipality_id = ANY ((SELECT civic_claim('staff'))::integer[])));
--> statement-breakpoint
ALTER POLICY reports_staff_read ON reports
  USING (((municipality_id = ANY ((SELECT civic_claim('desk'))::integer[])) OR (municipality_id = ANY ((SELECT civic_claim('overview'))::integer[])) OR (assigned_organisation_id = ANY ((SELECT civic_claim('orgs'))::integer[])) OR civic_handled_before(id) OR civic_linked_to_permit(id)));
--> statement-breakpoint
ALTER POLICY staff_action_receipts_staff ON staff_action_receipts
  USING (((municipality_id = ANY ((SELECT civic_claim('staff'))::integer[])) AND (EXISTS ( SELECT 1
   FROM reports r
  WHERE (r.id = staff_action_receipts.report_id)))))
  WITH CHECK (((municipality_id = ANY ((SELECT civic_claim('staff'))::integer[])) AND (user_id = (SELECT civic_user_id()))));
--> statement-breakpoint
ALTER POLICY users_staff_change ON users
  USING (((id = (SELECT civic_user_id())) OR (EXISTS ( SELECT 1
   FROM memberships m
  WHERE ((m.user_id = users.id) AND (m.municipality_id = ANY ((SELECT civic_claim('admin'))::integer[])))))));
--> statement-breakpoint
ALTER POLICY users_staff_read ON users
  USING (((id = (SELECT civic_user_id())) OR (EXISTS ( SELECT 1
   FROM memberships m
  WHERE ((m.user_id = users.id) AND (m.role <> 'citizen'::user_role) AND (m.municipality_id = ANY ((SELECT civic_claim('staff'))::integer[])))))));
--> statement-breakpoint
-- An organisation's open queue. Under row-level security the status test of the queue cannot be
-- an index condition (enum equality is not leakproof), so the existing (organisation, status)
-- index served only the organisation and was combined with every open report of the town; here
-- the open statuses are the index's predicate.
CREATE INDEX "reports_open_assigned_idx" ON "reports" USING btree ("assigned_organisation_id","due_at") WHERE status in ('received', 'triaged', 'assigned', 'reopened', 'in_progress', 'action_scheduled');
