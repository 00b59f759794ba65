import { describe, expect, it } from "vitest";
import { validateGeometry } from "../../../lib/geo/validate-geometry";

const square = [
  [21, 43],
  [21.01, 43],
  [21.01, 43.01],
  [21, 43.01],
  [21, 43],
];

describe("geometry validation", () => {
  it("accepts a simple polygon, multipolygon and line", () => {
    expect(validateGeometry({ type: "Polygon", coordinates: [square] }, ["Polygon"]).valid).toBe(true);
    expect(validateGeometry({ type: "MultiPolygon", coordinates: [[square]] }, ["MultiPolygon"]).valid).toBe(
      true,
    );
    expect(
      validateGeometry(
        {
          type: "LineString",
          coordinates: [
            [21, 43],
            [21.001, 43.001],
          ],
        },
        ["LineString"],
      ).valid,
    ).toBe(true);
  });

  it.each([
    [
      "a self-intersecting bow tie",
      {
        type: "Polygon",
        coordinates: [
          [
            [21, 43],
            [21.01, 43.01],
            [21.01, 43],
            [21, 43.01],
            [21, 43],
          ],
        ],
      },
      "self_intersecting",
    ],
    ["an unclosed ring", { type: "Polygon", coordinates: [square.slice(0, 4)] }, "ring_not_closed"],
    [
      "fewer than 4 positions",
      {
        type: "Polygon",
        coordinates: [
          [
            [21, 43],
            [21.01, 43],
            [21, 43],
          ],
        ],
      },
      "too_few_positions",
    ],
    ["a line with one position", { type: "LineString", coordinates: [[21, 43]] }, "too_few_positions"],
    [
      "coordinates out of range",
      {
        type: "Polygon",
        coordinates: [
          [
            [200, 43],
            [201, 43],
            [201, 44],
            [200, 43],
          ],
        ],
      },
      "coordinates_out_of_range",
    ],
    ["a point where an area is expected", { type: "Point", coordinates: [21, 43] }, "wrong_type"],
    [
      "strings as coordinates",
      {
        type: "Polygon",
        coordinates: [
          [
            ["21", "43"],
            [21.01, 43],
            [21, 43.01],
            ["21", "43"],
          ],
        ],
      },
      "malformed",
    ],
    ["no type", { coordinates: [] }, "malformed"],
    ["null", null, "malformed"],
  ])("refuses %s", (_what, geometry, reason) => {
    expect(validateGeometry(geometry, ["Polygon", "LineString"])).toEqual({ valid: false, reason });
  });

  it("refuses more than the vertex limit", () => {
    const ring = Array.from({ length: 10_001 }, (_, i) => {
      const a = (2 * Math.PI * i) / 10_000;
      return [21 + 0.01 * Math.cos(a), 43 + 0.01 * Math.sin(a)];
    });
    ring[ring.length - 1] = ring[0]!;
    expect(validateGeometry({ type: "Polygon", coordinates: [ring] }, ["Polygon"])).toEqual({
      valid: false,
      reason: "too_many_vertices",
    });
  });
});
