import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from "maplibre-gl";
import { MIN_SHAPE_ZOOM } from "../tiles/shape-zoom";
import { MAX_CLUSTER_ZOOM } from "../tiles/tile-grid";
import { consultationColour, consultationDash, permitColour, statusGroupColours } from "./style";

/**
 * The public map's data as pure MapLibre specs: sources and layers, in drawing order. The runtime
 * (components/map/reports-map-runtime.ts) adds them; tests read them without a map.
 */

/**
 * A cluster stands for reports of any status, so it has a colour of its own, used by no status:
 * colouring it by its largest group made most clusters grey, which the legend said meant "closed".
 * A ring in the open colour says that some of its reports are open.
 */
export const clusterColour = "#255f85";
export const clusterOpenRing = statusGroupColours.open;

/** Prefix of the count images (drawn on demand: the bundled basemap has no fonts). */
export const CLUSTER_COUNT_IMAGE = "cluster-count-";

/** Status icon image of a status group ("status-open" …), drawn once when the map loads. */
export const statusIconId = (group: string) => `status-${group}`;

export const byStatusGroup: ExpressionSpecification = [
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

const count: ExpressionSpecification = ["get", "count"];

/** A cluster's count as short text: 7, 312, 4.2k, 18k. */
export const clusterLabel: ExpressionSpecification = [
  "case",
  [">=", count, 10_000],
  ["concat", ["to-string", ["round", ["/", count, 1000]]], "k"],
  [">=", count, 1000],
  ["concat", ["to-string", ["/", ["round", ["/", count, 100]], 10]], "k"],
  ["to-string", count],
];

/** The same text in plain code (the legend, tests). */
export function formatClusterCount(n: number): string {
  if (n >= 10_000) return `${Math.round(n / 1000)}k`;
  if (n >= 1000) return `${Math.round(n / 100) / 10}k`;
  return String(n);
}

/** The vector tile and GeoJSON sources, the page's filters in the tile addresses. */
export function reportSources(input: {
  origin: string;
  filterQuery: string;
}): Record<string, SourceSpecification> {
  const query = input.filterQuery ? `?${input.filterQuery}` : "";
  return {
    permits: { type: "geojson", data: { type: "FeatureCollection", features: [] } },
    "report-shapes": {
      type: "vector",
      tiles: [`${input.origin}/api/tiles/shapes/{z}/{x}/{y}.mvt${query}`],
      minzoom: MIN_SHAPE_ZOOM,
      maxzoom: 16,
    },
    "report-tiles": {
      type: "vector",
      tiles: [`${input.origin}/api/tiles/reports/{z}/{x}/{y}.mvt${query}`],
      minzoom: 0,
      maxzoom: 16,
    },
  };
}

/** The municipality's open consultations, fetched once when the map loads (there are few). */
export function consultationSource(input: { origin: string; municipalityCode: string }): SourceSpecification {
  return {
    type: "geojson",
    data: `${input.origin}/api/municipalities/${encodeURIComponent(input.municipalityCode)}/consultations`,
  };
}

/**
 * Works sites and open consultations' sites, then the drawn lines and areas, then clusters with their counts (up to
 * MAX_CLUSTER_ZOOM), then single reports: pins stay on top of shapes.
 */
export function reportLayers(): LayerSpecification[] {
  return [
    {
      id: "permits-fill",
      type: "fill",
      source: "permits",
      paint: { "fill-color": permitColour, "fill-opacity": 0.3 },
    },
    {
      id: "permits-line",
      type: "line",
      source: "permits",
      paint: { "line-color": permitColour, "line-width": 1.5 },
    },
    {
      id: "consultations-fill",
      type: "fill",
      source: "consultations",
      paint: { "fill-color": consultationColour, "fill-opacity": 0.25 },
    },
    {
      id: "consultations-line",
      type: "line",
      source: "consultations",
      paint: { "line-color": consultationColour, "line-width": 2.5, "line-dasharray": consultationDash },
    },
    {
      id: "report-shapes-fill",
      type: "fill",
      source: "report-shapes",
      "source-layer": "shapes",
      filter: ["==", ["geometry-type"], "Polygon"],
      paint: { "fill-color": byStatusGroup, "fill-opacity": 0.25 },
    },
    {
      id: "report-shapes-line",
      type: "line",
      source: "report-shapes",
      "source-layer": "shapes",
      layout: { "line-cap": "round", "line-join": "round" },
      paint: { "line-color": byStatusGroup, "line-width": 4, "line-opacity": 0.8 },
    },
    {
      id: "report-clusters",
      type: "circle",
      source: "report-tiles",
      "source-layer": "clusters",
      maxzoom: MAX_CLUSTER_ZOOM + 1,
      paint: {
        "circle-radius": ["interpolate", ["linear"], count, 1, 10, 10, 13, 100, 18, 1000, 24],
        "circle-color": clusterColour,
        "circle-opacity": 0.9,
        "circle-stroke-color": ["case", [">", ["get", "open"], 0], clusterOpenRing, "#ffffff"],
        "circle-stroke-width": ["case", [">", ["get", "open"], 0], 3, 1.5],
      },
    },
    {
      // Counts are images (no glyphs needed) placed with collision: where two would overlap, the
      // larger count is drawn and the other waits for a closer zoom.
      id: "report-cluster-counts",
      type: "symbol",
      source: "report-tiles",
      "source-layer": "clusters",
      maxzoom: MAX_CLUSTER_ZOOM + 1,
      layout: {
        "icon-image": ["concat", CLUSTER_COUNT_IMAGE, clusterLabel],
        "icon-allow-overlap": false,
        "icon-ignore-placement": false,
        "icon-padding": 1,
        "symbol-sort-key": ["-", 0, count],
      },
    },
    {
      id: "reports",
      type: "symbol",
      source: "report-tiles",
      "source-layer": "reports",
      minzoom: MAX_CLUSTER_ZOOM + 1,
      layout: {
        "icon-image": ["concat", "status-", ["get", "status_group"]],
        "icon-size": ["interpolate", ["linear"], ["zoom"], 12, 0.8, 16, 1.4],
        "icon-allow-overlap": true,
      },
    },
  ];
}

/**
 * The layers a click or tap acts on, topmost first: a cluster zooms in, a report opens its popup, an
 * open consultation's site opens the consultation, a works site its popup. The first two are the
 * pins (answered within a few pixels); what lies under a pin never takes its click.
 */
export const clickPriority = ["report-clusters", "reports", "consultations-fill", "permits-fill"];
