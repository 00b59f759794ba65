import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { localized, type Locale, type LocalizedText } from "../i18n/config";
import { openStatuses } from "../workflow/states";
import type { AnalyticsFilters } from "./filters";
import { reportScope } from "./report-scope";

export type OnTimeRow = {
  code: string;
  name: string;
  /** Reports whose promise can be judged: resolved, or still open past the due date. */
  judged: number;
  onTime: number;
  /** onTime / judged, 0–1; null when nothing can be judged yet. */
  share: number | null;
};

/**
 * The customer charter per organisation: of the filtered reports with a due date (set at filing
 * from the category's working-day standard and the municipal calendar, holidays excluded), the
 * share resolved by that date. A report still open past its due date counts as late; one still
 * open before it is not judged yet. Rejected reports are not the service's promise.
 */
export async function measureOnTimeShare(input: {
  db: Database;
  municipalityId: number;
  filters: AnalyticsFilters;
  locale: Locale;
  now?: Date;
}): Promise<OnTimeRow[]> {
  const now = (input.now ?? new Date()).toISOString();
  const rows = await queryRows<{ code: string; name: LocalizedText; judged: number; on_time: number }>(
    input.db,
    sql`select o.code, o.name,
               count(*)::int as judged,
               count(*) filter (where r.resolved_at is not null and r.resolved_at <= r.due_at)::int as on_time
        from reports r join organisations o on o.id = r.assigned_organisation_id
        where ${reportScope(input)} and r.due_at is not null and r.status <> 'rejected'
          and (r.resolved_at is not null or (r.status::text in ${openStatuses} and r.due_at < ${now}::timestamptz))
        group by o.code, o.name
        order by o.code`,
  );
  return rows.map((r) => ({
    code: r.code,
    name: localized(r.name, input.locale),
    judged: r.judged,
    onTime: r.on_time,
    share: r.judged > 0 ? r.on_time / r.judged : null,
  }));
}
