import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import { openStatuses } from "../workflow/states";
import type { AnalyticsFilters } from "./filters";
import { reportScope } from "./report-scope";

export type KeyFigures = {
  reports: number;
  previousReports: number;
  resolved: number;
  openNow: number;
  overdueNow: number;
  medianResolutionHours: number | null;
};

/** The headline numbers of the filtered reports, with the previous period of equal length for comparison. */
export async function measureKeyFigures(input: {
  db: Database;
  municipalityId: number;
  filters: AnalyticsFilters;
  now?: Date;
}): Promise<KeyFigures> {
  const now = (input.now ?? new Date()).toISOString();
  const row = await queryOne<{
    reports: number;
    resolved: number;
    open_now: number;
    overdue_now: number;
    median_hours: number | null;
    previous: number;
  }>(
    input.db,
    sql`select count(*)::int as reports,
               count(*) filter (where r.resolved_at is not null)::int as resolved,
               count(*) filter (where r.status::text in ${openStatuses})::int as open_now,
               count(*) filter (where r.status::text in ${openStatuses} and r.due_at < ${now}::timestamptz)::int as overdue_now,
               percentile_cont(0.5) within group (order by extract(epoch from r.resolved_at - r.created_at) / 3600)
                 filter (where r.resolved_at is not null) as median_hours,
               (select count(*)::int from reports r where ${reportScope({ ...input, period: "previous" })}) as previous
        from reports r where ${reportScope(input)}`,
  );
  return {
    reports: row?.reports ?? 0,
    previousReports: row?.previous ?? 0,
    resolved: row?.resolved ?? 0,
    openNow: row?.open_now ?? 0,
    overdueNow: row?.overdue_now ?? 0,
    medianResolutionHours:
      row?.median_hours === null || row?.median_hours === undefined
        ? null
        : Math.round(Number(row.median_hours) * 10) / 10,
  };
}
