import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import type { BBox } from "../geo/sql";
import { dotsPath, longitudeScale, overviewViewBox } from "./overview-svg";

export type MunicipalityOverview = {
  viewBox: string;
  boundary: string;
  districts: string[];
  /** The reports the map would open on, as one path of dots. */
  dots: string;
  reports: number;
};

/**
 * The light overview of a municipality for phones (lib/map/overview-svg.ts): its outline and local
 * communities simplified to about a pixel of a phone's width, and the given reports as dots.
 */
export async function getMunicipalityOverview(input: {
  db: Database;
  municipalityId: number;
  bbox: BBox;
  points: Array<[number, number]>;
}): Promise<MunicipalityOverview> {
  const k = longitudeScale(input.bbox);
  const tolerance = (input.bbox[2] - input.bbox[0]) / 400;
  const outline = (column: string) =>
    sql`ST_AsSVG(ST_Scale(ST_SimplifyPreserveTopology(${sql.raw(column)}, ${tolerance}::float8), ${k}::float8, 1::float8), 0, 5)`;
  const shapes = await queryRows<{ kind: "boundary" | "district"; svg: string | null }>(
    input.db,
    sql`select 'boundary' as kind, ${outline("boundary")} as svg from municipalities where id = ${input.municipalityId}
        union all
        select 'district' as kind, ${outline("area")} as svg from districts where municipality_id = ${input.municipalityId}`,
  );
  return {
    viewBox: overviewViewBox(input.bbox),
    boundary: shapes.find((s) => s.kind === "boundary")?.svg ?? "",
    districts: shapes.filter((s) => s.kind === "district" && s.svg).map((s) => s.svg!),
    dots: dotsPath(input.points, input.bbox),
    reports: input.points.length,
  };
}
