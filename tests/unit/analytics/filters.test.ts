import { describe, expect, it } from "vitest";
import {
  analyticsFiltersToParams,
  parseAnalyticsFilters,
  periodBounds,
  periodPresets,
} from "../../../lib/analytics/filters";
import { hexagonSizeForZoom } from "../../../lib/analytics/hexagon-size";
import { AppError } from "../../../lib/errors";

const now = new Date("2026-11-20T12:00:00Z");

describe("analytics filters", () => {
  it("opens on the last 90 days with the default hotspot parameters", () => {
    const f = parseAnalyticsFilters(new URLSearchParams(), now);
    expect(f).toMatchObject({
      from: "2026-08-23",
      to: "2026-11-20",
      categories: [],
      layer: "choropleth",
      bucket: "week",
      epsMetres: 150,
      minPoints: 5,
    });
  });

  it("reads repeated and comma-separated codes and round-trips through the URL", () => {
    const f = parseAnalyticsFilters(
      new URLSearchParams(
        "from=2026-07-01&to=2026-09-30&category=illegal_dumping,pothole&category=graffiti&district=centar&organisation=jkp-komunalac&layer=hexagons&bucket=month&eps=80&minPoints=3",
      ),
      now,
    );
    expect(f).toEqual({
      from: "2026-07-01",
      to: "2026-09-30",
      categories: ["illegal_dumping", "pothole", "graffiti"],
      organisations: ["jkp-komunalac"],
      districts: ["centar"],
      layer: "hexagons",
      bucket: "month",
      epsMetres: 80,
      minPoints: 3,
    });
    expect(parseAnalyticsFilters(analyticsFiltersToParams(f), now)).toEqual(f);
  });

  it.each([
    ["from=2026-13-01"],
    ["from=2026-02-30"],
    ["from=2026-10-01&to=2026-09-01"],
    ["from=2020-01-01&to=2026-01-01"],
    ["category=DROP TABLE"],
    ["layer=satellite"],
    ["eps=5"],
    ["eps=abc"],
    ["minPoints=1"],
  ])("refuses %s with a bad-request error", (query) => {
    expect(() => parseAnalyticsFilters(new URLSearchParams(query), now)).toThrow(AppError);
    try {
      parseAnalyticsFilters(new URLSearchParams(query), now);
    } catch (err) {
      expect((err as AppError).messageKey).toBe("invalidAnalyticsFilter");
      expect((err as AppError).status).toBe(400);
    }
  });

  it("bounds the period in local time and gives the previous period of equal length", () => {
    const b = periodBounds({ from: "2026-11-01", to: "2026-11-30" });
    expect(b.start.toISOString()).toBe("2026-10-31T23:00:00.000Z");
    expect(b.end.toISOString()).toBe("2026-11-30T23:00:00.000Z");
    expect(b.previousStart.toISOString()).toBe("2026-10-01T23:00:00.000Z");
  });

  it("offers the previous calendar quarter as a preset", () => {
    expect(periodPresets(now).lastQuarter).toEqual({ from: "2026-07-01", to: "2026-09-30" });
    expect(periodPresets(new Date("2026-02-10T12:00:00Z")).lastQuarter).toEqual({
      from: "2025-10-01",
      to: "2025-12-31",
    });
  });

  it("keeps hexagons the same size on screen: half the metres one zoom level in, within bounds", () => {
    expect(hexagonSizeForZoom(13)).toBe(Math.round(hexagonSizeForZoom(12) / 2));
    expect(hexagonSizeForZoom(0)).toBe(20_000);
    expect(hexagonSizeForZoom(22)).toBe(50);
  });
});
