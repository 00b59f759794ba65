import "server-only";
import { sql } from "drizzle-orm";
import type { Point, Polygon } from "geojson";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { localDate } from "../calendar/working-days";
import { AppError } from "../errors";
import { checkValidInDatabase } from "../geo/check-valid-in-database";
import { MAX_VERTICES, validateGeometry } from "../geo/validate-geometry";
import { REPORT_LINK_RADIUS_METRES } from "./conflict-matrix";
import {
  publicPermitColumns,
  toPublicPermit,
  type PublicPermit,
  type PublicPermitRow,
} from "./public-permit-fields";

/**
 * "What is planned here?": active permits and granted ones that have not started yet whose site
 * touches a drawn area, or lies within 10 m of a point. Public fields only, soonest first.
 */
export async function findPlannedWorks(input: {
  db: Database;
  where: unknown;
  today?: Date;
}): Promise<PublicPermit[]> {
  const where = input.where as { type?: unknown; coordinates?: unknown } | null;
  let geometry: Point | Polygon;
  if (where && where.type === "Point") {
    const c = where.coordinates;
    if (!Array.isArray(c) || c.length !== 2 || !c.every((n) => typeof n === "number" && Number.isFinite(n))) {
      throw new AppError({ code: "unprocessable", messageKey: "geometry_malformed" });
    }
    if (Math.abs(c[0] as number) > 180 || Math.abs(c[1] as number) > 90)
      throw new AppError({ code: "unprocessable", messageKey: "geometry_coordinates_out_of_range" });
    geometry = { type: "Point", coordinates: c as [number, number] };
  } else {
    // A public query: crossings are checked by PostGIS, not by the JS pairwise check (seconds at the cap).
    const checked = validateGeometry(where, ["Polygon"] as const, MAX_VERTICES, { checkCrossings: false });
    if (!checked.valid)
      throw new AppError({ code: "unprocessable", messageKey: `geometry_${checked.reason}` });
    await checkValidInDatabase({ db: input.db, area: checked.geometry });
    geometry = checked.geometry;
  }
  const today = localDate(input.today ?? new Date());
  const rows = await queryRows<PublicPermitRow>(
    input.db,
    sql`select ${publicPermitColumns}
        from public_permits p, (select ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(geometry)}), 4326) as g) w
        where p.status in ('granted', 'active') and p.valid_to >= ${today}::date
          and ST_DWithin(p.site::geography, w.g::geography, ${geometry.type === "Point" ? REPORT_LINK_RADIUS_METRES : 0})
        order by p.valid_from, p.id
        limit 100`,
  );
  return rows.map(toPublicPermit);
}
