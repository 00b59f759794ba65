import "server-only";
import { sql } from "drizzle-orm";
import type { MultiPolygon } from "geojson";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import { AppError } from "../errors";
import { validateGeometry } from "../geo/validate-geometry";

/**
 * A drawn or imported site: a well-formed simple Polygon or MultiPolygon (lib/geo), valid for
 * PostGIS and wholly inside one served municipality. Returns it as a MultiPolygon with the
 * municipality; refuses with the reason otherwise (errors.geometry_*).
 */
export async function checkPermitSite(input: { db: Database; site: unknown }): Promise<{ site: MultiPolygon; municipalityId: number }> {
  const checked = validateGeometry(input.site, ["Polygon", "MultiPolygon"] as const);
  if (!checked.valid) {
    const messageKey = checked.reason === "wrong_type" ? "permitSiteWrongType" : `geometry_${checked.reason}`;
    throw new AppError({ code: "unprocessable", messageKey, details: { reason: checked.reason, types: "Polygon, MultiPolygon" } });
  }
  const site: MultiPolygon =
    checked.geometry.type === "Polygon" ? { type: "MultiPolygon", coordinates: [checked.geometry.coordinates] } : checked.geometry;
  const row = await queryOne<{ valid: boolean; municipality_id: number | null }>(
    input.db,
    sql`select ST_IsValid(s.g) as valid,
               (select m.id from municipalities m where ST_IsValid(s.g) and ST_Covers(m.boundary, s.g) order by m.id limit 1) as municipality_id
        from (select ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(site)}), 4326) as g) s`,
  );
  // Rings that touch themselves or overlap each other pass the line checks but are invalid areas.
  if (!row?.valid) throw new AppError({ code: "unprocessable", messageKey: "geometry_self_intersecting", details: { reason: "self_intersecting" } });
  if (row.municipality_id === null) throw new AppError({ code: "unprocessable", messageKey: "geometry_outside_area", details: { reason: "outside_area" } });
  return { site, municipalityId: row.municipality_id };
}
