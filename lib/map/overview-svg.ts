/**
 * The light overview of a municipality that phones see before they ask for the interactive map:
 * an SVG in plain degrees (x = longitude shrunk by the cosine of the middle latitude so the shape is
 * not stretched, y = minus latitude, as PostGIS's ST_AsSVG writes it), with no tiles and no script.
 */

/** [west, south, east, north] in degrees. */
type BBox = [number, number, number, number];

/** How much a degree of longitude is narrower than a degree of latitude in the middle of the box. */
export function longitudeScale(bbox: BBox): number {
  return Math.cos((((bbox[1] + bbox[3]) / 2) * Math.PI) / 180);
}

/** The SVG viewBox for the box, in the overview's coordinates. */
export function overviewViewBox(bbox: BBox): string {
  const k = longitudeScale(bbox);
  const [west, south, east, north] = bbox;
  return [west * k, -north, (east - west) * k, north - south].map((n) => round(n, 5)).join(" ");
}

/**
 * One path that draws every point as a dot (a zero-length segment with a round cap): a few
 * thousand reports stay a few tens of KiB of markup. Points closer than `grid` degrees share a dot.
 */
export function dotsPath(points: Array<[number, number]>, bbox: BBox, grid = 0.001): string {
  const k = longitudeScale(bbox);
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const [lng, lat] of points) {
    const x = round(Math.round(lng / grid) * grid * k, 5);
    const y = round(-Math.round(lat / grid) * grid, 5);
    const key = `${x} ${y}`;
    if (seen.has(key)) continue;
    seen.add(key);
    parts.push(`M${key}h0`);
  }
  return parts.join("");
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
