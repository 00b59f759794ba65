import type { Geometry } from "geojson";
import { countPositions, reprojectToWgs84 } from "./crs";
import { GeodataError } from "./geodata-error";
import {
  MAX_FEATURES,
  MAX_GEODATA_FILE_BYTES,
  MAX_VERTICES_PER_FEATURE,
  MAX_VERTICES_PER_FILE,
} from "./limits";
import { readGeoJson } from "./read-geojson";
import { readGeoPackage } from "./read-geopackage";
import { readShapefileZip } from "./read-shapefile-zip";
import type { AttributeValue, GeodataFormat } from "./source-feature";

export type ReadFeature = {
  /** Position in the file, from 0. */
  index: number;
  properties: Record<string, AttributeValue>;
  /** In EPSG:4326; null when the feature has no geometry. */
  geometry: Geometry | null;
  vertexCount: number;
};

export type GeodataFile = {
  format: GeodataFormat;
  layer: string;
  /** The CRS the file declared (EPSG code); its features are returned in EPSG:4326. */
  sourceCrs: string;
  attributes: string[];
  features: ReadFeature[];
};

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const SQLITE = new TextEncoder().encode("SQLite format 3\u0000");

function startsWith(bytes: Uint8Array, prefix: Uint8Array | number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** The format by content first (zip, SQLite), then by name for text. */
export function detectFormat(bytes: Uint8Array, fileName: string): GeodataFormat {
  if (startsWith(bytes, ZIP)) return "shapefile";
  if (startsWith(bytes, SQLITE)) return "geopackage";
  const name = fileName.toLowerCase();
  if (name.endsWith(".zip")) return "shapefile";
  if (name.endsWith(".gpkg")) return "geopackage";
  if (name.endsWith(".geojson") || name.endsWith(".json")) return "geojson";
  const first = bytes.find(
    (b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf,
  );
  if (first === 0x7b) return "geojson";
  throw new GeodataError("geodataUnsupportedFormat");
}

/**
 * Reads a boundary, district or service-area file (GeoJSON, zipped Shapefile, GeoPackage), checks
 * its size, identifies its CRS and returns its features in EPSG:4326. Geometry validity is judged
 * later, by PostGIS (`previewGeodata`).
 */
export async function readGeodataFile(input: {
  bytes: Uint8Array;
  fileName: string;
  layer?: string;
}): Promise<GeodataFile> {
  const { bytes, fileName } = input;
  if (bytes.byteLength > MAX_GEODATA_FILE_BYTES)
    throw new GeodataError("geodataTooLarge", { maxMb: MAX_GEODATA_FILE_BYTES / 1024 / 1024 });
  if (bytes.byteLength === 0) throw new GeodataError("geodataEmpty");
  const format = detectFormat(bytes, fileName);
  const source =
    format === "shapefile"
      ? await readShapefileZip(bytes)
      : format === "geopackage"
        ? await readGeoPackage(bytes, input.layer)
        : readGeoJson(bytes, fileName);
  if (!source.crs.known) throw new GeodataError("geodataUnknownCrs", { crs: source.crs.name });
  if (source.features.length === 0) throw new GeodataError("geodataNoFeatures");
  if (source.features.length > MAX_FEATURES)
    throw new GeodataError("geodataTooManyFeatures", { max: MAX_FEATURES });
  let total = 0;
  const sourceCrs = source.crs.code;
  const features = source.features.map((f, index) => {
    const vertexCount = countPositions(f.geometry);
    total += vertexCount;
    if (vertexCount > MAX_VERTICES_PER_FEATURE)
      throw new GeodataError("geodataTooManyVertices", { max: MAX_VERTICES_PER_FEATURE });
    if (total > MAX_VERTICES_PER_FILE)
      throw new GeodataError("geodataTooManyVertices", { max: MAX_VERTICES_PER_FILE });
    const geometry = f.geometry ? reprojectToWgs84(f.geometry, sourceCrs) : null;
    return { index, properties: f.properties, geometry, vertexCount };
  });
  const attributes = [...new Set(source.features.flatMap((f) => Object.keys(f.properties)))];
  return { format, layer: source.layer, sourceCrs, attributes, features };
}
