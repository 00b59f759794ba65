/** What part of the map is shown: its centre ([lng, lat]) and zoom. */
export type MapView = { center: [number, number]; zoom: number };

export type Bounds = [west: number, south: number, east: number, north: number];

/** Parses "lng,lat,zoom" (the `at` parameter of a map page's address); anything else is null. */
export function parseMapView(text: string | null | undefined): MapView | null {
  const parts = (text ?? "").split(",").map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [lng, lat, zoom] = parts as [number, number, number];
  if (Math.abs(lng) > 180 || Math.abs(lat) > 85 || zoom < 0 || zoom > 22) return null;
  return { center: [lng, lat], zoom };
}

/** "lng,lat,zoom" to five decimals (about a metre) and two for the zoom: short, stable links. */
export function formatMapView(view: MapView): string {
  return `${view.center[0].toFixed(5)},${view.center[1].toFixed(5)},${view.zoom.toFixed(2)}`;
}

/**
 * The area a view shows in a frame of `width` × `height` CSS pixels (Web Mercator, 512 px tiles as
 * MapLibre draws them): the list beside the map asks for it before the map itself has loaded.
 */
export function viewBounds(view: MapView, width: number, height: number): Bounds {
  const worldPixels = 512 * 2 ** view.zoom;
  const x = ((view.center[0] + 180) / 360) * worldPixels;
  const sin = Math.sin((view.center[1] * Math.PI) / 180);
  const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * worldPixels;
  const lng = (px: number) => (px / worldPixels) * 360 - 180;
  const lat = (py: number) => {
    const n = Math.PI - (2 * Math.PI * py) / worldPixels;
    return (180 / Math.PI) * Math.atan(0.5 * (Math.exp(n) - Math.exp(-n)));
  };
  const clamp = (v: number, limit: number) => Math.max(-limit, Math.min(limit, v));
  return [
    clamp(lng(x - width / 2), 180),
    clamp(lat(y + height / 2), 85),
    clamp(lng(x + width / 2), 180),
    clamp(lat(y - height / 2), 85),
  ];
}

/** The `bbox` query parameter of the public APIs: west,south,east,north to six decimals. */
export function bboxParam(bounds: Bounds): string {
  return bounds.map((v) => v.toFixed(6)).join(",");
}

/** The bounds of a line or area, [west, south, east, north]: a map fits the whole shape to them. */
export function shapeBounds(shape: { type: "LineString" | "Polygon"; coordinates: unknown }): Bounds {
  const positions = (
    shape.type === "LineString" ? shape.coordinates : (shape.coordinates as number[][][]).flat()
  ) as [number, number][];
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const [lng, lat] of positions) {
    west = Math.min(west, lng);
    east = Math.max(east, lng);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  return [west, south, east, north];
}
