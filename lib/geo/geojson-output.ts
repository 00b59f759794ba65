import { pointOnFeature, rewind } from "@turf/turf";
import type { Geometry, Position } from "geojson";

/**
 * RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise. PostGIS writes rings as
 * stored (often clockwise), so every published polygon is rewound on the way out.
 */
export function rfc7946Winding<G extends Geometry>(geometry: G): G {
  if (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon") return geometry;
  return rewind(geometry as never, { reverse: false }) as unknown as G;
}

/** Absolute area of a polygon's exterior minus its holes (planar, for choosing the largest part). */
function planarArea(rings: Position[][]): number {
  const ringArea = (r: Position[]) =>
    Math.abs(r.slice(1).reduce((sum, p, i) => sum + (r[i]![0]! * p[1]! - p[0]! * r[i]![1]!), 0)) / 2;
  return rings.reduce((sum, r, i) => sum + (i === 0 ? ringArea(r) : -ringArea(r)), 0);
}

/**
 * An interior point of a polygon, as GEOS's InteriorPoint finds one: a horizontal line through
 * the middle of its height (moved off any vertex), crossed with every ring; the midpoint of the
 * widest inside stretch. Inside even for U shapes, where the centroid and turf's pointOnFeature
 * (a vertex) are not.
 */
function interiorPoint(rings: Position[][]): [number, number] {
  const ys = [...new Set(rings.flat().map((p) => p[1]!))].sort((a, b) => a - b);
  const mid = (ys[0]! + ys.at(-1)!) / 2;
  // Between the two distinct vertex heights nearest the middle, so the line touches no vertex.
  const above = ys.find((y) => y > mid) ?? ys.at(-1)!;
  const below = [...ys].reverse().find((y) => y <= mid) ?? ys[0]!;
  const y = (above + below) / 2;
  const xs: number[] = [];
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const [x1, y1] = ring[i - 1]! as [number, number];
      const [x2, y2] = ring[i]! as [number, number];
      if ((y1 <= y && y2 > y) || (y2 <= y && y1 > y)) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
    }
  }
  xs.sort((a, b) => a - b);
  let best: [number, number] = rings[0]![0] as [number, number];
  let width = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    if (xs[i + 1]! - xs[i]! > width) {
      width = xs[i + 1]! - xs[i]!;
      best = [(xs[i]! + xs[i + 1]!) / 2, y];
    }
  }
  return best;
}

/** A point that lies on the geometry (for an area: inside it, not its first vertex). */
export function pointOnSurface(geometry: Geometry): [number, number] {
  if (geometry.type === "Point") return geometry.coordinates as [number, number];
  if (geometry.type === "Polygon") return interiorPoint(geometry.coordinates);
  if (geometry.type === "MultiPolygon") {
    const largest = [...geometry.coordinates].sort((a, b) => planarArea(b) - planarArea(a))[0]!;
    return interiorPoint(largest);
  }
  return pointOnFeature(geometry as never).geometry.coordinates as [number, number];
}

const pos = (p: Position) => `${p[0]} ${p[1]}`;
const ring = (r: Position[]) => `(${r.map(pos).join(", ")})`;
const polygon = (rings: Position[][]) => `(${rings.map(ring).join(", ")})`;

/** Well-Known Text of a GeoJSON geometry (WGS 84 longitude/latitude, as the GeoJSON is). */
export function toWkt(geometry: Geometry): string {
  switch (geometry.type) {
    case "Point":
      return `POINT (${pos(geometry.coordinates)})`;
    case "MultiPoint":
      return `MULTIPOINT (${geometry.coordinates.map((p) => `(${pos(p)})`).join(", ")})`;
    case "LineString":
      return `LINESTRING ${ring(geometry.coordinates)}`;
    case "MultiLineString":
      return `MULTILINESTRING (${geometry.coordinates.map(ring).join(", ")})`;
    case "Polygon":
      return `POLYGON ${polygon(geometry.coordinates)}`;
    case "MultiPolygon":
      return `MULTIPOLYGON (${geometry.coordinates.map(polygon).join(", ")})`;
    case "GeometryCollection":
      return `GEOMETRYCOLLECTION (${geometry.geometries.map(toWkt).join(", ")})`;
  }
}
