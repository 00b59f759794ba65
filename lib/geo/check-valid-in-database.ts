import "server-only";
import { sql } from "drizzle-orm";
import type { Polygon, MultiPolygon } from "geojson";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import { AppError } from "../errors";

/**
 * PostGIS's validity check for an area a user sent (ST_IsValid: crossings, touching rings) — a
 * few milliseconds at the 10,000-vertex cap, where comparing every edge in JS blocked the server
 * for seconds. For areas that need no municipality check (checkAreaInMunicipality does both).
 */
export async function checkValidInDatabase(input: {
  db: Database;
  area: Polygon | MultiPolygon;
}): Promise<void> {
  const row = await queryOne<{ valid: boolean }>(
    input.db,
    sql`select ST_IsValid(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(input.area)}), 4326)) as valid`,
  );
  if (!row?.valid)
    throw new AppError({
      code: "unprocessable",
      messageKey: "geometry_self_intersecting",
      details: { reason: "self_intersecting" },
    });
}
