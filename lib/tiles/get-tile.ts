import "server-only";
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { DbHandle } from "../../db/client";
import { getCapabilities } from "../../db/capabilities";
import { getEnv } from "../env";
import { AppError } from "../errors";
import type { PublicFilters } from "../reports/public-filters";
import { startOfBelgradeDay } from "../time/belgrade";
import { encodeTile } from "./encode-tile";
import { getLayerVersion } from "./layer-versions";
import { clusterCells, isValidTile, MAX_CLUSTER_ZOOM } from "./tile-grid";
import { tileQuery, type TileLayer } from "./tile-sql";

export const tileLayers: readonly TileLayer[] = ["reports", "shapes", "permits", "districts"];

export type Tile = { body: Buffer; etag: string; version: number };

// Hot tiles in process memory, by bytes (TILE_CACHE_MB; 0 = none). Keys carry the layer version,
// so a write makes the old entries unreachable and they age out; nothing here must survive a
// restart or be shared.
type CacheHolder = { __civicTileCache?: LRUCache<string, Tile> | null };
function tileCache(): LRUCache<string, Tile> | null {
  const holder = globalThis as CacheHolder;
  if (holder.__civicTileCache === undefined) {
    const megabytes = getEnv().TILE_CACHE_MB;
    holder.__civicTileCache =
      megabytes > 0
        ? new LRUCache<string, Tile>({
            maxSize: megabytes * 1024 * 1024,
            sizeCalculation: (tile) => Math.max(1, tile.body.length),
          })
        : null;
  }
  return holder.__civicTileCache;
}

/** Empties the in-process tile cache (benchmarks measure the database, not the cache). */
export function clearTileCache(): void {
  tileCache()?.clear();
}

/** The start of today in Belgrade: age buckets and periods count from it, so a tile is stable all day. */
export function startOfToday(now: Date): string {
  return startOfBelgradeDay(now).toISOString();
}

/**
 * One vector tile: the layer's version (from memory, see layer-versions.ts), answer from the cache when this exact tile of this
 * version was made, otherwise run the layer's query — as one ST_AsMVT statement where PostGIS
 * can encode, as rows encoded in JS where it cannot. The ETag names layer, version and request.
 */
export async function getTile(input: {
  handle: DbHandle;
  layer: string;
  z: number;
  x: number;
  y: number;
  filters: PublicFilters;
  now?: Date;
  /** "js": encode in JS even where PostGIS could (tests compare the two encoders). */
  encoder?: "database" | "js";
}): Promise<Tile> {
  const { handle, z, x, y, filters } = input;
  if (!tileLayers.includes(input.layer as TileLayer))
    throw new AppError({ code: "not_found", messageKey: "tileLayerNotFound" });
  if (!isValidTile(z, x, y)) throw new AppError({ code: "bad_request", messageKey: "invalidTile" });
  const layer = input.layer as TileLayer;
  const today = startOfToday(input.now ?? new Date());
  // Shapes are the reports' own lines and areas: they change with the reports layer.
  const version = await getLayerVersion(handle, layer === "shapes" ? "reports" : layer);
  const byReports = layer === "reports" || layer === "shapes";
  const request = JSON.stringify([layer, z, x, y, byReports ? filters : null, today]);
  const key = `${version}:${input.encoder ?? ""}:${request}`;
  const cache = tileCache();
  const hit = cache?.get(key);
  if (hit) return hit;

  const body = await queryTile({ handle, layer, z, x, y, filters, today, encoder: input.encoder });
  const etag = `"${layer}-${version}-${createHash("sha1").update(request).digest("hex").slice(0, 16)}"`;
  const tile = { body, etag, version };
  cache?.set(key, tile);
  return tile;
}

/**
 * The tile's one database statement and its encoding, without version or cache: what getTile
 * runs on a miss (benchmarks time it alone, as the tile's raw query time).
 */
export async function queryTile(input: {
  handle: DbHandle;
  layer: TileLayer;
  z: number;
  x: number;
  y: number;
  filters: PublicFilters;
  /** startOfToday(now) */
  today: string;
  encoder?: "database" | "js";
}): Promise<Buffer> {
  const { handle, layer, z, x, y, filters, today } = input;
  const supportsMvt = input.encoder !== "js" && (await getCapabilities(handle)).supportsMvt;
  const live = filters.periodDays !== null || filters.district !== null;
  const query = tileQuery(layer, z, {
    live,
    mvt: supportsMvt,
    allCategories: filters.categories.length === 0,
    current: filters.recentlyFinishedDays !== null,
  });
  const cells = clusterCells(z, x, y);
  const values: Record<string, unknown> = {
    z,
    x,
    y,
    categories: filters.categories.length ? filters.categories : null,
    statusGroups: filters.statusGroups.length ? filters.statusGroups : null,
    periodDays: filters.periodDays,
    recentDays: filters.recentlyFinishedDays,
    district: filters.district,
    today: layer === "reports" || layer === "shapes" ? today : today.slice(0, 10),
    band: cells.band,
    group: cells.group,
    x0: cells.x0,
    x1: cells.x1,
    y0: cells.y0,
    y1: cells.y1,
  };
  const params = query.params.map((name) => values[name]);
  if (supportsMvt) {
    const [result] = await handle.publicRawQuery<{ tile: Uint8Array | null }>(query.name, query.text, params);
    return result?.tile ? Buffer.from(result.tile) : Buffer.alloc(0);
  }
  const rows = await handle.publicRawQuery<Record<string, unknown>>(query.name, query.text, params);
  return encodeTile({ rows, sourceLayer: query.sourceLayer, z, x, y });
}

export { MAX_CLUSTER_ZOOM };
