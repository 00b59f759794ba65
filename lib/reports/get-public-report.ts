import "server-only";
import { eq, sql } from "drizzle-orm";
import { publicAttachments } from "../../db/schema";
import type { Geometry, Position } from "geojson";
import type { Database } from "../../db/client";
import { queryOne, queryRows } from "../../db/query";
import { inReaderScript } from "../i18n/transliterate";
import { localized, type Locale, type LocalizedText } from "../i18n/config";
import { isOverdue } from "../workflow/escalate-overdue-reports";
import { statusGroupOf, type ReportStatus, type StatusGroup } from "../workflow/states";
import {
  publicPermitColumns,
  toPublicPermit,
  type PublicPermit,
  type PublicPermitRow,
} from "../permits/public-permit-fields";
import { normaliseTrackingCode } from "./tracking-code";

export type PublicTimelineEntry = {
  at: string;
  kind: "created" | "status_changed" | "assigned" | "forwarded" | "duplicate_marked" | "public_update";
  status: ReportStatus | null;
  organisation: string | null;
  text: string | null;
};

export type PublicReport = {
  code: string;
  serviceCode: string;
  categoryName: string;
  description: string;
  address: string | null;
  /** A moderator (or the automatic screen) changed the public description or address. */
  moderated: boolean;
  district: string | null;
  municipality: string;
  status: ReportStatus;
  statusGroup: StatusGroup;
  organisation: string | null;
  createdAt: string;
  dueAt: string | null;
  overdue: boolean;
  scheduledFor: string | null;
  supporters: number;
  duplicateOf: string | null;
  rejectionTarget: string | null;
  position: Position;
  shape: Geometry | null;
  photoIds: number[];
  timeline: PublicTimelineEntry[];
  /** Works permitted at the spot (linked when the report was filed), public fields only. */
  permits: PublicPermit[];
};

/**
 * A report as the public sees it: who handles it (the organisation, never a person), its public
 * timeline (no internal notes, no escalations), its photos. Nothing from report_contacts.
 * Non-public reports are not found.
 */
export async function getPublicReport(input: {
  db: Database;
  code: string;
  locale: Locale;
}): Promise<PublicReport | null> {
  const code = normaliseTrackingCode(input.code);
  if (!code) return null;
  const { db, locale } = input;
  const row = await queryOne<{
    id: number;
    service_code: string;
    category_name: LocalizedText;
    description: string;
    address: string | null;
    moderated: boolean;
    district: LocalizedText | null;
    municipality: LocalizedText;
    status: ReportStatus;
    organisation: LocalizedText | null;
    organisation_kind: string | null;
    created_at: string | Date;
    due_at: string | Date | null;
    sla_paused_at: string | Date | null;
    scheduled_for: string | null;
    supporters: number;
    duplicate_of: string | null;
    rejection_target: string | null;
    location: string;
    shape: string | null;
  }>(
    db,
    sql`select r.id, c.service_code, c.name as category_name, d.name as district,
               -- Moderation: the public text when a moderator or the automatic screen set one.
               r.description, r.address, r.moderated,
               m.name as municipality, r.status, o.name as organisation, o.kind as organisation_kind,
               r.created_at, r.due_at, r.sla_paused_at, r.scheduled_for::text as scheduled_for,
               r.supporters_count as supporters, r.duplicate_of_code as duplicate_of, r.rejection_target,
               ST_AsGeoJSON(r.location, 6) as location, ST_AsGeoJSON(r.shape, 6) as shape
        from public_reports r
        join service_categories c on c.id = r.category_id
        join municipalities m on m.id = r.municipality_id
        left join districts d on d.id = r.district_id
        left join organisations o on o.id = r.assigned_organisation_id
        where r.tracking_code = ${code}`,
  );
  if (!row) return null;
  const events = await queryRows<{
    kind: PublicTimelineEntry["kind"];
    to_status: ReportStatus | null;
    org: LocalizedText | null;
    public_text: string | null;
    created_at: string | Date;
  }>(
    db,
    sql`select e.kind, e.to_status, o.name as org, e.public_text, e.created_at
        from public_report_events e left join organisations o on o.id = e.to_organisation_id
        where e.report_id = ${row.id}
        order by e.created_at, e.id`,
  );
  const photos = await queryRows<{ id: number }>(
    db,
    sql`select id from public_attachments where report_id = ${row.id} order by id`,
  );
  const permits = await queryRows<PublicPermitRow>(
    db,
    sql`select ${publicPermitColumns} from public_report_permits rp join public_permits p on p.id = rp.permit_id
        where rp.report_id = ${row.id} order by p.valid_to desc, p.id`,
  );
  const dueAt = row.due_at === null ? null : new Date(row.due_at);
  return {
    permits: permits.map(toPublicPermit),
    code,
    serviceCode: row.service_code,
    categoryName: localized(row.category_name, locale),
    description: row.description,
    address: row.address,
    moderated: row.moderated,
    district: row.district ? localized(row.district, locale) : null,
    municipality: localized(row.municipality, locale),
    status: row.status,
    statusGroup: statusGroupOf[row.status],
    // The contact centre holding a report in triage is shown as such; people never are.
    organisation: row.organisation ? localized(row.organisation, locale) : null,
    createdAt: new Date(row.created_at).toISOString(),
    dueAt: dueAt?.toISOString() ?? null,
    overdue: isOverdue({
      status: row.status,
      dueAt,
      slaPausedAt: row.sla_paused_at === null ? null : new Date(row.sla_paused_at),
    }),
    scheduledFor: row.scheduled_for,
    supporters: row.supporters,
    duplicateOf: row.duplicate_of,
    rejectionTarget: row.rejection_target,
    position: (JSON.parse(row.location) as { coordinates: Position }).coordinates,
    shape: row.shape ? (JSON.parse(row.shape) as Geometry) : null,
    photoIds: photos.map((p) => p.id),
    timeline: events.map((e) => ({
      at: new Date(e.created_at).toISOString(),
      kind: e.kind,
      status: e.to_status,
      organisation: e.org ? localized(e.org, locale) : null,
      text: e.public_text === null ? null : inReaderScript(e.public_text, input.locale),
    })),
  };
}

/** A public photo's bytes, or null when the photo or its report is not public. */
export async function getPublicAttachment(input: {
  db: Database;
  id: number;
}): Promise<{ storageKey: string; contentType: string } | null> {
  const [row] = await input.db
    .select({ storageKey: publicAttachments.storageKey, contentType: publicAttachments.contentType })
    .from(publicAttachments)
    .where(eq(publicAttachments.id, input.id));
  return row ?? null;
}
