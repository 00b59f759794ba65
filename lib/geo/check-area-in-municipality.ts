import "server-only";
import { sql } from "drizzle-orm";
import type { MultiPolygon } from "geojson";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import { AppError } from "../errors";

/**
 * The database's part of checking an area: valid for PostGIS (rings that touch themselves or
 * overlap each other pass the line checks but are invalid areas), not empty (no surface: under a square metre),
 * and wholly inside a municipality — the given one, or else any served one. Returns the
 * municipality and the area's size; throws AppError with errors.geometry_* otherwise.
 */
export async function checkAreaInMunicipality(input: {
  db: Database;
  area: MultiPolygon;
  municipalityId?: number;
}): Promise<{ municipalityId: number; areaSquareMetres: number }> {
  const only = input.municipalityId === undefined ? sql`` : sql`and m.id = ${input.municipalityId}`;
  const row = await queryOne<{
    valid: boolean;
    empty: boolean;
    area_m2: number | null;
    municipality_id: number | null;
  }>(
    input.db,
    sql`select ST_IsValid(s.g) as valid,
               -- About a square metre in degrees² is no area: corners on one line, give or take floating-point
               -- noise (planar: a geodesic edge bends away from a straight line on the map).
               (ST_IsEmpty(s.g) or ST_Area(s.g) < 1e-10) as empty,
               case when ST_IsValid(s.g) then ST_Area(s.g::geography)::float8 end as area_m2,
               (select m.id from municipalities m where ST_IsValid(s.g) and ST_Covers(m.boundary, s.g) ${only} order by m.id limit 1) as municipality_id
        from (select ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(input.area)}), 4326) as g) s`,
  );
  if (!row?.valid)
    throw new AppError({
      code: "unprocessable",
      messageKey: "geometry_self_intersecting",
      details: { reason: "self_intersecting" },
    });
  if (row.empty)
    throw new AppError({ code: "unprocessable", messageKey: "geometry_empty", details: { reason: "empty" } });
  if (row.municipality_id === null)
    throw new AppError({
      code: "unprocessable",
      messageKey: "geometry_outside_area",
      details: { reason: "outside_area" },
    });
  return { municipalityId: row.municipality_id, areaSquareMetres: Math.round(row.area_m2 ?? 0) };
}
