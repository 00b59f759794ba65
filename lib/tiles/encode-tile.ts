import "server-only";
import GeoJSONVT from "geojson-vt";
import { fromGeojsonVt } from "vt-pbf";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { TILE_BUFFER, TILE_EXTENT } from "./tile-grid";

type Row = Record<string, unknown> & { lng?: number; lat?: number; geojson?: string };

/**
 * Encodes tile rows in JS for an engine without ST_AsMVT: geojson-vt projects, clips and
 * simplifies exactly the rows the SQL selected, vt-pbf writes the protobuf. Every column but
 * the geometry becomes a feature property, as with ST_AsMVT.
 */
export function encodeTile(input: { rows: Row[]; sourceLayer: string; z: number; x: number; y: number }): Buffer {
  if (input.rows.length === 0) return Buffer.alloc(0);
  const features: Feature[] = input.rows.map((row) => {
    const { lng, lat, geojson, ...properties } = row;
    const geometry: Geometry = geojson ? (JSON.parse(geojson) as Geometry) : { type: "Point", coordinates: [Number(lng), Number(lat)] };
    return { type: "Feature", geometry, properties };
  });
  const collection: FeatureCollection = { type: "FeatureCollection", features };
  const index = new GeoJSONVT(collection, {
    maxZoom: input.z,
    indexMaxZoom: 0,
    indexMaxPoints: 0,
    extent: TILE_EXTENT,
    buffer: TILE_BUFFER,
    tolerance: 3,
  });
  const tile = index.getTile(input.z, input.x, input.y);
  if (!tile || tile.features.length === 0) return Buffer.alloc(0);
  return Buffer.from(fromGeojsonVt({ [input.sourceLayer]: tile }, { version: 2, extent: TILE_EXTENT }));
}
