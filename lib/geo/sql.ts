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

/**
 * The point that stands for a drawn shape: the middle of a line (half its length), a point
 * surely inside an area, the point itself for a point.
 */
export function representativePointSql(geometry: SQL): SQL {
  return sql`(case when GeometryType(${geometry}) = 'LINESTRING' then ST_LineInterpolatePoint(${geometry}, 0.5)
                  when GeometryType(${geometry}) = 'POINT' then ${geometry}
                  else ST_PointOnSurface(${geometry}) end)`;
}

/** A GeoJSON geometry parameter in SRID 4326. */
export function geoJsonSql(geometry: object): SQL {
  return sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(geometry)}), 4326)`;
}
