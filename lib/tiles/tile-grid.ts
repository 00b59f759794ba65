/**
 * Web Mercator tile and cluster-grid arithmetic. A tile at zoom z is WORLD / 2^z metres wide;
 * cluster cells are 1/16 of a tile of their band's zoom (db/migrations/0009_report_clusters.sql
 * uses the same constants).
 */
export const WORLD_METRES = 40075016.68557849;
export const HALF_WORLD_METRES = 20037508.342789244;
export const TILE_EXTENT = 4096;
export const TILE_BUFFER = 64;
export const CELLS_PER_TILE = 16;

/**
 * Zooms up to this one show clusters; from the next one on, single reports. At 1,000,000 reports
 * the densest city tile at z12 holds tens of thousands of reports, too many to send as points.
 */
export const MAX_CLUSTER_ZOOM = 13;
export const MAX_ZOOM = 22;

/**
 * The stored grids: a tile at zoom z reads the finest band whose zoom is at least z; past the
 * finest band (z12, z13) it reads that band's cells one by one, so it has 8×8 or 4×4 clusters
 * instead of 16×16 — no extra grid for the triggers to keep.
 */
export const CLUSTER_BANDS = [6, 9, 11] as const;

export function bandFor(z: number): number {
  return CLUSTER_BANDS.find((b) => b >= z) ?? CLUSTER_BANDS[CLUSTER_BANDS.length - 1]!;
}

/** The band cells a tile covers, and how many band cells to a side make one of the tile's clusters. */
export function clusterCells(
  z: number,
  x: number,
  y: number,
): { band: number; group: number; x0: number; x1: number; y0: number; y1: number } {
  const band = bandFor(z);
  const span = CELLS_PER_TILE * 2 ** (band - z);
  const group = Math.max(1, 2 ** (band - z));
  return { band, group, x0: x * span, x1: x * span + span - 1, y0: y * span, y1: y * span + span - 1 };
}

export function isValidTile(z: number, x: number, y: number): boolean {
  if (![z, x, y].every(Number.isInteger) || z < 0 || z > MAX_ZOOM) return false;
  const n = 2 ** z;
  return x >= 0 && x < n && y >= 0 && y < n;
}
