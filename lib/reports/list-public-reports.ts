import "server-only";
import { sql } from "drizzle-orm";
import type { FeatureCollection, Point } from "geojson";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { envelopeSql, type BBox } from "../geo/sql";
import { localized, type Locale, type LocalizedText } from "../i18n/config";
import { statusGroupOf, statusesInGroup, type ReportStatus, type StatusGroup } from "../workflow/states";
import { startOfBelgradeDay } from "../time/belgrade";
import { noFilters, type PublicFilters } from "./public-filters";

/**
 * What anyone may see of a report. Built from an explicit column list over `public_reports` and
 * reference tables only: the reporter's contact (report_contacts) is not there to join.
 */
export type PublicReportProperties = {
  code: string;
  category: string;
  categoryName: string;
  group: string;
  district: string | null;
  districtName: string | null;
  address: string | null;
  status: ReportStatus;
  statusGroup: StatusGroup;
  createdAt: string;
  supporters: number;
};

export type PublicReportCollection = FeatureCollection<Point, PublicReportProperties> & {
  truncated: boolean;
  limit: number;
};

export const PUBLIC_REPORT_LIMIT = 5_000;

export async function listPublicReports(input: {
  db: Database;
  bbox: BBox;
  locale: Locale;
  filters?: PublicFilters;
  limit?: number;
  now?: Date;
}): Promise<PublicReportCollection> {
  const limit = input.limit ?? PUBLIC_REPORT_LIMIT;
  const filters = input.filters ?? noFilters;
  const statuses = filters.statusGroups.flatMap(statusesInGroup);
  const since = filters.periodDays
    ? new Date((input.now ?? new Date()).getTime() - filters.periodDays * 86_400_000).toISOString()
    : null;
  // As the tiles count it (lib/tiles/tile-sql.ts): from the start of today, so map and list agree all day.
  const today = startOfBelgradeDay(input.now ?? new Date()).toISOString();
  const finishedSince =
    filters.recentlyFinishedDays !== null
      ? sql`${today}::timestamptz - make_interval(days => ${filters.recentlyFinishedDays}::int)`
      : null;
  const rows = await queryRows<{
    code: string;
    service_code: string;
    category_name: LocalizedText;
    district: string | null;
    district_name: LocalizedText | null;
    address: string | null;
    group_code: string;
    status: ReportStatus;
    created_at: string | Date;
    supporters: number;
    geometry: string;
  }>(
    input.db,
    sql`select r.tracking_code as code, c.service_code, c.name as category_name, g.code as group_code,
               d.code as district, d.name as district_name, r.address, r.status, r.created_at, r.supporters_count as supporters,
               ST_AsGeoJSON(r.location, 6) as geometry
        from public_reports r
        join service_categories c on c.id = r.category_id
        join category_groups g on g.id = c.group_id
        left join districts d on d.id = r.district_id
        where r.location && ${envelopeSql(input.bbox)}
          ${filters.categories.length ? sql`and c.service_code in ${filters.categories}` : sql``}
          ${statuses.length ? sql`and r.status::text in ${statuses}` : sql``}
          ${since ? sql`and r.created_at >= ${since}::timestamptz` : sql``}
          ${filters.district ? sql`and d.code = ${filters.district}` : sql``}
          ${
            finishedSince
              ? sql`and (report_status_group(r.status::text) in ('open', 'in_progress')
                    or coalesce(r.resolved_at, r.closed_at, r.updated_at) >= ${finishedSince})`
              : sql``
          }
        order by r.created_at desc
        limit ${limit + 1}`,
  );
  const truncated = rows.length > limit;
  return {
    type: "FeatureCollection",
    truncated,
    limit,
    features: rows.slice(0, limit).map((row) => ({
      type: "Feature",
      geometry: JSON.parse(row.geometry) as Point,
      properties: {
        code: row.code,
        category: row.service_code,
        categoryName: localized(row.category_name, input.locale),
        group: row.group_code,
        district: row.district,
        // The place in words, for lists read without a map.
        districtName: row.district_name ? localized(row.district_name, input.locale) : null,
        address: row.address,
        status: row.status,
        statusGroup: statusGroupOf[row.status],
        createdAt: new Date(row.created_at).toISOString(),
        supporters: row.supporters,
      },
    })),
  };
}
