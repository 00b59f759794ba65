import proj4 from "proj4";
import type { Geometry, Position } from "geojson";

/**
 * The coordinate reference systems the importer reads, as proj4 definitions. Serbian cadastral and
 * municipal data come in MGI 1901 / Balkans zone 7 (EPSG:3909, renumbered EPSG:6316 by EPSG; GDAL
 * writes the new number) or in UTM zone 34N (EPSG:32634, or ETRS89's EPSG:25834); web data in
 * WGS 84 or Web Mercator. The MGI datum shift is EPSG's Serbian one, "MGI 1901 to WGS 84 (15)"
 * (7 parameters, about 1 m; EPSG gives it in the coordinate-frame convention, proj4's towgs84 takes
 * position-vector rotations, so their signs are flipped). It is the one PROJ and GDAL pick for data
 * in Serbia; the region-wide 3-parameter shift would put the same file about 8 m away.
 */
const definitions: Record<string, string> = {
  "EPSG:4326": "+proj=longlat +datum=WGS84 +no_defs",
  "EPSG:3857":
    "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs",
  "EPSG:32634": "+proj=utm +zone=34 +datum=WGS84 +units=m +no_defs",
  "EPSG:25834": "+proj=utm +zone=34 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs",
  "EPSG:3909":
    "+proj=tmerc +lat_0=0 +lon_0=21 +k=0.9999 +x_0=7500000 +y_0=0 +ellps=bessel +towgs84=577.84843,165.45019,390.43652,4.93131,-0.96052,-13.05072,7.86546 +units=m +no_defs",
};
definitions["EPSG:6316"] = definitions["EPSG:3909"]!;
for (const [code, definition] of Object.entries(definitions)) proj4.defs(code, definition);

export const knownCrs = Object.keys(definitions);

/** What a file says about its coordinates: a CRS we know (by EPSG code), or the name of one we do not. */
export type DeclaredCrs = { known: true; code: string } | { known: false; name: string };

function byEpsg(code: number | string): DeclaredCrs {
  const key = `EPSG:${code}`;
  return key in definitions ? { known: true, code: key } : { known: false, name: key };
}

/**
 * GeoJSON's `crs` member (GeoJSON 2008; RFC 7946 dropped it and means WGS 84 when it is absent):
 * `urn:ogc:def:crs:EPSG::32634`, `EPSG:32634`, `urn:ogc:def:crs:OGC:1.3:CRS84`.
 */
export function crsOfGeoJson(member: unknown): DeclaredCrs {
  if (member === undefined || member === null) return { known: true, code: "EPSG:4326" };
  const name = (member as { properties?: { name?: unknown } }).properties?.name;
  if (typeof name !== "string") return { known: false, name: JSON.stringify(member).slice(0, 120) };
  if (/CRS84$/i.test(name)) return { known: true, code: "EPSG:4326" };
  const epsg = /EPSG:{1,2}(\d+)$/i.exec(name);
  return epsg ? byEpsg(epsg[1]!) : { known: false, name };
}

/** Names GDAL, QGIS and ESRI software write in a .prj (ESRI WKT) or OGC WKT, by EPSG code. */
const wktNames: Record<string, string> = {
  wgs84: "EPSG:4326",
  gcswgs1984: "EPSG:4326",
  wgs84utmzone34n: "EPSG:32634",
  wgs1984utmzone34n: "EPSG:32634",
  etrs89utmzone34n: "EPSG:25834",
  etrs1989utmzone34n: "EPSG:25834",
  mgi1901balkanszone7: "EPSG:3909",
  wgs84pseudomercator: "EPSG:3857",
  wgs1984webmercatorauxiliarysphere: "EPSG:3857",
};

/** The CRS a WKT string (a Shapefile's .prj) describes: its EPSG authority when it has one, else its name. */
export function crsOfWkt(wkt: string): DeclaredCrs {
  const text = wkt.trim();
  const root = /^(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS)\s*\[\s*"([^"]*)"/i.exec(text);
  if (!root) return { known: false, name: text.slice(0, 120) || "?" };
  // The authority of the whole CRS is the last one at the end of the text.
  const authority = /(?:AUTHORITY|ID)\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]\s*\]\s*$/i.exec(text);
  if (authority) return byEpsg(authority[1]!);
  const name = root[2]!;
  const code = wktNames[name.toLowerCase().replace(/[^a-z0-9]/g, "")];
  return code ? { known: true, code } : { known: false, name };
}

/** A GeoPackage's `gpkg_spatial_ref_sys` row. Undefined systems (srs_id 0 / -1) are WGS 84 / unknown by the spec. */
export function crsOfGeoPackage(input: {
  srsId: number;
  organization: string;
  organizationCoordsysId: number;
  name: string;
  definition: string;
}): DeclaredCrs {
  if (input.organization.toUpperCase() === "EPSG") return byEpsg(input.organizationCoordsysId);
  if (input.srsId === 4326) return { known: true, code: "EPSG:4326" };
  const fromWkt = crsOfWkt(input.definition);
  return fromWkt.known ? fromWkt : { known: false, name: input.name || `srs_id ${input.srsId}` };
}

function mapPositions(geometry: Geometry, fn: (p: Position) => Position): Geometry {
  switch (geometry.type) {
    case "Point":
      return { type: "Point", coordinates: fn(geometry.coordinates) };
    case "MultiPoint":
    case "LineString":
      return { type: geometry.type, coordinates: geometry.coordinates.map(fn) } as Geometry;
    case "MultiLineString":
    case "Polygon":
      return {
        type: geometry.type,
        coordinates: geometry.coordinates.map((ring) => ring.map(fn)),
      } as Geometry;
    case "MultiPolygon":
      return {
        type: "MultiPolygon",
        coordinates: geometry.coordinates.map((poly) => poly.map((ring) => ring.map(fn))),
      };
    case "GeometryCollection":
      return { type: "GeometryCollection", geometries: geometry.geometries.map((g) => mapPositions(g, fn)) };
  }
}

/** Reprojects a geometry from a known CRS to EPSG:4326 ([lng, lat]); 2D only (Z and M are dropped). */
export function reprojectToWgs84(geometry: Geometry, fromCode: string): Geometry {
  if (!(fromCode in definitions)) throw new Error(`unknown CRS ${fromCode}`);
  if (fromCode === "EPSG:4326") return mapPositions(geometry, (p) => [p[0]!, p[1]!]);
  const transform = proj4(fromCode, "EPSG:4326");
  return mapPositions(geometry, (p) => transform.forward([p[0]!, p[1]!]));
}

export function countPositions(geometry: Geometry | null): number {
  if (!geometry) return 0;
  switch (geometry.type) {
    case "Point":
      return 1;
    case "MultiPoint":
    case "LineString":
      return geometry.coordinates.length;
    case "MultiLineString":
    case "Polygon":
      return geometry.coordinates.reduce((n, ring) => n + ring.length, 0);
    case "MultiPolygon":
      return geometry.coordinates.reduce((n, poly) => n + poly.reduce((m, ring) => m + ring.length, 0), 0);
    case "GeometryCollection":
      return geometry.geometries.reduce((n, g) => n + countPositions(g), 0);
  }
}
