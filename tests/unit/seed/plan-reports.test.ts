import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { municipality } from "../../../db/seed/cuprija";
import { planReports } from "../../../db/seed/seed-demo";
import { seededRandom } from "../../../lib/random";

const boundary: Polygon = { type: "Polygon", coordinates: [municipality.boundary] };
const today = new Date("2026-11-20T10:00:00Z");
const plan = (seed: number) => planReports({ random: seededRandom(seed), today, count: 200, boundary });

describe("the demo report plan", () => {
  it("is the same for the same seed and day", () => {
    expect(plan(7)).toEqual(plan(7));
  });

  it("differs for another seed", () => {
    expect(plan(8).map((p) => p.trackingCode)).not.toEqual(plan(7).map((p) => p.trackingCode));
  });

  it("spans the year before the day, oldest first, with unique codes", () => {
    const reports = plan(7);
    const yearAgo = today.getTime() - 366 * 86_400_000;
    expect(
      reports.every((r) => r.createdAt.getTime() <= today.getTime() && r.createdAt.getTime() >= yearAgo),
    ).toBe(true);
    expect(new Set(reports.map((r) => r.trackingCode)).size).toBe(reports.length);
    const times = reports.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});
