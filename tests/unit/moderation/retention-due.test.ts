import { describe, expect, it } from "vitest";
import { isRetentionDue } from "../../../lib/privacy/retention-due";

describe("isRetentionDue", () => {
  it("is due at night in Belgrade when no run happened in the last 20 hours", () => {
    // 01:30 UTC in winter is 02:30 in Belgrade.
    expect(isRetentionDue({ now: new Date("2026-01-10T01:30:00Z"), lastRunAt: null })).toBe(true);
    expect(
      isRetentionDue({ now: new Date("2026-01-10T01:30:00Z"), lastRunAt: new Date("2026-01-09T01:10:00Z") }),
    ).toBe(true);
  });

  it("is not due twice in one night", () => {
    expect(
      isRetentionDue({ now: new Date("2026-01-10T02:30:00Z"), lastRunAt: new Date("2026-01-10T01:05:00Z") }),
    ).toBe(false);
  });

  it("is not due in the day, and follows summer time", () => {
    expect(isRetentionDue({ now: new Date("2026-01-10T12:00:00Z"), lastRunAt: null })).toBe(false);
    // 00:30 UTC in July is 02:30 in Belgrade (UTC+2); 03:30 UTC is 05:30, too late.
    expect(isRetentionDue({ now: new Date("2026-07-10T00:30:00Z"), lastRunAt: null })).toBe(true);
    expect(isRetentionDue({ now: new Date("2026-07-10T03:30:00Z"), lastRunAt: null })).toBe(false);
  });
});
