/** Web Mercator metres per pixel at zoom 0 (256-px tiles) at the equator. */
const METRES_PER_PIXEL_Z0 = 156_543.034;
/** A hexagon is about this many screen pixels from centre to corner, whatever the zoom. */
const HEXAGON_PIXELS = 18;

export const MIN_HEXAGON_METRES = 50;
export const MAX_HEXAGON_METRES = 20_000;

/**
 * Hexagon size (centre to corner, in Web Mercator metres, the unit ST_HexagonGrid works in here)
 * for a map zoom: the cells keep the same size on screen as the planner zooms in and out. Rounded
 * to a power-of-two ladder so nearby zooms share one grid (and a cache).
 */
export function hexagonSizeForZoom(zoom: number): number {
  const z = Math.round(Math.min(22, Math.max(0, zoom)));
  const size = (HEXAGON_PIXELS * METRES_PER_PIXEL_Z0) / 2 ** z;
  return Math.round(Math.min(MAX_HEXAGON_METRES, Math.max(MIN_HEXAGON_METRES, size)));
}
