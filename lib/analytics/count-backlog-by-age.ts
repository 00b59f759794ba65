import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { openStatuses } from "../workflow/states";
import type { AnalyticsFilters } from "./filters";
import { reportScope } from "./report-scope";

/** Age bands of the backlog in days since filing; the last band is open-ended. */
export const backlogBands = [
  { band: "0-2", fromDays: 0, toDays: 3 },
  { band: "3-7", fromDays: 3, toDays: 8 },
  { band: "8-30", fromDays: 8, toDays: 31 },
  { band: "31-90", fromDays: 31, toDays: 91 },
  { band: "91+", fromDays: 91, toDays: null },
] as const;

export type BacklogBand = (typeof backlogBands)[number]["band"];
export type BacklogRow = { band: BacklogBand; open: number; overdue: number };

/** The filtered reports still open now, by how long ago they were filed, and how many of them are past their due date. */
export async function countBacklogByAge(input: {
  db: Database;
  municipalityId: number;
  filters: AnalyticsFilters;
  now?: Date;
}): Promise<BacklogRow[]> {
  const now = (input.now ?? new Date()).toISOString();
  const rows = await queryRows<{ age_days: number; open: number; overdue: number }>(
    input.db,
    sql`select floor(extract(epoch from ${now}::timestamptz - r.created_at) / 86400)::int as age_days,
               count(*)::int as open,
               count(*) filter (where r.due_at < ${now}::timestamptz)::int as overdue
        from reports r
        where ${reportScope(input)} and r.status::text in ${openStatuses}
        group by 1`,
  );
  return backlogBands.map(({ band, fromDays, toDays }) => {
    const inBand = rows.filter((r) => r.age_days >= fromDays && (toDays === null || r.age_days < toDays));
    return { band, open: sum(inBand.map((r) => r.open)), overdue: sum(inBand.map((r) => r.overdue)) };
  });
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
