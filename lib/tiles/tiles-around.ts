export type TileAddress = { z: number; x: number; y: number };

const METRES_PER_DEGREE = 111_320;

function tileX(lng: number, z: number): number {
  return Math.floor(((lng + 180) / 360) * 2 ** z);
}

function tileY(lat: number, z: number): number {
  const rad = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z);
}

/**
 * The tiles that cover a square of `radiusMetres` around each point, at each zoom from `minZoom` to
 * `maxZoom`: what a phone fetches into its cache so the map around its work shows without a
 * connection. Points come nearest first; coarser zooms are filled first for every point, and the list
 * stops at `maxTiles`, so a long list drops the finest tiles of the farthest reports.
 */
export function tilesAround(
  points: ReadonlyArray<readonly [number, number]>,
  options: { radiusMetres: number; minZoom: number; maxZoom: number; maxTiles: number },
): TileAddress[] {
  const seen = new Set<string>();
  const out: TileAddress[] = [];
  for (let z = options.minZoom; z <= options.maxZoom; z++) {
    const last = 2 ** z - 1;
    for (const [lng, lat] of points) {
      const dLat = options.radiusMetres / METRES_PER_DEGREE;
      const dLng = options.radiusMetres / (METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
      const x0 = Math.max(0, tileX(lng - dLng, z));
      const x1 = Math.min(last, tileX(lng + dLng, z));
      const y0 = Math.max(0, tileY(lat + dLat, z));
      const y1 = Math.min(last, tileY(lat - dLat, z));
      for (let x = x0; x <= x1; x++) {
        for (let y = y0; y <= y1; y++) {
          const key = `${z}/${x}/${y}`;
          if (seen.has(key)) continue;
          if (out.length >= options.maxTiles) return out;
          seen.add(key);
          out.push({ z, x, y });
        }
      }
    }
  }
  return out;
}
