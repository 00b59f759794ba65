import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { MUNICIPAL_TIME_ZONE } from "../calendar/working-days";
import { localized, type Locale, type LocalizedText } from "../i18n/config";
import type { AnalyticsFilters } from "./filters";
import { reportScope } from "./report-scope";

export type VolumeRow = { period: string; category: string; categoryName: string; reports: number };

/**
 * Reports filed per week (ISO, starting Monday) or per calendar month and category, in the
 * municipality's local calendar. Periods with no report are left out; the chart fills them.
 */
export async function countVolume(input: {
  db: Database;
  municipalityId: number;
  filters: AnalyticsFilters;
  locale: Locale;
}): Promise<VolumeRow[]> {
  const unit = input.filters.bucket === "month" ? "month" : "week";
  const rows = await queryRows<{
    period: string;
    service_code: string;
    name: LocalizedText;
    reports: number;
  }>(
    input.db,
    sql`select to_char(date_trunc(${unit}, r.created_at at time zone ${MUNICIPAL_TIME_ZONE}), 'YYYY-MM-DD') as period,
               sc.service_code, sc.name, count(*)::int as reports
        from reports r join service_categories sc on sc.id = r.category_id
        where ${reportScope(input)}
        group by 1, sc.service_code, sc.name
        order by 1, sc.service_code`,
  );
  return rows.map((r) => ({
    period: r.period,
    category: r.service_code,
    categoryName: localized(r.name, input.locale),
    reports: r.reports,
  }));
}
