import { describe, expect, it } from "vitest";
import { siteFromGeoJson } from "../../../components/permits/site-from-geojson";

const polygon = {
  type: "Polygon",
  coordinates: [
    [
      [21.36, 43.93],
      [21.37, 43.93],
      [21.37, 43.94],
      [21.36, 43.93],
    ],
  ],
};

describe("importing a works site from GeoJSON", () => {
  it("takes a geometry, a Feature or a collection of one feature", () => {
    expect(siteFromGeoJson(JSON.stringify(polygon))).toEqual(polygon);
    expect(siteFromGeoJson(JSON.stringify({ type: "Feature", properties: {}, geometry: polygon }))).toEqual(
      polygon,
    );
    expect(
      siteFromGeoJson(
        JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", geometry: polygon }] }),
      ),
    ).toEqual(polygon);
  });

  it("refuses text that is not JSON, a point, or a collection of several features", () => {
    expect(siteFromGeoJson("not json")).toBeNull();
    expect(siteFromGeoJson(JSON.stringify({ type: "Point", coordinates: [21.36, 43.93] }))).toBeNull();
    const two = {
      type: "FeatureCollection",
      features: [
        { type: "Feature", geometry: polygon },
        { type: "Feature", geometry: polygon },
      ],
    };
    expect(siteFromGeoJson(JSON.stringify(two))).toBeNull();
  });
});
