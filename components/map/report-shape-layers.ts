"use client";

import type { ExpressionSpecification, Map as MapLibreMap } from "maplibre-gl";
import type { LineString, Polygon } from "geojson";
import { statusGroupColours } from "@/lib/map/style";
import { MIN_SHAPE_ZOOM } from "@/lib/tiles/shape-zoom";

const byStatusGroup: ExpressionSpecification = [
  "match",
  ["get", "status_group"],
  "open",
  statusGroupColours.open,
  "in_progress",
  statusGroupColours.in_progress,
  "resolved",
  statusGroupColours.resolved,
  statusGroupColours.closed,
];

/**
 * The drawn lines and areas of reports (the `shapes` vector tiles, with the page's filters), in
 * their status colour. Added before the point layers, so the pins stay on top of the shapes.
 */
export function addReportShapeLayers(map: MapLibreMap, filterQuery: string): void {
  map.addSource("report-shapes", {
    type: "vector",
    tiles: [
      `${window.location.origin}/api/tiles/shapes/{z}/{x}/{y}.mvt${filterQuery ? `?${filterQuery}` : ""}`,
    ],
    minzoom: MIN_SHAPE_ZOOM,
    maxzoom: 16,
  });
  map.addLayer({
    id: "report-shapes-fill",
    type: "fill",
    source: "report-shapes",
    "source-layer": "shapes",
    filter: ["==", ["geometry-type"], "Polygon"],
    paint: { "fill-color": byStatusGroup, "fill-opacity": 0.25 },
  });
  map.addLayer({
    id: "report-shapes-line",
    type: "line",
    source: "report-shapes",
    "source-layer": "shapes",
    layout: { "line-cap": "round", "line-join": "round" },
    paint: { "line-color": byStatusGroup, "line-width": 4, "line-opacity": 0.8 },
  });
}

/** The bounds of a line or area, [west, south, east, north]: a map fits the whole shape to them. */
export function shapeBounds(shape: LineString | Polygon): [number, number, number, number] {
  const positions = shape.type === "LineString" ? shape.coordinates : shape.coordinates.flat();
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const [lng, lat] of positions as [number, number][]) {
    west = Math.min(west, lng);
    east = Math.max(east, lng);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  return [west, south, east, north];
}
