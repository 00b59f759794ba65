import { describe, expect, it } from "vitest";
import { areaFromGeoJson } from "../../../lib/geo/area-from-geojson";

const square = {
  type: "Polygon",
  coordinates: [
    [
      [21, 43],
      [21.1, 43],
      [21.1, 43.1],
      [21, 43.1],
      [21, 43],
    ],
  ],
};

describe("areaFromGeoJson", () => {
  it("turns a Polygon, a Feature and a FeatureCollection of polygons into one MultiPolygon", () => {
    expect(areaFromGeoJson(square)).toEqual({
      valid: true,
      area: { type: "MultiPolygon", coordinates: [square.coordinates] },
      vertices: 5,
    });
    expect(
      areaFromGeoJson(JSON.stringify({ type: "Feature", properties: null, geometry: square })),
    ).toMatchObject({ valid: true, vertices: 5 });
    const collection = {
      type: "FeatureCollection",
      features: [square, { type: "MultiPolygon", coordinates: [square.coordinates, square.coordinates] }].map(
        (geometry) => ({ type: "Feature", properties: {}, geometry }),
      ),
    };
    const parsed = areaFromGeoJson(collection);
    expect(parsed.valid && parsed.area.coordinates).toHaveLength(3);
  });

  it("names what is wrong: malformed JSON, wrong type, empty, nested collections", () => {
    expect(areaFromGeoJson("{not json")).toEqual({ valid: false, reason: "malformed_json" });
    expect(areaFromGeoJson({ type: "Point", coordinates: [21, 43] })).toEqual({
      valid: false,
      reason: "wrong_type",
    });
    expect(areaFromGeoJson({ type: "Feature", properties: {}, geometry: null })).toEqual({
      valid: false,
      reason: "empty",
    });
    expect(areaFromGeoJson({ type: "Polygon", coordinates: [] })).toEqual({ valid: false, reason: "empty" });
    expect(areaFromGeoJson({ type: "FeatureCollection", features: [] })).toEqual({
      valid: false,
      reason: "empty",
    });
    expect(
      areaFromGeoJson({
        type: "Feature",
        properties: {},
        geometry: { type: "Feature", properties: {}, geometry: square },
      }),
    ).toEqual({ valid: false, reason: "wrong_type" });
    expect(areaFromGeoJson(null)).toEqual({ valid: false, reason: "malformed" });
    expect(
      areaFromGeoJson({
        type: "Polygon",
        coordinates: [
          [
            [21, 43],
            [21.1, 43],
            [21.1, 43.1],
            [21, 43.1],
          ],
        ],
      }),
    ).toEqual({ valid: false, reason: "ring_not_closed" });
  });

  it("counts the limit of 10,000 vertices over the whole area, and stays fast at the limit", () => {
    const ring = (n: number, x: number) => {
      const r: number[][] = [];
      for (let i = 0; i < n; i++)
        r.push([x + 0.01 * Math.cos((2 * Math.PI * i) / n), 43 + 0.01 * Math.sin((2 * Math.PI * i) / n)]);
      return [...r, r[0]!];
    };
    const feature = (x: number) => ({
      type: "Feature",
      properties: {},
      geometry: { type: "Polygon", coordinates: [ring(5_999, x)] },
    });
    expect(areaFromGeoJson({ type: "FeatureCollection", features: [feature(21)] })).toMatchObject({
      valid: true,
      vertices: 6_000,
    });
    expect(areaFromGeoJson({ type: "FeatureCollection", features: [feature(21), feature(21.1)] })).toEqual({
      valid: false,
      reason: "too_many_vertices",
    });
    const started = performance.now();
    expect(areaFromGeoJson({ type: "Polygon", coordinates: [ring(9_999, 21)] })).toMatchObject({
      valid: true,
      vertices: 10_000,
    });
    // Crossings are PostGIS's to find (ST_IsValid); an edge-by-edge check here took seconds.
    expect(performance.now() - started).toBeLessThan(500);
  });
});
