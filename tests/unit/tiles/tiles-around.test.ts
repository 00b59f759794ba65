import { describe, expect, it } from "vitest";
import { tilesAround } from "@/lib/tiles/tiles-around";

// Ćuprija's centre: at z16 a tile is about 440 m wide here.
const centre: [number, number] = [21.3699, 43.9279];

describe("tilesAround", () => {
  it("covers the square around a point at each zoom, the point's own tile included", () => {
    const tiles = tilesAround([centre], { radiusMetres: 400, minZoom: 13, maxZoom: 16, maxTiles: 1000 });
    for (let z = 13; z <= 16; z++) {
      const n = 2 ** z;
      const x = Math.floor(((centre[0] + 180) / 360) * n);
      const rad = (centre[1] * Math.PI) / 180;
      const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
      expect(tiles).toContainEqual({ z, x, y });
    }
    // 800 m across is two or three z16 tiles each way; a z13 tile is 3.5 km, so one or two.
    const z16 = tiles.filter((t) => t.z === 16);
    expect(z16.length).toBeGreaterThanOrEqual(4);
    expect(z16.length).toBeLessThanOrEqual(9);
    expect(tiles.filter((t) => t.z === 13).length).toBeLessThanOrEqual(4);
  });

  it("lists each tile once when points share tiles", () => {
    const near: [number, number] = [centre[0] + 0.0005, centre[1]];
    const tiles = tilesAround([centre, near], {
      radiusMetres: 100,
      minZoom: 14,
      maxZoom: 16,
      maxTiles: 1000,
    });
    const keys = tiles.map((t) => `${t.z}/${t.x}/${t.y}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("stops at the limit, keeping coarse zooms for every point before fine ones", () => {
    const far: [number, number] = [20.46, 44.81];
    const tiles = tilesAround([centre, far], { radiusMetres: 400, minZoom: 13, maxZoom: 16, maxTiles: 6 });
    expect(tiles).toHaveLength(6);
    const z13 = tiles.filter((t) => t.z === 13);
    // Both places have their z13 tiles before any z16 tile is listed.
    expect(new Set(z13.map((t) => t.x)).size).toBeGreaterThanOrEqual(2);
    expect(tiles.some((t) => t.z === 16)).toBe(false);
  });
});
