import type { Geometry, Position } from "geojson";

/**
 * Decodes PostGIS (E)WKB, as both database drivers return geometry columns in hex, into GeoJSON.
 * Only 2D is kept: Z and M ordinates are read and dropped, since storage is 2D in SRID 4326.
 */
export function wkbHexToGeometry(hex: string): Geometry {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return wkbToGeometry(bytes);
}

/** Decodes (E)WKB bytes (a GeoPackage geometry after its header, PostGIS binary) into GeoJSON. */
export function wkbToGeometry(bytes: Uint8Array, offset = 0): Geometry {
  const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset };
  return readGeometry(reader);
}

type Reader = { view: DataView; offset: number };

const EWKB_Z = 0x80000000;
const EWKB_M = 0x40000000;
const EWKB_SRID = 0x20000000;

function readGeometry(r: Reader): Geometry {
  const little = r.view.getUint8(r.offset) === 1;
  r.offset += 1;
  const rawType = r.view.getUint32(r.offset, little);
  r.offset += 4;
  let dims = 2;
  let type = rawType & 0x0fffffff;
  if (rawType & EWKB_Z) dims++;
  if (rawType & EWKB_M) dims++;
  if (rawType & EWKB_SRID) r.offset += 4;
  // ISO WKB encodes Z/M as thousands (1001 = Point Z).
  if (type >= 1000) {
    const iso = Math.floor(type / 1000);
    dims = iso === 3 ? 4 : 3;
    type %= 1000;
  }
  const u32 = () => {
    const v = r.view.getUint32(r.offset, little);
    r.offset += 4;
    return v;
  };
  const position = (): Position => {
    const x = r.view.getFloat64(r.offset, little);
    const y = r.view.getFloat64(r.offset + 8, little);
    r.offset += dims * 8;
    return [x, y];
  };
  const positions = (): Position[] => Array.from({ length: u32() }, position);
  const rings = (): Position[][] => Array.from({ length: u32() }, positions);
  const children = (): Geometry[] => Array.from({ length: u32() }, () => readGeometry(r));

  switch (type) {
    case 1: {
      const p = position();
      return Number.isNaN(p[0]) ? { type: "Point", coordinates: [] } : { type: "Point", coordinates: p };
    }
    case 2:
      return { type: "LineString", coordinates: positions() };
    case 3:
      return { type: "Polygon", coordinates: rings() };
    case 4:
      return {
        type: "MultiPoint",
        coordinates: children().map((g) => (g as { coordinates: Position }).coordinates),
      };
    case 5:
      return {
        type: "MultiLineString",
        coordinates: children().map((g) => (g as { coordinates: Position[] }).coordinates),
      };
    case 6:
      return {
        type: "MultiPolygon",
        coordinates: children().map((g) => (g as { coordinates: Position[][] }).coordinates),
      };
    case 7:
      return { type: "GeometryCollection", geometries: children() };
    default:
      throw new Error(`Unsupported WKB geometry type ${type}`);
  }
}
