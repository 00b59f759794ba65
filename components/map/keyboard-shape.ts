import type { LineString, Polygon } from "geojson";

export type DrawMode = "line" | "area";

/**
 * The shape of points added one by one: a line through them, or an area closed back to the first
 * point. While drawing (`done` false) an area is shown as the open line of its edges so far.
 */
export function buildDrawnShape(
  mode: DrawMode,
  points: Array<[number, number]>,
  done: boolean,
): LineString | Polygon {
  if (mode === "line" || !done) return { type: "LineString", coordinates: points.map((p) => [...p]) };
  return { type: "Polygon", coordinates: [[...points.map((p) => [...p]), [...points[0]!]]] };
}
