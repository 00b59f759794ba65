import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { normaliseTrackingCode } from "../reports/tracking-code";
import type { ReportStatus } from "../workflow/states";
import type { Open311Value } from "./format";
import { open311Status } from "./status";

/**
 * The `servicerequestupdates` extension clients use to follow requests: one update per public event
 * (a status change or a public message), newest last. Internal notes and escalations are not updates.
 */
export async function listRequestUpdates(input: {
  db: Database;
  municipalityId: number;
  start?: Date;
  end?: Date;
  ids?: string[];
  /** Page size (at most 1,000) and page number from 1: updates in time order, so pages never shift. */
  limit?: number;
  page?: number;
}): Promise<Open311Value[]> {
  const end = input.end ?? new Date();
  const start = input.start ?? new Date(end.getTime() - 7 * 86_400_000);
  const filters: SQL[] = [
    sql`r.municipality_id = ${input.municipalityId}`,
    sql`(e.to_status is not null or e.public_text is not null)`,
    sql`e.created_at >= ${start.toISOString()}::timestamptz`,
    sql`e.created_at <= ${end.toISOString()}::timestamptz`,
  ];
  const codes = (input.ids ?? [])
    .map((id) => normaliseTrackingCode(id))
    .filter((c): c is string => c !== null);
  if (input.ids?.length) filters.push(codes.length ? sql`r.tracking_code in ${codes}` : sql`false`);
  const rows = await queryRows<{
    id: number;
    code: string;
    status: ReportStatus;
    at: string | Date;
    text: string | null;
  }>(
    input.db,
    sql`select e.id, r.tracking_code as code,
               coalesce(e.to_status, (select e2.to_status from public_report_events e2 where e2.report_id = r.id and e2.to_status is not null
                                       and e2.id <= e.id order by e2.id desc limit 1)) as status,
               e.created_at as at, e.public_text as text
        from public_report_events e join public_reports r on r.id = e.report_id
        where ${sql.join(filters, sql` and `)}
        order by e.created_at, e.id
        limit ${input.limit ?? 1_000} offset ${((input.page ?? 1) - 1) * (input.limit ?? 1_000)}`,
  );
  return rows.map((r) => ({
    update_id: String(r.id),
    service_request_id: r.code,
    status: open311Status[r.status],
    updated_datetime: new Date(r.at).toISOString(),
    description: r.text ?? "",
    media_url: "",
  }));
}
