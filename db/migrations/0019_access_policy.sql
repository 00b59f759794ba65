ALTER TABLE "users" ADD COLUMN "session_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "public_location" geometry(Point,4326);--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "public_location_3857" geometry(Point,3857) GENERATED ALWAYS AS (ST_Transform(public_location, 3857)) STORED;--> statement-breakpoint
CREATE INDEX "reports_public_location_3857_gix" ON "reports" USING gist ("public_location_3857");--> statement-breakpoint
CREATE INDEX "reports_public_location_geog_gix" ON "reports" USING gist (("public_location"::geography));--> statement-breakpoint
-- Access policy: who may see and do what is decided here, once, and PostgreSQL enforces it.
-- Each request's transaction runs under one of two non-login roles (lib/auth/db-scope.ts):
--   civic_public  anonymous reads: the public views and reference tables only, nothing personal;
--   civic_staff   a signed-in staff member: row-level security over every report-side, permit and
--                 staff table, decided by the caller's claims set with set_config('civic.*', …, true).
-- The deploying role needs CREATEROLE (or a superuser runs this migration once); see docs/operations.md.
DO $$ BEGIN
  CREATE ROLE civic_public NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$ BEGIN
  CREATE ROLE civic_staff NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
-- The application's own login role switches to these with SET LOCAL ROLE: a non-superuser needs membership.
DO $$ BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT civic_public, civic_staff TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO civic_public, civic_staff;
--> statement-breakpoint
-- Staff: every table and sequence, narrowed row by row by the policies below. Tables added later
-- by this role get the same grant.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO civic_staff;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO civic_staff;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO civic_staff;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO civic_staff;
--> statement-breakpoint
-- Staff never rewrite what the public registry and the counters are built from by hand.
REVOKE DELETE ON reports, report_events, permit_events, report_contacts FROM civic_staff;
--> statement-breakpoint
-- The public: reference data and the public projections, nothing else. No contact column exists for it.
GRANT SELECT ON municipalities, districts, service_categories, category_groups, gazetteer, report_clusters,
  report_cluster_deltas, tile_layer_versions, spatial_ref_sys TO civic_public;
--> statement-breakpoint
-- Organisations as the public knows them: who handles what, and where (no internal settings).
GRANT SELECT (id, municipality_id, code, name, kind, sector, email, phone, service_area, active) ON organisations TO civic_public;
--> statement-breakpoint
-- The caller's claims: integer arrays set per transaction (empty when unset).
CREATE OR REPLACE FUNCTION civic_claim(claim text) RETURNS int[]
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(nullif(current_setting('civic.' || claim, true), '')::int[], '{}'::int[])
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION civic_user_id() RETURNS int
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT nullif(current_setting('civic.user_id', true), '')::int
$$;
--> statement-breakpoint
-- An organisation held a report before, or acted on it: its trail says so. Security definer, so
-- the trail is read without its own policy (which refers back to reports); asked only when the
-- cheaper conditions of the report's policy have not already decided.
CREATE OR REPLACE FUNCTION civic_handled_before(p_report int) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT cardinality(civic_claim('orgs')) > 0 AND EXISTS (
    SELECT 1 FROM report_events e
    WHERE e.report_id = p_report
      AND (e.from_organisation_id = ANY (civic_claim('orgs'))
        OR e.to_organisation_id = ANY (civic_claim('orgs'))
        OR e.actor_organisation_id = ANY (civic_claim('orgs'))))
$$;
--> statement-breakpoint
ALTER TABLE reports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A report is visible to: the desk (contact centre, administrators) of its municipality; the
-- municipality's overview readers (planners: statistics, no contacts); the organisation holding it;
-- an organisation that held it before or acted on it.
CREATE POLICY reports_staff_read ON reports FOR SELECT TO civic_staff
  USING (municipality_id = ANY (civic_claim('desk'))
      OR municipality_id = ANY (civic_claim('overview'))
      OR assigned_organisation_id = ANY (civic_claim('orgs'))
      OR civic_handled_before(id));
--> statement-breakpoint
-- Planners read; only those who may act change a report.
CREATE POLICY reports_staff_change ON reports FOR UPDATE TO civic_staff
  USING (municipality_id = ANY (civic_claim('desk'))
         OR (assigned_organisation_id IS NOT NULL AND assigned_organisation_id = ANY (civic_claim('orgs'))))
  WITH CHECK (municipality_id = ANY (civic_claim('staff')));
--> statement-breakpoint
CREATE POLICY reports_staff_file ON reports FOR INSERT TO civic_staff
  WITH CHECK (municipality_id = ANY (civic_claim('staff')));
--> statement-breakpoint
ALTER TABLE report_contacts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY report_contacts_staff ON report_contacts FOR ALL TO civic_staff
  -- The reporter's contact: the desk; the holding organisation unless the reporter asked to stay anonymous.
  USING (EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id
          AND (r.municipality_id = ANY (civic_claim('desk'))
            OR (NOT anonymous AND r.assigned_organisation_id = ANY (civic_claim('orgs'))))))
  WITH CHECK (municipality_id = ANY (civic_claim('staff')));
--> statement-breakpoint
ALTER TABLE report_followers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY report_followers_staff ON report_followers FOR ALL TO civic_staff
  USING (EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id
          AND (r.municipality_id = ANY (civic_claim('desk')) OR r.assigned_organisation_id = ANY (civic_claim('orgs')))))
  WITH CHECK (municipality_id = ANY (civic_claim('staff')));
--> statement-breakpoint
ALTER TABLE report_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY report_events_staff_read ON report_events FOR SELECT TO civic_staff
  USING (EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id));
--> statement-breakpoint
CREATE POLICY report_events_staff_write ON report_events FOR INSERT TO civic_staff
  WITH CHECK (municipality_id = ANY (civic_claim('staff')) AND EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id));
--> statement-breakpoint
ALTER TABLE attachments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY attachments_staff ON attachments FOR ALL TO civic_staff
  USING (EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id))
  WITH CHECK (municipality_id = ANY (civic_claim('staff')));
--> statement-breakpoint
ALTER TABLE report_forwards ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY report_forwards_staff ON report_forwards FOR ALL TO civic_staff
  USING (EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id))
  WITH CHECK (municipality_id = ANY (civic_claim('staff')));
--> statement-breakpoint
ALTER TABLE report_permits ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY report_permits_staff ON report_permits FOR ALL TO civic_staff
  USING (EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id) OR municipality_id = ANY (civic_claim('permits')))
  WITH CHECK (municipality_id = ANY (civic_claim('staff')));
--> statement-breakpoint
ALTER TABLE staff_action_receipts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY staff_action_receipts_staff ON staff_action_receipts FOR ALL TO civic_staff
  USING (municipality_id = ANY (civic_claim('staff')) AND EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id))
  WITH CHECK (municipality_id = ANY (civic_claim('staff')) AND user_id = civic_user_id());
--> statement-breakpoint
-- Permits: every staff member of the municipality sees the register (the reports view shows the
-- covering permit); the permits office and the counter change it and see applicants and documents.
ALTER TABLE permits ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY permits_staff_read ON permits FOR SELECT TO civic_staff
  USING (municipality_id = ANY (civic_claim('staff')));
--> statement-breakpoint
CREATE POLICY permits_staff_change ON permits FOR ALL TO civic_staff
  USING (municipality_id = ANY (civic_claim('permits')))
  WITH CHECK (municipality_id = ANY (civic_claim('permits')));
--> statement-breakpoint
ALTER TABLE permit_applicants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY permit_applicants_staff ON permit_applicants FOR ALL TO civic_staff
  USING (EXISTS (SELECT 1 FROM permits p WHERE p.id = permit_id AND p.municipality_id = ANY (civic_claim('permits'))))
  WITH CHECK (EXISTS (SELECT 1 FROM permits p WHERE p.id = permit_id AND p.municipality_id = ANY (civic_claim('permits'))));
--> statement-breakpoint
ALTER TABLE permit_documents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY permit_documents_staff ON permit_documents FOR ALL TO civic_staff
  USING (EXISTS (SELECT 1 FROM permits p WHERE p.id = permit_id AND p.municipality_id = ANY (civic_claim('permits'))))
  WITH CHECK (EXISTS (SELECT 1 FROM permits p WHERE p.id = permit_id AND p.municipality_id = ANY (civic_claim('permits'))));
--> statement-breakpoint
ALTER TABLE permit_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY permit_events_staff_read ON permit_events FOR SELECT TO civic_staff
  USING (EXISTS (SELECT 1 FROM permits p WHERE p.id = permit_id AND p.municipality_id = ANY (civic_claim('staff'))));
--> statement-breakpoint
CREATE POLICY permit_events_staff_write ON permit_events FOR INSERT TO civic_staff
  WITH CHECK (EXISTS (SELECT 1 FROM permits p WHERE p.id = permit_id AND p.municipality_id = ANY (civic_claim('staff'))));
--> statement-breakpoint
-- Staff tables: colleagues of one's own municipalities, and oneself.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY users_staff_read ON users FOR SELECT TO civic_staff
  USING (id = civic_user_id() OR EXISTS (
    SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.role <> 'citizen'
      AND m.municipality_id = ANY (civic_claim('staff'))));
--> statement-breakpoint
CREATE POLICY users_staff_change ON users FOR UPDATE TO civic_staff
  USING (id = civic_user_id() OR EXISTS (
    SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.municipality_id = ANY (civic_claim('admin'))));
--> statement-breakpoint
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY memberships_staff_read ON memberships FOR SELECT TO civic_staff
  USING (user_id = civic_user_id() OR (role <> 'citizen' AND municipality_id = ANY (civic_claim('staff'))));
--> statement-breakpoint
CREATE POLICY memberships_staff_change ON memberships FOR ALL TO civic_staff
  USING (municipality_id = ANY (civic_claim('admin')))
  WITH CHECK (municipality_id = ANY (civic_claim('admin')));
--> statement-breakpoint
-- Desk rights belong to the contact centre: an agent membership names a contact-centre
-- organisation of the same municipality, whoever writes it.
CREATE OR REPLACE FUNCTION memberships_check_scope() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.organisation_id IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM organisations o WHERE o.id = NEW.organisation_id AND o.municipality_id = NEW.municipality_id) THEN
    RAISE EXCEPTION 'membership organisation % is not in municipality %', NEW.organisation_id, NEW.municipality_id
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.role = 'agent' AND NOT EXISTS (
       SELECT 1 FROM organisations o WHERE o.id = NEW.organisation_id AND o.kind = 'contact_centre') THEN
    RAISE EXCEPTION 'the agent role is granted in a contact-centre organisation only'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER memberships_check_scope BEFORE INSERT OR UPDATE ON memberships
  FOR EACH ROW EXECUTE FUNCTION memberships_check_scope();
--> statement-breakpoint
-- Location precision: what the public sees of a pin. For categories with a precision (illegal
-- construction, noise…) the centre of a grid cell of that size, in metres; else the pin itself.
CREATE OR REPLACE FUNCTION civic_public_point(p geometry, precision_metres int) RETURNS geometry
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN precision_metres IS NULL OR p IS NULL THEN p ELSE (
    WITH cell AS (SELECT precision_metres / 111320.0 AS dy),
         snapped AS (SELECT (floor(ST_Y(p) / dy) + 0.5) * dy AS y, dy FROM cell)
    SELECT ST_SetSRID(ST_MakePoint(
             (floor(ST_X(p) / (precision_metres / (111320.0 * cos(radians(y))))) + 0.5)
               * (precision_metres / (111320.0 * cos(radians(y)))),
             y), 4326)
    FROM snapped) END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION reports_set_public_location() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.public_location := civic_public_point(NEW.location,
    (SELECT c.location_precision_metres FROM service_categories c WHERE c.id = NEW.category_id));
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER reports_public_location BEFORE INSERT OR UPDATE OF location, category_id ON reports
  FOR EACH ROW EXECUTE FUNCTION reports_set_public_location();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION service_categories_precision_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.location_precision_metres IS DISTINCT FROM OLD.location_precision_metres THEN
    UPDATE reports SET public_location = civic_public_point(location, NEW.location_precision_metres)
     WHERE category_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER service_categories_precision AFTER UPDATE OF location_precision_metres ON service_categories
  FOR EACH ROW EXECUTE FUNCTION service_categories_precision_changed();
--> statement-breakpoint
UPDATE reports r SET public_location = civic_public_point(r.location, c.location_precision_metres)
  FROM service_categories c WHERE c.id = r.category_id;
--> statement-breakpoint
-- The address of a blurred report: the street only (no house number, no place after it).
CREATE OR REPLACE FUNCTION civic_street_only(address text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT nullif(btrim(regexp_replace(split_part(address, ',', 1), '\s*\d+\S*(\s*[/-]\s*\S+)?\s*$', '')), '')
$$;
--> statement-breakpoint
-- The public views are plain views (no security_barrier): the public role runs only the
-- application's own statements, so no caller-supplied function can see rows before the view's
-- condition; the planner may push a map box or a code into the view and use the indexes.
--
-- The one public projection of a report: every public surface (map, tiles, Open311, OGC API, open
-- data, the report page, duplicate candidates, place search) reads this view and nothing else. It
-- holds no contact, no internal note, no staff member, and the location as precise as the category
-- allows; a report is in it when it and its category are public.
CREATE VIEW public_reports AS
SELECT r.id, r.tracking_code, r.municipality_id, r.category_id, c.service_code, r.district_id,
       r.public_location AS location, r.public_location_3857 AS location_3857,
       CASE WHEN c.location_precision_metres IS NULL THEN r.shape END AS shape,
       CASE WHEN c.location_precision_metres IS NULL THEN r.address ELSE civic_street_only(r.address) END AS address,
       c.location_precision_metres AS precision_metres,
       r.description, r.media_url, r.answers, r.status, r.priority, r.channel, r.assigned_organisation_id,
       r.due_at, r.scheduled_for, r.sla_paused_at, r.rejection_target,
       -- A duplicate names its original only when the original is public too.
       (SELECT o.tracking_code FROM reports o JOIN service_categories oc ON oc.id = o.category_id
         WHERE o.id = r.duplicate_of_id AND o.is_public AND oc.is_public) AS duplicate_of_code,
       r.supporters_count, r.created_at, r.updated_at, r.resolved_at, r.closed_at
FROM reports r
JOIN service_categories c ON c.id = r.category_id
WHERE r.is_public AND c.is_public;
--> statement-breakpoint
-- A report's public trail: the kinds the public sees, with their public text only.
CREATE VIEW public_report_events AS
SELECT e.id, e.report_id, e.kind, e.to_status,
       CASE WHEN e.kind IN ('assigned', 'forwarded') THEN e.to_organisation_id END AS to_organisation_id,
       e.public_text, e.created_at
FROM report_events e
JOIN public_reports r ON r.id = e.report_id
WHERE e.kind IN ('created', 'status_changed', 'assigned', 'forwarded', 'duplicate_marked', 'public_update');
--> statement-breakpoint
CREATE VIEW public_attachments AS
SELECT a.id, a.report_id, a.storage_key, a.content_type, a.width, a.height, a.created_at
FROM attachments a
JOIN public_reports r ON r.id = a.report_id
WHERE a.is_public;
--> statement-breakpoint
-- The public register of permits: granted and active permits; a private holder's name is personal
-- data and never published (only a company's is); no applicant, no contractor e-mail.
CREATE VIEW public_permits AS
SELECT p.id, p.municipality_id, p.reference, p.kind, p.status, p.issuing_organisation_id,
       CASE WHEN p.holder_is_company THEN p.holder_name END AS holder,
       p.contractor, p.works_description AS works, p.conditions, p.site, p.site_3857,
       p.valid_from, p.valid_to, p.created_at, p.updated_at
FROM permits p
-- Completed works stay in the public record; each surface chooses the statuses it shows.
WHERE p.status IN ('granted', 'active', 'completed');
--> statement-breakpoint
CREATE VIEW public_report_permits AS
SELECT rp.report_id, rp.permit_id
FROM report_permits rp
JOIN public_reports r ON r.id = rp.report_id
JOIN public_permits p ON p.id = rp.permit_id;
--> statement-breakpoint
GRANT SELECT ON public_reports, public_report_events, public_attachments, public_permits, public_report_permits
  TO civic_public, civic_staff;
--> statement-breakpoint
-- Cluster counts and their centres come from the public location too: a cluster of one report at
-- high zoom must not place it more exactly than its category allows. Start the counts again.
DELETE FROM "report_cluster_deltas";
--> statement-breakpoint
DELETE FROM "report_clusters";
--> statement-breakpoint
INSERT INTO "report_clusters" (band, cell_x, cell_y, municipality_id, category_id, status_group, reports, sum_x, sum_y)
SELECT c.band, c.cell_x, c.cell_y, r.municipality_id, k.category_id, report_status_group(r.status::text),
       count(*), sum(ST_X(r.public_location_3857)), sum(ST_Y(r.public_location_3857))
FROM reports r JOIN service_categories sc ON sc.id = r.category_id
CROSS JOIN LATERAL report_cluster_cells(r.public_location_3857) c
CROSS JOIN LATERAL report_cluster_categories(r.category_id, sc.is_public) k
WHERE r.is_public
GROUP BY 1, 2, 3, 4, 5, 6;--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_clusters_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_cluster_deltas (band, cell_x, cell_y, municipality_id, category_id, status_group, reports, sum_x, sum_y)
  SELECT c.band, c.cell_x, c.cell_y, r.municipality_id, k.category_id, report_status_group(r.status::text),
         count(*), sum(ST_X(r.public_location_3857)), sum(ST_Y(r.public_location_3857))
  FROM new_rows r JOIN service_categories sc ON sc.id = r.category_id
  CROSS JOIN LATERAL report_cluster_cells(r.public_location_3857) c
  CROSS JOIN LATERAL report_cluster_categories(r.category_id, sc.is_public) k
  WHERE r.is_public
  GROUP BY 1, 2, 3, 4, 5, 6;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_clusters_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_cluster_deltas (band, cell_x, cell_y, municipality_id, category_id, status_group, reports, sum_x, sum_y)
  SELECT c.band, c.cell_x, c.cell_y, r.municipality_id, k.category_id, report_status_group(r.status::text),
         -count(*), -sum(ST_X(r.public_location_3857)), -sum(ST_Y(r.public_location_3857))
  FROM old_rows r JOIN service_categories sc ON sc.id = r.category_id
  CROSS JOIN LATERAL report_cluster_cells(r.public_location_3857) c
  CROSS JOIN LATERAL report_cluster_categories(r.category_id, sc.is_public) k
  WHERE r.is_public
  GROUP BY 1, 2, 3, 4, 5, 6;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_clusters_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH moved AS (
    SELECT o.public_location_3857 AS old_loc, o.municipality_id AS old_municipality, o.category_id AS old_category, o.status AS old_status, o.is_public AS old_public,
           n.public_location_3857 AS new_loc, n.municipality_id AS new_municipality, n.category_id AS new_category, n.status AS new_status, n.is_public AS new_public
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE o.public_location_3857 IS DISTINCT FROM n.public_location_3857 OR o.category_id <> n.category_id OR o.is_public <> n.is_public
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
CREATE OR REPLACE FUNCTION report_clusters_after_category_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_cluster_deltas (band, cell_x, cell_y, municipality_id, category_id, status_group, reports, sum_x, sum_y)
  SELECT c.band, c.cell_x, c.cell_y, r.municipality_id, 0, report_status_group(r.status::text),
         sum(ch.delta), sum(ch.delta * ST_X(r.public_location_3857)), sum(ch.delta * ST_Y(r.public_location_3857))
  FROM (SELECT n.id, CASE WHEN n.is_public THEN 1 ELSE -1 END AS delta
        FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.is_public <> n.is_public) ch
  JOIN reports r ON r.category_id = ch.id AND r.is_public
  CROSS JOIN LATERAL report_cluster_cells(r.public_location_3857) c
  GROUP BY 1, 2, 3, 4, 5, 6;
  RETURN NULL;
END $$;
