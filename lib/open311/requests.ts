import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { envelopeSql, type BBox } from "../geo/sql";
import { localized, type Locale, type LocalizedText } from "../i18n/config";
import { normaliseTrackingCode } from "../reports/tracking-code";
import type { ReportStatus } from "../workflow/states";
import type { Open311Value } from "./format";
import { open311Status, statusesFor } from "./status";

export type RequestQuery = {
  municipalityId: number;
  ids?: string[];
  serviceCodes?: string[];
  start?: Date;
  end?: Date;
  statuses?: Array<"open" | "closed">;
  bbox?: BBox;
  page: number;
  pageSize: number;
};

export const DEFAULT_WINDOW_DAYS = 90;
export const MAX_REQUESTS = 1_000;

/**
 * Public service requests in Open311's shape. Only public fields and public reports: the reporter's
 * contact is in another table that this query never touches. `ids` overrides every other filter.
 */
export async function listRequests(input: {
  db: Database;
  query: RequestQuery;
  locale: Locale;
  baseUrl: string;
  now?: Date;
}): Promise<Open311Value[]> {
  const q = input.query;
  const filters: SQL[] = [sql`r.municipality_id = ${q.municipalityId}`, sql`r.is_public`, sql`c.is_public`];
  if (q.ids && q.ids.length) {
    const codes = q.ids.map((id) => normaliseTrackingCode(id)).filter((c): c is string => c !== null);
    filters.push(codes.length ? sql`r.tracking_code in ${codes}` : sql`false`);
  } else {
    const end = q.end ?? input.now ?? new Date();
    const start = q.start ?? new Date((q.end ?? end).getTime() - DEFAULT_WINDOW_DAYS * 86_400_000);
    filters.push(
      sql`r.created_at >= ${start.toISOString()}::timestamptz`,
      sql`r.created_at <= ${end.toISOString()}::timestamptz`,
    );
    if (q.serviceCodes?.length) filters.push(sql`c.service_code in ${q.serviceCodes}`);
    if (q.statuses?.length) filters.push(sql`r.status::text in ${q.statuses.flatMap(statusesFor)}`);
    if (q.bbox) filters.push(sql`r.location && ${envelopeSql(q.bbox)}`);
  }
  const rows = await queryRows<{
    code: string;
    status: ReportStatus;
    service_code: string;
    service_name: LocalizedText;
    description: string;
    agency: LocalizedText | null;
    created_at: string | Date;
    updated_at: string | Date;
    due_at: string | Date | null;
    address: string | null;
    lng: number;
    lat: number;
    photo_id: number | null;
    media_url: string | null;
    notes: string | null;
    rejection_target: string | null;
    duplicate_of: string | null;
  }>(
    input.db,
    sql`select r.tracking_code as code, r.status, c.service_code, c.name as service_name, o.name as agency,
               coalesce(r.public_description, r.description) as description,
               r.created_at, r.updated_at, r.due_at, coalesce(r.public_address, r.address) as address, ST_X(r.location) as lng, ST_Y(r.location) as lat,
               (select a.id from attachments a where a.report_id = r.id and a.is_public order by a.id limit 1) as photo_id,
               r.media_url,
               (select e.public_text from report_events e where e.report_id = r.id and e.public_text is not null
                 order by e.created_at desc, e.id desc limit 1) as notes,
               r.rejection_target, orig.tracking_code as duplicate_of
        from reports r
        join service_categories c on c.id = r.category_id
        left join organisations o on o.id = r.assigned_organisation_id
        left join reports orig on orig.id = r.duplicate_of_id
        where ${sql.join(filters, sql` and `)}
        order by r.created_at desc, r.id desc
        limit ${Math.min(q.pageSize, MAX_REQUESTS)} offset ${(q.page - 1) * q.pageSize}`,
  );
  const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());
  return rows.map((r) => ({
    service_request_id: r.code,
    status: open311Status[r.status],
    status_notes: r.duplicate_of
      ? `duplicate of ${r.duplicate_of}`
      : r.rejection_target
        ? `referred to ${r.rejection_target}`
        : (r.notes ?? ""),
    service_name: localized(r.service_name, input.locale),
    service_code: r.service_code,
    description: r.description,
    agency_responsible: r.agency ? localized(r.agency, input.locale) : "",
    service_notice: "",
    requested_datetime: iso(r.created_at),
    updated_datetime: iso(r.updated_at),
    expected_datetime: iso(r.due_at),
    address: r.address ?? "",
    address_id: "",
    zipcode: "",
    lat: Number(r.lat),
    long: Number(r.lng),
    media_url: r.photo_id ? `${input.baseUrl}/api/attachments/${r.photo_id}` : (r.media_url ?? ""),
  }));
}
