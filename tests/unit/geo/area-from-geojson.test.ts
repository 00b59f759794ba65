import { describe, expect, it } from "vitest";
import { areaFromGeoJson } from "../../../lib/geo/area-from-geojson";

const square = { type: "Polygon", coordinates: [[[21, 43], [21.1, 43], [21.1, 43.1], [21, 43.1], [21, 43]]] };

describe("areaFromGeoJson", () => {
  it("turns a Polygon, a Feature and a FeatureCollection of polygons into one MultiPolygon", () => {
    expect(areaFromGeoJson(square)).toEqual({ valid: true, area: { type: "MultiPolygon", coordinates: [square.coordinates] }, vertices: 5 });
    expect(areaFromGeoJson(JSON.stringify({ type: "Feature", properties: null, geometry: square }))).toMatchObject({ valid: true, vertices: 5 });
    const collection = { type: "FeatureCollection", features: [square, { type: "MultiPolygon", coordinates: [square.coordinates, square.coordinates] }].map((geometry) => ({ type: "Feature", properties: {}, geometry })) };
    const parsed = areaFromGeoJson(collection);
    expect(parsed.valid && parsed.area.coordinates).toHaveLength(3);
  });

  it("names what is wrong: malformed JSON, wrong type, empty, nested collections", () => {
    expect(areaFromGeoJson("{not json")).toEqual({ valid: false, reason: "malformed_json" });
    expect(areaFromGeoJson({ type: "Point", coordinates: [21, 43] })).toEqual({ valid: false, reason: "wrong_type" });
    expect(areaFromGeoJson({ type: "Feature", properties: {}, geometry: null })).toEqual({ valid: false, reason: "empty" });
    expect(areaFromGeoJson({ type: "Polygon", coordinates: [] })).toEqual({ valid: false, reason: "empty" });
    expect(areaFromGeoJson({ type: "FeatureCollection", features: [] })).toEqual({ valid: false, reason: "empty" });
    expect(areaFromGeoJson({ type: "Feature", properties: {}, geometry: { type: "Feature", properties: {}, geometry: square } })).toEqual({ valid: false, reason: "wrong_type" });
    expect(areaFromGeoJson(null)).toEqual({ valid: false, reason: "malformed" });
    expect(areaFromGeoJson({ type: "Polygon", coordinates: [[[21, 43], [21.1, 43], [21.1, 43.1], [21, 43.1]]] })).toEqual({ valid: false, reason: "ring_not_closed" });
  });
});
