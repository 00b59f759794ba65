import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { periodBounds, type AnalyticsFilters } from "./filters";

export type ScopeInput = {
  municipalityId: number;
  filters: AnalyticsFilters;
  /** Which period: the chosen one, or the previous one of equal length (trends). */
  period?: "current" | "previous";
};

/**
 * The reports a set of filters selects, as a condition on `reports r`. Codes are matched within
 * the municipality; an unknown code selects nothing rather than everything. A report marked as a
 * duplicate is the same problem as its original and is counted once, through the original.
 */
export function reportScope(input: ScopeInput): SQL {
  const { filters, municipalityId } = input;
  const bounds = periodBounds(filters);
  const parts: SQL[] = [sql`r.municipality_id = ${municipalityId}`, sql`r.status <> 'duplicate'`];
  const [from, to] =
    input.period === "previous" ? [bounds.previousStart, bounds.start] : [bounds.start, bounds.end];
  parts.push(
    sql`r.created_at >= ${from.toISOString()}::timestamptz and r.created_at < ${to.toISOString()}::timestamptz`,
  );
  if (filters.categories.length) {
    parts.push(
      sql`r.category_id in (select id from service_categories where municipality_id = ${municipalityId} and service_code in ${filters.categories})`,
    );
  }
  if (filters.organisations.length) {
    parts.push(
      sql`r.assigned_organisation_id in (select id from organisations where municipality_id = ${municipalityId} and code in ${filters.organisations})`,
    );
  }
  if (filters.districts.length) {
    parts.push(
      sql`${reportDistrictId()} in (select id from districts where municipality_id = ${municipalityId} and code in ${filters.districts})`,
    );
  }
  return sql.join(parts, sql` and `);
}

/**
 * The district a report counts for: the one it was filed in (`district_id`, set by routing), else
 * the one its point lies in. Both follow one rule — on an edge shared by two districts the one
 * with the lowest code wins (lib/routing/spatial-context.ts) — so a boundary report is counted
 * once, never twice or not at all. The stored id spares a point-in-polygon test per report.
 */
export function reportDistrictId(): SQL {
  return sql`coalesce(r.district_id, (select d.id from districts d where d.municipality_id = r.municipality_id and ST_Covers(d.area, r.location) order by d.code limit 1))`;
}
