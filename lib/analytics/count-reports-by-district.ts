import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { localized, type Locale, type LocalizedText } from "../i18n/config";
import type { AnalyticsFilters } from "./filters";
import { reportDistrictId, reportScope } from "./report-scope";

export type DistrictCount = {
  code: string;
  name: string;
  population: number | null;
  reports: number;
  /** Reports per 1,000 inhabitants; null where the population is not known. */
  per1000: number | null;
};

/** Reports per district (every district of the municipality, with zero where none), absolute and per 1,000 inhabitants. */
export async function countReportsByDistrict(input: {
  db: Database;
  municipalityId: number;
  filters: AnalyticsFilters;
  locale: Locale;
}): Promise<DistrictCount[]> {
  const rows = await queryRows<{
    code: string;
    name: LocalizedText;
    population: number | null;
    reports: number;
  }>(
    input.db,
    sql`with counted as (
          select ${reportDistrictId()} as district_id, count(*)::int as n
          from reports r where ${reportScope(input)}
          group by 1
        )
        select d.code, d.name, d.population, coalesce(c.n, 0)::int as reports
        from districts d left join counted c on c.district_id = d.id
        where d.municipality_id = ${input.municipalityId}
          ${input.filters.districts.length ? sql`and d.code in ${input.filters.districts}` : sql``}
        order by d.code`,
  );
  return rows.map((r) => ({
    code: r.code,
    name: localized(r.name, input.locale),
    population: r.population,
    reports: r.reports,
    per1000: r.population ? Math.round((r.reports * 1000 * 100) / r.population) / 100 : null,
  }));
}
