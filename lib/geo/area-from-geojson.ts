import type { MultiPolygon, Polygon } from "geojson";
import { MAX_VERTICES, validateGeometry, type GeometryProblem } from "./validate-geometry";

/** Why an imported or drawn area is refused before the database sees it; messages under errors.geometry_*. */
export type AreaProblem = GeometryProblem | "malformed_json" | "empty";

export type AreaParse =
  { valid: true; area: MultiPolygon; vertices: number } | { valid: false; reason: AreaProblem };

/**
 * An area from GeoJSON (text as read from a file, or an already parsed value): a Polygon, a
 * MultiPolygon, a Feature holding one, or a FeatureCollection whose features are all polygons
 * (joined into one MultiPolygon). Anything else — points, lines, a collection with a line in it —
 * is the wrong type. The shape itself is checked by `validateGeometry` (numbers in range, closed
 * rings, at most 10,000 vertices); crossings, validity and the municipality are the database's part
 * (`checkAreaInMunicipality`, which every caller runs next).
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
        const problem =
          (f as { type?: unknown })?.type === "Feature"
            ? collect((f as { geometry: unknown }).geometry, 1)
            : "malformed";
        if (problem) return problem;
      }
      return null;
    }
    if (o.type !== "Polygon" && o.type !== "MultiPolygon") return "wrong_type";
    if (!Array.isArray(o.coordinates)) return "malformed";
    if (o.coordinates.length === 0) return "empty";
    const checked = validateGeometry(o, ["Polygon", "MultiPolygon"] as const, MAX_VERTICES, {
      checkCrossings: false,
    });
    if (!checked.valid) return checked.reason;
    if (checked.geometry.type === "Polygon") polygons.push(checked.geometry.coordinates);
    else polygons.push(...checked.geometry.coordinates);
    return null;
  };
  const problem = collect(value, 0);
  if (problem) return { valid: false, reason: problem };
  if (polygons.length === 0) return { valid: false, reason: "empty" };
  const area: MultiPolygon = { type: "MultiPolygon", coordinates: polygons };
  // Each feature passed on its own; the limit is for the whole area.
  const vertices = countVertices(area);
  if (vertices > MAX_VERTICES) return { valid: false, reason: "too_many_vertices" };
  return { valid: true, area, vertices };
}

export function countVertices(area: MultiPolygon): number {
  return area.coordinates.reduce((n, polygon) => n + polygon.reduce((m, ring) => m + ring.length, 0), 0);
}
