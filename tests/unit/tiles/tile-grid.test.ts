import { describe, expect, it } from "vitest";
import { bandFor, clusterCells, MAX_CLUSTER_ZOOM } from "../../../lib/tiles/tile-grid";

describe("cluster grid of a tile", () => {
  it("reads 16×16 clusters from the finest band at or above the tile's zoom", () => {
    expect(bandFor(8)).toBe(9);
    expect(clusterCells(8, 3, 5)).toEqual({ band: 9, group: 2, x0: 96, x1: 127, y0: 160, y1: 191 });
    expect(clusterCells(11, 1140, 738)).toEqual({
      band: 11,
      group: 1,
      x0: 18240,
      x1: 18255,
      y0: 11808,
      y1: 11823,
    });
  });

  it("past the finest band reads its cells one by one: 8×8 clusters at z12, 4×4 at z13, covering exactly the tile", () => {
    expect(MAX_CLUSTER_ZOOM).toBe(13);
    const z12 = clusterCells(12, 2281, 1477);
    expect(z12).toEqual({
      band: 11,
      group: 1,
      x0: 2281 * 8,
      x1: 2281 * 8 + 7,
      y0: 1477 * 8,
      y1: 1477 * 8 + 7,
    });
    const z13 = clusterCells(13, 4562, 2954);
    expect(z13).toEqual({
      band: 11,
      group: 1,
      x0: 4562 * 4,
      x1: 4562 * 4 + 3,
      y0: 2954 * 4,
      y1: 2954 * 4 + 3,
    });
    // The four z13 tiles inside one z12 tile share its cells without overlap.
    const quarters = [0, 1].flatMap((dx) => [0, 1].map((dy) => clusterCells(13, 4562 + dx, 2954 + dy)));
    expect(new Set(quarters.map((q) => `${q.x0}-${q.y0}`)).size).toBe(4);
    expect(Math.min(...quarters.map((q) => q.x0))).toBe(clusterCells(12, 2281, 1477).x0);
    expect(Math.max(...quarters.map((q) => q.x1))).toBe(clusterCells(12, 2281, 1477).x1);
  });
});
