-- A drawn line or area of a report in Web Mercator, for the vector tiles' shapes layer, and the
-- indexes that find shapes near a point (duplicates, tiles) without scanning every report.
ALTER TABLE "reports" ADD COLUMN "shape_3857" geometry(Geometry,3857) GENERATED ALWAYS AS (ST_Transform(shape, 3857)) STORED;--> statement-breakpoint
CREATE INDEX "reports_shape_3857_gix" ON "reports" USING gist ("shape_3857") WHERE "shape" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "reports_shape_geog_gix" ON "reports" USING gist (("shape"::geography)) WHERE "shape" IS NOT NULL;--> statement-breakpoint
-- A works category's rule: a report that no active permit covers is raised to this priority.
ALTER TABLE "service_categories" ADD COLUMN "unpermitted_priority" "report_priority";--> statement-breakpoint
-- The public projection gains the shape in Web Mercator for the shapes tile layer (none for a
-- category published at reduced precision, like the shape itself) and the moderation rule: a
-- hidden report is not public, a redacted text is what the public reads, and whether it was.
CREATE OR REPLACE VIEW public_reports AS
SELECT r.id, r.tracking_code, r.municipality_id, r.category_id, c.service_code, r.district_id,
       r.public_location AS location, r.public_location_3857 AS location_3857,
       CASE WHEN c.location_precision_metres IS NULL THEN r.shape END AS shape,
       -- A moderator's redaction replaces the text the public sees (migration 0021); staff keep the original.
       CASE WHEN c.location_precision_metres IS NULL THEN coalesce(r.public_address, r.address)
            ELSE civic_street_only(coalesce(r.public_address, r.address)) END AS address,
       c.location_precision_metres AS precision_metres,
       coalesce(r.public_description, r.description) AS description, r.media_url, r.answers, r.status, r.priority, r.channel, r.assigned_organisation_id,
       r.due_at, r.scheduled_for, r.sla_paused_at, r.rejection_target,
       -- A duplicate names its original only when the original is public too.
       (SELECT o.tracking_code FROM reports o JOIN service_categories oc ON oc.id = o.category_id
         WHERE o.id = r.duplicate_of_id AND o.is_public AND oc.is_public) AS duplicate_of_code,
       r.supporters_count, r.created_at, r.updated_at, r.resolved_at, r.closed_at,
       CASE WHEN c.location_precision_metres IS NULL THEN r.shape_3857 END AS shape_3857,
       (r.public_description IS NOT NULL OR r.public_address IS NOT NULL) AS moderated
FROM reports r
JOIN service_categories c ON c.id = r.category_id
WHERE r.is_public AND c.is_public AND r.hidden_at IS NULL;
