import { describe, expect, it } from "vitest";
import { buildDrawnShape } from "../../../components/map/keyboard-shape";
import { sketchPlace } from "../../../lib/map/place-sketch";

const at: [number, number] = [21.37, 43.93];
const metresEast = (m: number) => m / (111_320 * Math.cos((43.93 * Math.PI) / 180));

describe("the report page's sketch of a place", () => {
  it("draws a lone pin in the middle of a street-sized frame", () => {
    const sketch = sketchPlace(at, null);
    expect(sketch).toMatchObject({ kind: "point", path: "", pin: [160, 90], count: 0 });
  });

  it("draws a line to scale, keeps it inside the frame and measures it", () => {
    const line = {
      type: "LineString" as const,
      coordinates: [
        [at[0] - metresEast(150), at[1]],
        [at[0], at[1]],
        [at[0] + metresEast(150), at[1] + 100 / 111_320],
      ],
    };
    const sketch = sketchPlace(at, line);
    expect(sketch.kind).toBe("line");
    expect(sketch.count).toBe(3);
    expect(sketch.metres).toBeGreaterThan(325);
    expect(sketch.metres).toBeLessThan(335);
    const numbers = sketch.path.match(/[\d.]+/g)!.map(Number);
    for (let i = 0; i < numbers.length; i += 2) {
      expect(numbers[i]).toBeGreaterThanOrEqual(0);
      expect(numbers[i]).toBeLessThanOrEqual(sketch.width);
      expect(numbers[i + 1]).toBeGreaterThanOrEqual(0);
      expect(numbers[i + 1]).toBeLessThanOrEqual(sketch.height);
    }
    expect(sketch.path.startsWith("M")).toBe(true);
  });

  it("closes an area, counts its corners and measures its surface", () => {
    const d = 50 / 111_320;
    const square = {
      type: "Polygon" as const,
      coordinates: [
        [
          [at[0], at[1]],
          [at[0] + metresEast(50), at[1]],
          [at[0] + metresEast(50), at[1] + d],
          [at[0], at[1] + d],
          [at[0], at[1]],
        ],
      ],
    };
    const sketch = sketchPlace(at, square);
    expect(sketch).toMatchObject({ kind: "area", count: 4 });
    expect(sketch.path.endsWith("Z")).toBe(true);
    expect(Math.abs(sketch.squareMetres - 2500)).toBeLessThan(25);
  });
});

describe("a shape drawn point by point with the keyboard", () => {
  const points: Array<[number, number]> = [
    [21.37, 43.93],
    [21.371, 43.93],
    [21.371, 43.931],
  ];

  it("is a line through the points", () => {
    expect(buildDrawnShape("line", points, true)).toEqual({ type: "LineString", coordinates: points });
  });

  it("is an area closed back to its first point once finished, an open outline before", () => {
    expect(buildDrawnShape("area", points, true)).toEqual({
      type: "Polygon",
      coordinates: [[...points, points[0]]],
    });
    expect(buildDrawnShape("area", points, false).type).toBe("LineString");
  });
});
