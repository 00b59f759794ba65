import type { Geometry, Position } from "geojson";

export type PlaceSketch = {
  kind: "point" | "line" | "area";
  width: number;
  height: number;
  /** The shape as an SVG path (empty for a point). */
  path: string;
  pin: [number, number];
  /** Points of a line, corners of an area. */
  count: number;
  /** A line's length in metres. */
  metres: number;
  /** An area's surface in square metres. */
  squareMetres: number;
  /** Metres per 100 sketch units, for the scale bar. */
  metresPer100: number;
};

const WIDTH = 320;
const HEIGHT = 180;
const PADDING = 24;
const METRES_PER_DEGREE = 111_320;

/**
 * A small static drawing of a report's place, made on the server: the pin, and the drawn line or
 * area around it, in a local equirectangular projection (true to scale at a street's size). A
 * report page shows it at once, without any map library; the interactive map comes on request.
 */
export function sketchPlace(position: Position, shape: Geometry | null): PlaceSketch {
  const lat0 = ((position[1] ?? 0) * Math.PI) / 180;
  const kx = Math.cos(lat0) * METRES_PER_DEGREE;
  const toMetres = ([lng, lat]: Position): [number, number] => [
    (lng! - position[0]!) * kx,
    (lat! - position[1]!) * METRES_PER_DEGREE,
  ];
  const ring: Position[] =
    shape?.type === "LineString"
      ? shape.coordinates
      : shape?.type === "Polygon"
        ? (shape.coordinates[0] ?? [])
        : [];
  const points = ring.map(toMetres);
  const all = [[0, 0] as [number, number], ...points];
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  // At least 100 m across, so a lone pin sits in a street-sized frame.
  const spanX = Math.max(100, Math.max(...xs) - Math.min(...xs));
  const spanY = Math.max(100, Math.max(...ys) - Math.min(...ys));
  const scale = Math.min((WIDTH - 2 * PADDING) / spanX, (HEIGHT - 2 * PADDING) / spanY);
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  const toSvg = ([x, y]: [number, number]): [number, number] => [
    round(WIDTH / 2 + (x - cx) * scale),
    round(HEIGHT / 2 - (y - cy) * scale),
  ];
  const kind = shape?.type === "LineString" ? "line" : shape?.type === "Polygon" ? "area" : "point";
  const path =
    points.length === 0
      ? ""
      : points.map((p, i) => `${i === 0 ? "M" : "L"}${toSvg(p).join(" ")}`).join(" ") +
        (kind === "area" ? " Z" : "");
  let metres = 0;
  for (let i = 1; i < points.length; i++) {
    metres += Math.hypot(points[i]![0] - points[i - 1]![0], points[i]![1] - points[i - 1]![1]);
  }
  let twiceArea = 0;
  for (let i = 1; i < points.length; i++) {
    twiceArea += points[i - 1]![0] * points[i]![1] - points[i]![0] * points[i - 1]![1];
  }
  return {
    kind,
    width: WIDTH,
    height: HEIGHT,
    path,
    pin: toSvg([0, 0]),
    count: kind === "area" ? Math.max(0, points.length - 1) : points.length,
    metres: Math.round(metres),
    squareMetres: kind === "area" ? Math.round(Math.abs(twiceArea) / 2) : 0,
    metresPer100: Math.round(100 / scale),
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
