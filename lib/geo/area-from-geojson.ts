import type { MultiPolygon, Polygon } from "geojson";
import { validateGeometry, type GeometryProblem } from "./validate-geometry";

/** Why an imported or drawn area is refused before the database sees it; messages under errors.geometry_*. */
export type AreaProblem = GeometryProblem | "malformed_json" | "empty";

export type AreaParse = { valid: true; area: MultiPolygon; vertices: number } | { valid: false; reason: AreaProblem };

/**
 * An area from GeoJSON (text as read from a file, or an already parsed value): a Polygon, a
 * MultiPolygon, a Feature holding one, or a FeatureCollection whose features are all polygons
 * (joined into one MultiPolygon). Anything else — points, lines, a collection with a line in it —
 * is the wrong type. The shape itself is checked by `validateGeometry` (closed rings, no crossings,
 * at most 10,000 vertices); the database checks validity and the municipality on top.
 */
export function areaFromGeoJson(input: unknown): AreaParse {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch {
      return { valid: false, reason: "malformed_json" };
    }
  }
  const polygons: Polygon["coordinates"][] = [];
  const collect = (v: unknown, depth: number): AreaProblem | null => {
    const o = v as { type?: unknown; geometry?: unknown; features?: unknown; coordinates?: unknown } | null;
    if (!o || typeof o !== "object" || typeof o.type !== "string") return "malformed";
    if (o.type === "Feature" && depth === 0) return o.geometry === null ? "empty" : collect(o.geometry, 1);
    if (o.type === "FeatureCollection" && depth === 0) {
      if (!Array.isArray(o.features)) return "malformed";
      for (const f of o.features) {
        const problem = (f as { type?: unknown })?.type === "Feature" ? collect((f as { geometry: unknown }).geometry, 1) : "malformed";
        if (problem) return problem;
      }
      return null;
    }
    if (o.type !== "Polygon" && o.type !== "MultiPolygon") return "wrong_type";
    if (!Array.isArray(o.coordinates)) return "malformed";
    if (o.coordinates.length === 0) return "empty";
    const checked = validateGeometry(o, ["Polygon", "MultiPolygon"] as const);
    if (!checked.valid) return checked.reason;
    if (checked.geometry.type === "Polygon") polygons.push(checked.geometry.coordinates);
    else polygons.push(...checked.geometry.coordinates);
    return null;
  };
  const problem = collect(value, 0);
  if (problem) return { valid: false, reason: problem };
  if (polygons.length === 0) return { valid: false, reason: "empty" };
  const area: MultiPolygon = { type: "MultiPolygon", coordinates: polygons };
  // The polygons of several features each passed; together they are checked again (the limit and crossings).
  const whole = validateGeometry(area, ["MultiPolygon"] as const);
  if (!whole.valid) return { valid: false, reason: whole.reason };
  return { valid: true, area, vertices: countVertices(area) };
}

export function countVertices(area: MultiPolygon): number {
  return area.coordinates.reduce((n, polygon) => n + polygon.reduce((m, ring) => m + ring.length, 0), 0);
}
