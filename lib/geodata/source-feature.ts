import type { Geometry } from "geojson";
import type { DeclaredCrs } from "./crs";

export type AttributeValue = string | number | boolean | null;

/** One feature as a file holds it, before reprojection and validation. */
export type SourceFeature = { properties: Record<string, AttributeValue>; geometry: Geometry | null };

export type GeodataFormat = "geojson" | "shapefile" | "geopackage";

/** What a reader returns: the features in the file's own coordinates and the CRS the file declares. */
export type SourceLayer = {
  format: GeodataFormat;
  layer: string;
  crs: DeclaredCrs;
  features: SourceFeature[];
};

/** Attribute values as a table shows them: dates and other objects become text. */
export function plainProperties(
  input: Record<string, unknown> | null | undefined,
): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const [key, value] of Object.entries(input ?? {})) {
    if (value === null || value === undefined) out[key] = null;
    else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
      out[key] = typeof value === "string" ? value.trim() : value;
    else if (value instanceof Date) out[key] = value.toISOString().slice(0, 10);
    else out[key] = String(value);
  }
  return out;
}
