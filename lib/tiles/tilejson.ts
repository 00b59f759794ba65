import { MAX_ZOOM } from "./tile-grid";
import type { TileLayer } from "./tile-sql";

/** The vector layers inside each tile layer's tiles (the reports tiles carry clusters too). */
const vectorLayers: Record<TileLayer, string[]> = {
  reports: ["reports", "clusters"],
  shapes: ["shapes"],
  permits: ["permits"],
  districts: ["districts"],
};

/**
 * TileJSON 3.0.0 for one tile layer, so other renderers (QGIS, MapLibre on another site) find the
 * tile URL template, zoom range and layer names without reading the app's code. Null when the
 * layer does not exist.
 */
export function buildTileJson(input: {
  layer: string;
  baseUrl: string;
  bounds?: [number, number, number, number];
}) {
  if (!Object.hasOwn(vectorLayers, input.layer)) return null;
  const layer = input.layer as TileLayer;
  return {
    tilejson: "3.0.0",
    name: layer,
    scheme: "xyz",
    tiles: [`${input.baseUrl}/api/tiles/${layer}/{z}/{x}/{y}.mvt`],
    minzoom: 0,
    maxzoom: MAX_ZOOM,
    bounds: input.bounds ?? [-180, -85.0511, 180, 85.0511],
    attribution: "CC BY 4.0",
    vector_layers: vectorLayers[layer].map((id) => ({ id, fields: {}, minzoom: 0, maxzoom: MAX_ZOOM })),
  };
}
