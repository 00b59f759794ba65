/** A point as GeoJSON orders it: [longitude, latitude], degrees (SRID 4326). */
export type Position = [number, number];

/** Metres per arrow-key press or move button; Shift moves five times as far. */
export const STEP_METRES = 10;

/** Six decimals: about 10 cm, finer than any phone's position. */
export function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** A position moved `east` and `north` metres (negative: west, south); flat-earth, fine for a street. */
export function moveBy([lng, lat]: Position, east: number, north: number): Position {
  return [round(lng + east / (111_320 * Math.cos((lat * Math.PI) / 180))), round(lat + north / 111_320)];
}
