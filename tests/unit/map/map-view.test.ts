import { describe, expect, it } from "vitest";
import { formatMapView, parseMapView, shapeBounds, viewBounds } from "../../../lib/map/map-view";

describe("the map's view in the address", () => {
  it("reads and writes lng,lat,zoom, and refuses anything else", () => {
    const view = parseMapView("21.37500,43.93000,15.00");
    expect(view).toEqual({ center: [21.375, 43.93], zoom: 15 });
    expect(formatMapView(view!)).toBe("21.37500,43.93000,15.00");
    for (const bad of ["", "21.3,43.9", "a,b,c", "200,43,10", "21,43,30", null, undefined])
      expect(parseMapView(bad)).toBeNull();
  });

  it("gives the area a view shows in a frame, centred on the view and wider when zoomed out", () => {
    const [west, south, east, north] = viewBounds({ center: [21.37, 43.93], zoom: 14 }, 960, 640);
    expect((west + east) / 2).toBeCloseTo(21.37, 5);
    expect((south + north) / 2).toBeCloseTo(43.93, 2);
    // 960 px at zoom 14 with 512 px tiles: 960 / (512 · 2^14) of 360°.
    expect(east - west).toBeCloseTo((960 / (512 * 2 ** 14)) * 360, 6);
    const wider = viewBounds({ center: [21.37, 43.93], zoom: 12 }, 960, 640);
    expect(wider[2] - wider[0]).toBeCloseTo((east - west) * 4, 6);
  });

  it("bounds a drawn line or area whole", () => {
    expect(
      shapeBounds({
        type: "LineString",
        coordinates: [
          [21.3, 43.9],
          [21.4, 43.95],
          [21.35, 43.8],
        ],
      }),
    ).toEqual([21.3, 43.8, 21.4, 43.95]);
    expect(
      shapeBounds({
        type: "Polygon",
        coordinates: [
          [
            [1, 2],
            [3, 2],
            [3, 5],
            [1, 2],
          ],
        ],
      }),
    ).toEqual([1, 2, 3, 5]);
  });
});
