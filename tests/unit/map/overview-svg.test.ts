import { describe, expect, it } from "vitest";
import { dotsPath, longitudeScale, overviewViewBox } from "@/lib/map/overview-svg";
import { initialMapChoice } from "@/lib/map/map-choice";

const bbox: [number, number, number, number] = [21.3, 43.9, 21.5, 44.0];

describe("the phone overview of a municipality", () => {
  it("shrinks longitude by the cosine of the middle latitude and puts north at the top", () => {
    const k = longitudeScale(bbox);
    expect(k).toBeCloseTo(Math.cos((43.95 * Math.PI) / 180), 10);
    const [x, y, width, height] = overviewViewBox(bbox).split(" ").map(Number);
    expect(x).toBeCloseTo(21.3 * k, 4);
    expect(y).toBeCloseTo(-44.0, 5);
    expect(width).toBeCloseTo(0.2 * k, 4);
    expect(height).toBeCloseTo(0.1, 5);
  });

  it("draws each point as a dot and merges points closer than the grid", () => {
    const path = dotsPath(
      [
        [21.4, 43.95],
        [21.40001, 43.95002],
        [21.41, 43.96],
      ],
      bbox,
    );
    expect(path.match(/M/g)).toHaveLength(2);
    expect(path).toMatch(/^M[\d.]+ -43\.95h0M[\d.]+ -43\.96h0$/);
    expect(dotsPath([], bbox)).toBe("");
  });
});

describe("what a map page shows first", () => {
  it("shows the map on a wide screen whatever was chosen", () => {
    expect(initialMapChoice({ wide: true, stored: "list" })).toBe("map");
  });

  it("opens a phone on the list unless the map was chosen before or a map view was linked", () => {
    expect(initialMapChoice({ wide: false, stored: null })).toBe("list");
    expect(initialMapChoice({ wide: false, stored: "something else" })).toBe("list");
    expect(initialMapChoice({ wide: false, stored: "list" })).toBe("list");
    expect(initialMapChoice({ wide: false, stored: "map" })).toBe("map");
    expect(initialMapChoice({ wide: false, stored: "list", linkedView: true })).toBe("map");
  });
});
