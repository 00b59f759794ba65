import type { ExpressionSpecification, StyleSpecification } from "maplibre-gl";
import { MAX_CLUSTER_ZOOM } from "../../tiles/tile-grid";
import { MIN_SHAPE_ZOOM } from "../../tiles/shape-zoom";
import { permitColour, statusGroupColours } from "../style";
import { glyphFonts } from "./fonts";

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
 * The map as other sites and renderers get it (`/api/map/style.json`): local communities, works
 * sites, reports' shapes, clusters with their counts and single reports with the status shapes,
 * all from this server — vector tiles through their TileJSON, the sprite and the glyphs it serves
 * itself. No basemap from the internet: a plain background, so the style works offline and a site
 * can put it over its own basemap. Every URL is absolute (MapLibre resolves none against the style).
 */
export function buildPublishedStyle(input: { baseUrl: string }): StyleSpecification {
  const base = input.baseUrl.replace(/\/$/, "");
  const tiles = (layer: string) => ({ type: "vector" as const, url: `${base}/api/tiles/${layer}.json` });
  const [regular, bold] = glyphFonts;
  return {
    version: 8,
    name: "Civic Map — reports",
    metadata: { licence: "CC BY 4.0", source: `${base}/open-data` },
    sprite: `${base}/api/map/sprite`,
    glyphs: `${base}/api/map/glyphs/{fontstack}/{range}.pbf`,
    sources: {
      districts: tiles("districts"),
      permits: tiles("permits"),
      shapes: tiles("shapes"),
      reports: tiles("reports"),
    },
    layers: [
      { id: "background", type: "background", paint: { "background-color": "#eef0ea" } },
      {
        id: "districts-line",
        type: "line",
        source: "districts",
        "source-layer": "districts",
        paint: { "line-color": "#4a5a6a", "line-width": 1, "line-dasharray": [2, 2] },
      },
      {
        id: "permits-fill",
        type: "fill",
        source: "permits",
        "source-layer": "permits",
        paint: { "fill-color": permitColour, "fill-opacity": 0.3 },
      },
      {
        id: "permits-line",
        type: "line",
        source: "permits",
        "source-layer": "permits",
        paint: { "line-color": permitColour, "line-width": 1.5 },
      },
      {
        id: "report-shapes-fill",
        type: "fill",
        source: "shapes",
        "source-layer": "shapes",
        minzoom: MIN_SHAPE_ZOOM,
        filter: ["==", ["geometry-type"], "Polygon"],
        paint: { "fill-color": byStatusGroup, "fill-opacity": 0.25 },
      },
      {
        id: "report-shapes-line",
        type: "line",
        source: "shapes",
        "source-layer": "shapes",
        minzoom: MIN_SHAPE_ZOOM,
        layout: { "line-cap": "round", "line-join": "round" },
        paint: { "line-color": byStatusGroup, "line-width": 4, "line-opacity": 0.8 },
      },
      {
        id: "report-clusters",
        type: "circle",
        source: "reports",
        "source-layer": "clusters",
        maxzoom: MAX_CLUSTER_ZOOM + 1,
        paint: {
          "circle-radius": ["interpolate", ["linear"], ["get", "count"], 1, 9, 10, 13, 100, 19, 1000, 26],
          "circle-color": [
            "case",
            [">=", ["get", "open"], ["max", ["get", "in_progress"], ["get", "resolved"], ["get", "closed"]]],
            statusGroupColours.open,
            [">=", ["get", "in_progress"], ["max", ["get", "resolved"], ["get", "closed"]]],
            statusGroupColours.in_progress,
            [">=", ["get", "resolved"], ["get", "closed"]],
            statusGroupColours.resolved,
            statusGroupColours.closed,
          ],
          "circle-opacity": 0.85,
          "circle-stroke-color": "#ffffff",
          "circle-stroke-width": 2,
        },
      },
      {
        id: "report-cluster-counts",
        type: "symbol",
        source: "reports",
        "source-layer": "clusters",
        maxzoom: MAX_CLUSTER_ZOOM + 1,
        layout: {
          "text-field": ["to-string", ["get", "count"]],
          "text-font": [bold.name],
          "text-size": 12,
          "text-allow-overlap": true,
        },
        paint: { "text-color": "#ffffff" },
      },
      {
        id: "reports",
        type: "symbol",
        source: "reports",
        "source-layer": "reports",
        minzoom: MAX_CLUSTER_ZOOM + 1,
        layout: {
          "icon-image": ["concat", "status-", ["get", "status_group"]],
          "icon-size": ["interpolate", ["linear"], ["zoom"], 12, 0.8, 16, 1.4],
          "icon-allow-overlap": true,
          "text-field": ["get", "id"],
          "text-font": [regular.name],
          "text-size": 11,
          "text-offset": [0, 1.2],
          "text-anchor": "top",
          "text-optional": true,
        },
        paint: { "text-color": "#1f2a33", "text-halo-color": "#ffffff", "text-halo-width": 1.2 },
      },
    ],
  };
}
