import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { envelopeSql, type BBox } from "../geo/sql";
import { publicReportFilterSql } from "../reports/list-public-reports";
import type { PublicFilters } from "../reports/public-filters";
import { dotsPath, longitudeScale, overviewViewBox } from "./overview-svg";

export type MunicipalityOverview = {
  viewBox: string;
  boundary: string;
  districts: string[];
  /** The reports the map would open on, as one path of dots. */
  dots: string;
  reports: number;
};

/** At most this many reports are drawn; the overview is a glance, the list and map have them all. */
const OVERVIEW_DOT_LIMIT = 3000;

/**
 * The light overview of a municipality for phones (lib/map/overview-svg.ts): its outline and local
 * communities simplified to about a pixel of a phone's width, and the reports as dots.
 */
export async function getMunicipalityOverview(input: {
  db: Database;
  municipalityId: number;
  bbox: BBox;
  filters: PublicFilters;
  now?: Date;
}): Promise<MunicipalityOverview> {
  const k = longitudeScale(input.bbox);
  const tolerance = (input.bbox[2] - input.bbox[0]) / 400;
  const outline = (column: string) =>
    sql`ST_AsSVG(ST_Scale(ST_SimplifyPreserveTopology(${sql.raw(column)}, ${tolerance}::float8), ${k}::float8, 1::float8), 0, 5)`;
  const [shapes, points] = await Promise.all([
    queryRows<{ kind: "boundary" | "district"; svg: string | null }>(
      input.db,
      sql`select 'boundary' as kind, ${outline("boundary")} as svg from municipalities where id = ${input.municipalityId}
          union all
          select 'district' as kind, ${outline("area")} as svg from districts where municipality_id = ${input.municipalityId}`,
    ),
    queryRows<{ x: number; y: number }>(
      input.db,
      sql`select ST_X(r.location) as x, ST_Y(r.location) as y
          from public_reports r
          join service_categories c on c.id = r.category_id
          left join districts d on d.id = r.district_id
          where r.location && ${envelopeSql(input.bbox)}
            ${publicReportFilterSql(input.filters, input.now)}
          order by r.created_at desc
          limit ${OVERVIEW_DOT_LIMIT}`,
    ),
  ]);
  return {
    viewBox: overviewViewBox(input.bbox),
    boundary: shapes.find((s) => s.kind === "boundary")?.svg ?? "",
    districts: shapes.filter((s) => s.kind === "district" && s.svg).map((s) => s.svg!),
    dots: dotsPath(
      points.map((p) => [Number(p.x), Number(p.y)]),
      input.bbox,
    ),
    reports: points.length,
  };
}
