import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne, queryRows } from "../../db/query";
import type { BBox } from "../geo/sql";
import { localized, type Locale, type LocalizedText } from "../i18n/config";
import type { AnalyticsFilters } from "./filters";
import { reportScope } from "./report-scope";

export type Hotspot = {
  /** 1 for the largest cluster. */
  rank: number;
  reports: number;
  /** Reports of the same filters in the same place (within eps of the cluster) in the previous period. */
  previousReports: number;
  /** Relative change against the previous period; null when there was nothing before. */
  trend: number | null;
  centre: [number, number];
  bbox: BBox;
  /** Up to three most frequent categories in the cluster. */
  categories: Array<{ code: string; name: string; reports: number }>;
};

const MAX_HOTSPOTS = 30;

/**
 * Places where problems recur: DBSCAN clusters of the filtered reports, computed in metres in the
 * municipality's UTM zone (`epsMetres` neighbourhood, at least `minPoints` reports), with their
 * main categories and the trend against the previous period of equal length.
 */
export async function findHotspots(input: {
  db: Database;
  municipalityId: number;
  filters: AnalyticsFilters;
  locale: Locale;
}): Promise<Hotspot[]> {
  const srid = await utmSridOf(input.db, input.municipalityId);
  const { epsMetres, minPoints } = input.filters;
  const rows = await queryRows<{
    cluster: number;
    reports: number;
    previous_reports: number;
    centre: string;
    bbox: string;
    categories: Array<{ code: string; name: LocalizedText; reports: number }>;
  }>(
    input.db,
    sql`with points as (
          select r.category_id, ST_Transform(r.location, ${srid}::int) as g
          from reports r where ${reportScope(input)}
        ),
        clustered as materialized (
          select category_id, g, ST_ClusterDBSCAN(g, ${epsMetres}::float8, ${minPoints}::int) over () as cluster
          from points
        ),
        clusters as (
          select cluster, count(*)::int as reports, ST_Collect(g) as geom
          from clustered where cluster is not null group by cluster
          order by reports desc, cluster limit ${MAX_HOTSPOTS}
        ),
        -- Each cluster's outline once, not once per compared point.
        shapes as materialized (
          select cluster, reports, ST_ConvexHull(geom) as hull, ST_Centroid(geom) as centre, ST_Envelope(geom) as envelope
          from clusters
        ),
        previous as materialized (
          select ST_Transform(r.location, ${srid}::int) as g
          from reports r where ${reportScope({ ...input, period: "previous" })}
        )
        select s.cluster, s.reports,
               (select count(*)::int from previous p where ST_DWithin(s.hull, p.g, ${epsMetres}::float8)) as previous_reports,
               ST_AsGeoJSON(ST_Transform(s.centre, 4326), 6) as centre,
               ST_AsGeoJSON(ST_Transform(ST_Envelope(ST_Buffer(s.envelope, ${epsMetres}::float8)), 4326), 6) as bbox,
               (select json_agg(json_build_object('code', k.service_code, 'name', k.name, 'reports', k.n) order by k.n desc, k.service_code)
                from (select sc.service_code, sc.name, count(*)::int as n
                      from clustered x join service_categories sc on sc.id = x.category_id
                      where x.cluster = s.cluster group by sc.service_code, sc.name
                      order by n desc, sc.service_code limit 3) k) as categories
        from shapes s
        order by s.reports desc, s.cluster`,
  );
  return rows.map((row, index) => {
    const ring = (JSON.parse(row.bbox) as { coordinates: number[][][] }).coordinates[0]!;
    const xs = ring.map((p) => p[0]!);
    const ys = ring.map((p) => p[1]!);
    const centre = (JSON.parse(row.centre) as { coordinates: [number, number] }).coordinates;
    return {
      rank: index + 1,
      reports: row.reports,
      previousReports: row.previous_reports,
      trend:
        row.previous_reports > 0
          ? Math.round(((row.reports - row.previous_reports) / row.previous_reports) * 100) / 100
          : null,
      centre,
      bbox: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
      categories: (typeof row.categories === "string"
        ? (JSON.parse(row.categories) as typeof row.categories)
        : row.categories
      ).map((c) => ({
        code: c.code,
        name: localized(c.name, input.locale),
        reports: c.reports,
      })),
    };
  });
}

/** The WGS 84 / UTM zone (EPSG 326xx north, 327xx south) of the municipality's centre: metres with little distortion. */
async function utmSridOf(db: Database, municipalityId: number): Promise<number> {
  const row = await queryOne<{ lng: number; lat: number }>(
    db,
    sql`select ST_X(c) as lng, ST_Y(c) as lat from (select ST_Centroid(boundary) as c from municipalities where id = ${municipalityId}) m`,
  );
  if (!row) return 3857;
  const zone = Math.min(60, Math.max(1, Math.floor((row.lng + 180) / 6) + 1));
  return (row.lat >= 0 ? 32_600 : 32_700) + zone;
}
