import type { MultiPolygon, Polygon } from "geojson";

/**
 * The area in an imported GeoJSON text: a Polygon or MultiPolygon geometry, a Feature holding one,
 * or a FeatureCollection with exactly one such feature. Anything else is null; the server checks
 * the shape itself (closed rings, no crossings, inside the municipality).
 */
export function siteFromGeoJson(raw: string): Polygon | MultiPolygon | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  const unwrap = (v: unknown): unknown => {
    const o = v as { type?: unknown; geometry?: unknown; features?: unknown } | null;
    if (!o || typeof o !== "object") return null;
    if (o.type === "Feature") return o.geometry;
    if (o.type === "FeatureCollection")
      return Array.isArray(o.features) && o.features.length === 1 ? unwrap(o.features[0]) : null;
    return o;
  };
  const geometry = unwrap(value) as { type?: unknown; coordinates?: unknown } | null;
  if (
    !geometry ||
    (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon") ||
    !Array.isArray(geometry.coordinates)
  )
    return null;
  return geometry as Polygon | MultiPolygon;
}
