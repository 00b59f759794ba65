import type { Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { pointOnSurface, rfc7946Winding, toWkt } from "../../../lib/geo/geojson-output";

/** Twice the signed area (shoelace): positive for a counter-clockwise ring. */
const signedArea = (ring: Position[]) =>
  ring.slice(1).reduce((sum, p, i) => sum + (ring[i]![0]! * p[1]! - p[0]! * ring[i]![1]!), 0);

describe("geometry as published (GeoJSON, CSV)", () => {
  it("turns a clockwise exterior ring counter-clockwise and its hole clockwise (RFC 7946)", () => {
    const clockwise: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [0, 0],
          [0, 4],
          [4, 4],
          [4, 0],
          [0, 0],
        ],
        [
          [1, 1],
          [2, 1],
          [2, 2],
          [1, 2],
          [1, 1],
        ],
      ],
    };
    const out = rfc7946Winding(clockwise);
    expect(signedArea(out.coordinates[0]!)).toBeGreaterThan(0);
    expect(signedArea(out.coordinates[1]!)).toBeLessThan(0);
  });

  it("gives a point inside a U-shaped area, not its first vertex", () => {
    const u: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    };
    const [x, y] = pointOnSurface(u);
    expect([x, y]).not.toEqual([0, 0]);
    const insideArm = (x > 0 && x < 1) || (x > 2 && x < 3) || (y > 0 && y < 1);
    expect(insideArm).toBe(true);
  });

  it("writes Well-Known Text", () => {
    expect(toWkt({ type: "Point", coordinates: [21.1, 43.2] })).toBe("POINT (21.1 43.2)");
    expect(
      toWkt({
        type: "MultiPolygon",
        coordinates: [
          [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
        ],
      }),
    ).toBe("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))");
  });
});
