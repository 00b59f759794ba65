import { describe, expect, it } from "vitest";
import {
  currentReports,
  filtersToParams,
  noFilters,
  parsePublicFilters,
  RECENTLY_RESOLVED_DAYS,
  scopeOf,
} from "../../../lib/reports/public-filters";

const parse = (query: string, defaultScope?: "current" | "all") =>
  parsePublicFilters(new URLSearchParams(query), defaultScope ? { defaultScope } : undefined);

describe("public map filters", () => {
  it("keeps every public report for API clients that name no scope", () => {
    expect(parse("")).toEqual(noFilters);
    expect(scopeOf(parse(""))).toBe("all");
  });

  it("shows open reports and those finished in the last 30 days on the home map by default", () => {
    const filters = parse("", "current");
    expect(RECENTLY_RESOLVED_DAYS).toBe(30);
    expect(filters.recentlyFinishedDays).toBe(30);
    expect(filters).toEqual(currentReports);
  });

  it("lets a link ask for all reports of the year, or for the current ones, whatever the default", () => {
    expect(parse("show=all", "current").recentlyFinishedDays).toBeNull();
    expect(parse("show=current").recentlyFinishedDays).toBe(RECENTLY_RESOLVED_DAYS);
  });

  it("writes the scope into every link, so the tiles' address and cache key carry it", () => {
    expect(filtersToParams(currentReports).toString()).toBe("show=current");
    expect(filtersToParams(noFilters).toString()).toBe("show=all");
    const filters = parse("category=pothole&status=open,resolved&period=90&district=jug", "current");
    const again = parsePublicFilters(filtersToParams(filters));
    expect(again).toEqual(filters);
    expect(filtersToParams(filters).get("show")).toBe("current");
  });

  it("refuses an unknown scope with a localised error", () => {
    expect(() => parse("show=everything")).toThrow(expect.objectContaining({ code: "bad_request" }));
  });
});
