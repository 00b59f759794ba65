import { customType } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import type { Geometry, LineString, MultiPolygon, Point, Polygon } from "geojson";
import { wkbHexToGeometry } from "../../lib/geo/wkb";

/**
 * PostGIS geometry columns with their type and SRID in the DDL. drizzle's built-in `geometry()`
 * drops both in generated migrations, so the columns are declared as custom types. Values are
 * GeoJSON in both directions; storage is always SRID 4326 ([lng, lat]).
 */
function geometryColumn<G extends Geometry>(pgType: string) {
  return customType<{ data: G; driverData: string }>({
    dataType: () => `geometry(${pgType},4326)`,
    toDriver: (value) => sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(value)}), 4326)`,
    fromDriver: (value) => wkbHexToGeometry(value) as G,
  });
}

export const pointColumn = geometryColumn<Point>("Point");
export const multiPolygonColumn = geometryColumn<MultiPolygon>("MultiPolygon");
/** Line or area of a problem that is not a point: a stretch of road, a dumping ground. */
export const shapeColumn = geometryColumn<LineString | Polygon>("Geometry");
/** Any geometry type (gazetteer: streets are lines, places are points). */
export const anyGeometryColumn = geometryColumn<Geometry>("Geometry");

/**
 * The same shape in Web Mercator (EPSG:3857), computed by the database from the 4326 column and
 * stored, so vector tiles select and clip on an indexed column without transforming per request.
 */
function mercatorColumn(pgType: string) {
  return customType<{ data: string; driverData: string }>({ dataType: () => `geometry(${pgType},3857)` });
}

export const point3857Column = mercatorColumn("Point");
export const multiPolygon3857Column = mercatorColumn("MultiPolygon");
export const geometry3857Column = mercatorColumn("Geometry");
