import { kinks } from "@turf/turf";
import type { LineString, MultiPolygon, Polygon, Position } from "geojson";

/** Why a drawn or imported geometry is refused; each has a message under errors.geometry.* */
export type GeometryProblem =
  | "wrong_type"
  | "malformed"
  | "coordinates_out_of_range"
  | "too_few_positions"
  | "ring_not_closed"
  | "self_intersecting"
  | "too_many_vertices";

export type ShapeType = "LineString" | "Polygon" | "MultiPolygon";
export type Shape = LineString | Polygon | MultiPolygon;

export type GeometryValidation<G extends Shape = Shape> =
  { valid: true; geometry: G } | { valid: false; reason: GeometryProblem };

export const MAX_VERTICES = 10_000;

function isPosition(value: unknown): value is Position {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    value.length <= 3 &&
    value.every((n) => typeof n === "number" && Number.isFinite(n))
  );
}

function inRange(p: Position): boolean {
  return p[0]! >= -180 && p[0]! <= 180 && p[1]! >= -90 && p[1]! <= 90;
}

/**
 * Checks a GeoJSON geometry before anything is stored: its type is one of `allowed`, every
 * coordinate is a number in range, lines have 2+ positions, rings are closed with 4+ positions,
 * nothing crosses itself, and it has at most `maxVertices` positions. The database checks
 * ST_IsValid and the municipality on top of this.
 *
 * `checkCrossings: false` leaves crossings to the database: turf's check compares every edge with
 * every other (about 5 s at 10,000 vertices), where PostGIS's ST_IsValid finds them in milliseconds.
 * Only for callers that always run ST_IsValid afterwards.
 */
export function validateGeometry<T extends ShapeType>(
  input: unknown,
  allowed: readonly T[],
  maxVertices = MAX_VERTICES,
  options: { checkCrossings?: boolean } = {},
): GeometryValidation<Extract<Shape, { type: T }>> {
  const geometry = input as { type?: unknown; coordinates?: unknown };
  if (!geometry || typeof geometry !== "object" || typeof geometry.type !== "string")
    return { valid: false, reason: "malformed" };
  if (!(allowed as readonly string[]).includes(geometry.type)) return { valid: false, reason: "wrong_type" };

  const lines: unknown[] =
    geometry.type === "LineString"
      ? [geometry.coordinates]
      : geometry.type === "Polygon"
        ? Array.isArray(geometry.coordinates)
          ? geometry.coordinates
          : [null]
        : Array.isArray(geometry.coordinates)
          ? (geometry.coordinates as unknown[]).flatMap((poly) => (Array.isArray(poly) ? poly : [null]))
          : [null];
  if (lines.length === 0) return { valid: false, reason: "too_few_positions" };
  let vertices = 0;
  for (const line of lines) {
    if (!Array.isArray(line) || !line.every(isPosition)) return { valid: false, reason: "malformed" };
    if (!line.every(inRange)) return { valid: false, reason: "coordinates_out_of_range" };
    vertices += line.length;
    if (geometry.type === "LineString") {
      if (line.length < 2) return { valid: false, reason: "too_few_positions" };
    } else {
      if (line.length < 4) return { valid: false, reason: "too_few_positions" };
      const first = line[0]!;
      const last = line[line.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1]) return { valid: false, reason: "ring_not_closed" };
    }
  }
  if (vertices > maxVertices) return { valid: false, reason: "too_many_vertices" };
  if (options.checkCrossings !== false && kinks(geometry as Shape).features.length > 0)
    return { valid: false, reason: "self_intersecting" };
  return { valid: true, geometry: geometry as Extract<Shape, { type: T }> };
}
