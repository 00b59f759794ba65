import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import type { SessionUser } from "../auth/staff-user";
import { countWorkingDays, localDate } from "../calendar/working-days";
import { localized, type Locale, type LocalizedText } from "../i18n/config";
import { openStatuses, type ReportStatus } from "../workflow/states";
import { isDesk } from "../auth/report-access";
import { uncoveredWorksSql } from "../permits/find-permit-coverage";

export type QueueItem = {
  id: number;
  code: string;
  category: string;
  address: string | null;
  district: string | null;
  status: ReportStatus;
  organisation: string | null;
  createdAt: string;
  dueAt: string | null;
  /** Working days left until the due date; negative when overdue. Null while the clock is paused. */
  workingDaysLeft: number | null;
  overdue: boolean;
  routingNote: string | null;
  version: number;
  position: [number, number];
  /** A works category's report that no active permit covers (works without a permit?). */
  unpermitted: boolean;
};

export type NamedQueueScope = "mine" | "triage" | "all";
export type QueueScope = NamedQueueScope | { organisationId: number };

/**
 * A staff member's work list, most urgent first: reports their organisations hold ("mine"), the
 * contact centre's reports waiting for a decision ("triage"), every open report (desk only), or
 * one organisation's reports (its members and the desk).
 */
export async function listStaffQueue(input: {
  db: Database;
  user: SessionUser;
  scope: QueueScope;
  locale: Locale;
  now?: Date;
  limit?: number;
  /** A tracking number (or its start) or part of an address. */
  search?: string;
  /** Only works reports that no active permit covers. */
  unpermittedOnly?: boolean;
}): Promise<QueueItem[]> {
  const { user } = input;
  const desk = isDesk(user);
  const orgs = user.organisationIds.length ? user.organisationIds : [-1];
  const scope =
    typeof input.scope === "object"
      ? // One organisation's queue (a utility company's): members of it, or the desk.
        desk || user.organisationIds.includes(input.scope.organisationId)
        ? sql`r.assigned_organisation_id = ${input.scope.organisationId}`
        : sql`false`
      : input.scope === "all" && desk
        ? sql`true`
        : input.scope === "triage" && desk
          ? sql`(o.kind = 'contact_centre' or r.status in ('received', 'triaged', 'reopened'))`
          : sql`r.assigned_organisation_id in ${orgs}`;
  const municipalities = user.municipalityIds.length ? user.municipalityIds : [-1];
  const term = input.search?.trim().slice(0, 100);
  // The term is matched literally: LIKE's wildcards in it are escaped.
  const literal = term?.replace(/[%_\\]/g, "\\$&");
  const search = literal
    ? sql`and (r.tracking_code like ${`${literal.toUpperCase()}%`} or r.address ilike ${`%${literal}%`})`
    : sql``;
  const today = localDate(input.now ?? new Date());
  const unpermitted = uncoveredWorksSql(today);
  const rows = await queryRows<{
    id: number;
    code: string;
    category: LocalizedText;
    address: string | null;
    district: LocalizedText | null;
    status: ReportStatus;
    organisation: LocalizedText | null;
    created_at: string | Date;
    due_at: string | Date | null;
    sla_paused_at: string | Date | null;
    routing_note: string | null;
    version: number;
    lng: number;
    lat: number;
    unpermitted: boolean;
  }>(
    input.db,
    sql`select r.id, r.tracking_code as code, c.name as category, r.address, d.name as district, r.status,
               o.name as organisation, r.created_at, r.due_at, r.sla_paused_at, r.routing_note, r.version,
               ST_X(r.location) as lng, ST_Y(r.location) as lat, ${unpermitted} as unpermitted
        from reports r
        join service_categories c on c.id = r.category_id
        left join districts d on d.id = r.district_id
        left join organisations o on o.id = r.assigned_organisation_id
        where r.municipality_id in ${municipalities} and r.status in ${openStatuses} and ${scope} ${search}
          ${input.unpermittedOnly ? sql`and ${unpermitted}` : sql``}
        order by r.due_at nulls last, r.created_at
        limit ${input.limit ?? 200}`,
  );
  return rows.map((row) => {
    const due = row.due_at === null ? null : new Date(row.due_at);
    const dueDay = due ? localDate(due) : null;
    const left =
      !dueDay || row.sla_paused_at !== null
        ? null
        : dueDay >= today
          ? countWorkingDays({ from: today, to: dueDay })
          : -countWorkingDays({ from: dueDay, to: today });
    return {
      id: row.id,
      code: row.code,
      category: localized(row.category, input.locale),
      address: row.address,
      district: row.district ? localized(row.district, input.locale) : null,
      status: row.status,
      organisation: row.organisation ? localized(row.organisation, input.locale) : null,
      createdAt: new Date(row.created_at).toISOString(),
      dueAt: due?.toISOString() ?? null,
      workingDaysLeft: left,
      overdue: left !== null && left < 0,
      routingNote: row.routing_note,
      version: row.version,
      position: [Number(row.lng), Number(row.lat)],
      unpermitted: Boolean(row.unpermitted),
    };
  });
}
