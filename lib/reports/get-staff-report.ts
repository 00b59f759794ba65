import "server-only";
import { sql } from "drizzle-orm";
import type { LineString, Polygon, Position } from "geojson";
import type { Database } from "../../db/client";
import { queryOne, queryRows } from "../../db/query";
import { canSeeContact, canSeeInternalNote, canViewReport } from "../auth/report-access";
import { actorOfUser } from "../auth/actor";
import { listOrganisations } from "../organisations/list-organisations";
import type { SessionUser } from "../auth/staff-user";
import { localized, type Locale, type LocalizedText } from "../i18n/config";
import { isAllowed } from "../workflow/permissions";
import {
  canTransition,
  openStatuses,
  statusGroupOf,
  type ReportStatus,
  type StatusGroup,
} from "../workflow/states";
import type { TransitionTarget } from "../workflow/apply-action";

export type StaffTimelineEntry = {
  id: number;
  at: string;
  kind: string;
  actor: string | null;
  actorOrganisation: string | null;
  fromStatus: ReportStatus | null;
  toStatus: ReportStatus | null;
  toOrganisation: string | null;
  publicText: string | null;
  internalNote: string | null;
  /** An internal note exists but belongs to another organisation's work. */
  noteHidden: boolean;
  /** A note the system wrote: a key under `staff.systemNote`, shown in the reader's language. */
  systemNote: string | null;
};

export type StaffReport = {
  id: number;
  municipalityId: number;
  code: string;
  version: number;
  serviceCode: string;
  category: string;
  description: string;
  address: string | null;
  district: string | null;
  status: ReportStatus;
  statusGroup: StatusGroup;
  priority: string;
  channel: string;
  organisationId: number | null;
  organisation: string | null;
  createdAt: string;
  dueAt: string | null;
  slaPaused: boolean;
  escalated: boolean;
  scheduledFor: string | null;
  supporters: number;
  duplicateOf: string | null;
  rejectionTarget: string | null;
  routingNote: string | null;
  position: Position;
  /** The line or area drawn for the report, exact (staff see it whatever the public precision). */
  shape: LineString | Polygon | null;
  answers: Record<string, unknown>;
  photoIds: number[];
  contact: { name: string | null; email: string | null; phone: string | null; anonymous: boolean } | null;
  contactHidden: boolean;
  timeline: StaffTimelineEntry[];
  nearbyOpen: number;
  transitions: TransitionTarget[];
  /** Every step this user may take on this report from whichever status it reaches (the field app works offline with it). */
  permittedTransitions: TransitionTarget[];
  canAssign: boolean;
  canMarkDuplicate: boolean;
  canNote: boolean;
  organisations: Array<{ id: number; name: string }>;
  /** Where the report lives in organisations' own Open311 systems, and how it stands there. */
  forwards: Array<{
    system: string;
    state: "queued" | "accepted" | "linked" | "failed";
    externalId: string | null;
    externalStatus: string | null;
    externalNotes: string | null;
    lastError: string | null;
  }>;
};

const transitionTargets: TransitionTarget[] = [
  "triaged",
  "in_progress",
  "action_scheduled",
  "resolved",
  "closed",
  "rejected",
  "reopened",
];

/**
 * A report as staff see it: everything the public sees plus the internal trail, the reporter's
 * contact and the actions open to this user — each filtered by the access rules. Null when the
 * user may not see the report at all.
 */
export async function getStaffReport(input: {
  db: Database;
  id: number;
  user: SessionUser;
  locale: Locale;
}): Promise<StaffReport | null> {
  const { db, user, locale } = input;
  const row = await queryOne<{
    id: number;
    code: string;
    version: number;
    municipality_id: number;
    service_code: string;
    category: LocalizedText;
    description: string;
    address: string | null;
    district: LocalizedText | null;
    status: ReportStatus;
    priority: string;
    channel: string;
    organisation_id: number | null;
    organisation: LocalizedText | null;
    created_at: string | Date;
    due_at: string | Date | null;
    sla_paused_at: string | Date | null;
    escalated_at: string | Date | null;
    scheduled_for: string | null;
    supporters: number;
    duplicate_of: string | null;
    rejection_target: string | null;
    routing_note: string | null;
    location: string;
    shape: string | null;
    answers: Record<string, unknown>;
  }>(
    db,
    sql`select r.id, r.tracking_code as code, r.version, r.municipality_id, c.service_code, c.name as category, r.description,
               r.address, d.name as district, r.status, r.priority, r.channel, r.assigned_organisation_id as organisation_id,
               o.name as organisation, r.created_at, r.due_at, r.sla_paused_at, r.escalated_at, r.scheduled_for::text as scheduled_for,
               r.supporters_count as supporters, orig.tracking_code as duplicate_of, r.rejection_target, r.routing_note,
               ST_AsGeoJSON(r.location, 6) as location, ST_AsGeoJSON(r.shape, 6) as shape, r.answers
        from reports r
        join service_categories c on c.id = r.category_id
        left join districts d on d.id = r.district_id
        left join organisations o on o.id = r.assigned_organisation_id
        left join reports orig on orig.id = r.duplicate_of_id
        where r.id = ${input.id}`,
  );
  if (!row || !user.municipalityIds.includes(row.municipality_id)) return null;

  const events = await queryRows<{
    id: number;
    kind: string;
    created_at: string | Date;
    actor: string | null;
    actor_org_id: number | null;
    actor_org: LocalizedText | null;
    from_status: ReportStatus | null;
    to_status: ReportStatus | null;
    from_org_id: number | null;
    to_org_id: number | null;
    to_org: LocalizedText | null;
    public_text: string | null;
    internal_note: string | null;
    note_key: string | null;
  }>(
    db,
    sql`select e.id, e.kind, e.created_at, u.name as actor, e.actor_organisation_id as actor_org_id, ao.name as actor_org,
               e.from_status, e.to_status, e.from_organisation_id as from_org_id, e.to_organisation_id as to_org_id,
               t.name as to_org, e.public_text, e.internal_note, e.note_key
        from report_events e
        left join users u on u.id = e.actor_user_id
        left join organisations ao on ao.id = e.actor_organisation_id
        left join organisations t on t.id = e.to_organisation_id
        where e.report_id = ${row.id}
        order by e.created_at, e.id`,
  );
  const previous = [
    ...new Set(events.flatMap((e) => [e.from_org_id, e.to_org_id]).filter((id): id is number => id !== null)),
  ];
  const facts = {
    municipalityId: row.municipality_id,
    assignedOrganisationId: row.organisation_id,
    previousOrganisationIds: previous,
  };
  if (!canViewReport(user, facts)) return null;

  const contactRow = await queryOne<{
    name: string | null;
    email: string | null;
    phone: string | null;
    anonymous: boolean;
  }>(db, sql`select name, email, phone, anonymous from report_contacts where report_id = ${row.id}`);
  const contactAllowed = contactRow
    ? canSeeContact(user, { ...facts, anonymous: contactRow.anonymous })
    : false;
  const photos = await queryRows<{ id: number }>(
    db,
    sql`select id from attachments where report_id = ${row.id} order by id`,
  );
  const nearby = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from reports o, reports r
        where r.id = ${row.id} and o.id <> r.id
          and o.status in ${openStatuses}
          and ST_DWithin(o.location::geography, r.location::geography, 100)`,
  );
  const organisations = await listOrganisations({ db, municipalityIds: [row.municipality_id], locale });
  const forwards = await queryRows<{
    system: string;
    state: StaffReport["forwards"][number]["state"];
    external_request_id: string | null;
    external_status: string | null;
    external_status_notes: string | null;
    last_error: string | null;
  }>(
    db,
    sql`select e.name as system, f.state, f.external_request_id, f.external_status, f.external_status_notes, f.last_error
        from report_forwards f join open311_endpoints e on e.id = f.endpoint_id
        where f.report_id = ${row.id} order by f.id`,
  );

  const actor = actorOfUser(user);
  const allowed = (operation: Parameters<typeof isAllowed>[0]["operation"]) =>
    isAllowed({
      actor,
      operation,
      municipalityId: row.municipality_id,
      assignedOrganisationId: row.organisation_id,
    });

  return {
    id: row.id,
    municipalityId: row.municipality_id,
    code: row.code,
    version: row.version,
    serviceCode: row.service_code,
    category: localized(row.category, locale),
    description: row.description,
    address: row.address,
    district: row.district ? localized(row.district, locale) : null,
    status: row.status,
    statusGroup: statusGroupOf[row.status],
    priority: row.priority,
    channel: row.channel,
    organisationId: row.organisation_id,
    organisation: row.organisation ? localized(row.organisation, locale) : null,
    createdAt: new Date(row.created_at).toISOString(),
    dueAt: row.due_at === null ? null : new Date(row.due_at).toISOString(),
    slaPaused: row.sla_paused_at !== null,
    escalated: row.escalated_at !== null,
    scheduledFor: row.scheduled_for,
    supporters: row.supporters,
    duplicateOf: row.duplicate_of,
    rejectionTarget: row.rejection_target,
    routingNote: row.routing_note,
    position: (JSON.parse(row.location) as { coordinates: Position }).coordinates,
    shape: row.shape ? (JSON.parse(row.shape) as LineString | Polygon) : null,
    answers: row.answers,
    photoIds: photos.map((p) => p.id),
    contact: contactRow && contactAllowed ? contactRow : null,
    contactHidden: Boolean(contactRow) && !contactAllowed,
    timeline: events.map((e) => {
      // Escalations written before system notes had keys carry this English text (the table is append-only).
      const legacy = e.kind === "escalated" && e.internal_note === "Service standard exceeded";
      const internalNote = legacy ? null : e.internal_note;
      const noteVisible = internalNote !== null && canSeeInternalNote(user, facts, e.actor_org_id);
      return {
        id: e.id,
        at: new Date(e.created_at).toISOString(),
        kind: e.kind,
        actor: e.actor,
        actorOrganisation: e.actor_org ? localized(e.actor_org, locale) : null,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        toOrganisation: e.to_org ? localized(e.to_org, locale) : null,
        publicText: e.public_text,
        internalNote: noteVisible ? internalNote : null,
        noteHidden: internalNote !== null && !noteVisible,
        systemNote: e.note_key ?? (legacy ? "serviceStandardExceeded" : null),
      };
    }),
    nearbyOpen: nearby?.n ?? 0,
    transitions: transitionTargets.filter(
      (to) => canTransition(row.status, to) && allowed({ type: "transition", to }),
    ),
    permittedTransitions: transitionTargets.filter((to) => allowed({ type: "transition", to })),
    canAssign:
      (row.status === "assigned" || canTransition(row.status, "assigned")) && allowed({ type: "assign" }),
    canMarkDuplicate: canTransition(row.status, "duplicate") && allowed({ type: "mark_duplicate" }),
    canNote: allowed({ type: "note" }),
    organisations,
    forwards: forwards.map((f) => ({
      system: f.system,
      state: f.state,
      externalId: f.external_request_id,
      externalStatus: f.external_status,
      externalNotes: f.external_status_notes,
      lastError: f.last_error,
    })),
  };
}
