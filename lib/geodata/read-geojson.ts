import type { Geometry } from "geojson";
import { GeodataError } from "./geodata-error";
import { crsOfGeoJson } from "./crs";
import { plainProperties, type SourceFeature, type SourceLayer } from "./source-feature";

const geometryTypes = new Set([
  "Point",
  "MultiPoint",
  "LineString",
  "MultiLineString",
  "Polygon",
  "MultiPolygon",
  "GeometryCollection",
]);

/** A GeoJSON FeatureCollection, Feature or bare geometry; the `crs` member (if any) says its coordinates. */
export function readGeoJson(bytes: Uint8Array, fileName: string): SourceLayer {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new GeodataError("geodataCorrupt", { format: "GeoJSON" });
  }
  if (typeof doc !== "object" || doc === null)
    throw new GeodataError("geodataCorrupt", { format: "GeoJSON" });
  const root = doc as {
    type?: unknown;
    features?: unknown;
    crs?: unknown;
    name?: unknown;
    geometry?: unknown;
    properties?: unknown;
  };
  let raw: Array<{ geometry?: unknown; properties?: unknown }>;
  if (root.type === "FeatureCollection" && Array.isArray(root.features)) raw = root.features as typeof raw;
  else if (root.type === "Feature") raw = [root];
  else if (typeof root.type === "string" && geometryTypes.has(root.type))
    raw = [{ geometry: root, properties: {} }];
  else throw new GeodataError("geodataCorrupt", { format: "GeoJSON" });

  const features: SourceFeature[] = raw.map((f) => ({
    properties: plainProperties(
      typeof f?.properties === "object" ? (f.properties as Record<string, unknown>) : {},
    ),
    geometry: isGeometry(f?.geometry) ? f.geometry : null,
  }));
  const layer = typeof root.name === "string" ? root.name : fileName.replace(/\.[^.]+$/, "");
  return { format: "geojson", layer, crs: crsOfGeoJson(root.crs), features };
}

function isGeometry(value: unknown): value is Geometry {
  if (typeof value !== "object" || value === null) return false;
  const g = value as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (g.type === "GeometryCollection") return Array.isArray(g.geometries);
  return typeof g.type === "string" && geometryTypes.has(g.type) && Array.isArray(g.coordinates);
}
