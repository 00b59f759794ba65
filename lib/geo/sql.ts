import { sql, type SQL } from "drizzle-orm";
import type { Position } from "geojson";

/** A point parameter in SRID 4326 from GeoJSON [lng, lat]. */
export function pointSql(position: Position): SQL {
  return sql`ST_SetSRID(ST_MakePoint(${position[0]}::float8, ${position[1]}::float8), 4326)`;
}

/** A bounding box parameter in SRID 4326. */
export function envelopeSql(bbox: BBox): SQL {
  return sql`ST_MakeEnvelope(${bbox[0]}::float8, ${bbox[1]}::float8, ${bbox[2]}::float8, ${bbox[3]}::float8, 4326)`;
}

/** [west, south, east, north] in degrees. */
export type BBox = [number, number, number, number];
