import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { localized, type Locale, type LocalizedText } from "../i18n/config";
import type { AnalyticsFilters } from "./filters";
import { reportScope } from "./report-scope";

export type ResolutionRow = {
  code: string;
  name: string;
  resolved: number;
  /** Hours from filing to resolution (continuous percentiles, interpolated). */
  medianHours: number;
  p90Hours: number;
};

export type ResolutionTimes = { byOrganisation: ResolutionRow[]; byCategory: ResolutionRow[] };

/**
 * How long resolution took for the filtered reports that have been resolved: median and 90th
 * percentile (percentile_cont) per handling organisation and per category. A report resolved,
 * reopened and resolved again counts with its last resolution.
 */
export async function measureResolutionTimes(input: {
  db: Database;
  municipalityId: number;
  filters: AnalyticsFilters;
  locale: Locale;
}): Promise<ResolutionTimes> {
  const by = async (dimension: "organisation" | "category") => {
    const join =
      dimension === "organisation"
        ? sql`join organisations g on g.id = r.assigned_organisation_id`
        : sql`join service_categories g on g.id = r.category_id`;
    const codeColumn = dimension === "organisation" ? sql`g.code` : sql`g.service_code`;
    const rows = await queryRows<{ code: string; name: LocalizedText; resolved: number; hours: number[] }>(
      input.db,
      sql`select ${codeColumn} as code, g.name, count(*)::int as resolved,
                 percentile_cont(array[0.5, 0.9]::float8[]) within group (order by extract(epoch from r.resolved_at - r.created_at) / 3600) as hours
          from reports r ${join}
          where ${reportScope(input)} and r.resolved_at is not null
          group by ${codeColumn}, g.name
          order by ${codeColumn}`,
    );
    return rows.map((r) => ({
      code: r.code,
      name: localized(r.name, input.locale),
      resolved: r.resolved,
      medianHours: round1(Number(r.hours[0])),
      p90Hours: round1(Number(r.hours[1])),
    }));
  };
  return { byOrganisation: await by("organisation"), byCategory: await by("category") };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
