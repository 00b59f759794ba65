import { describe, expect, it } from "vitest";
import {
  belgradeDateKey,
  belgradeOffsetMinutes,
  fromBelgradeWallTime,
  startOfBelgradeDay,
} from "@/lib/time/belgrade";

describe("Belgrade wall time", () => {
  it("is one hour ahead of UTC in winter and two in summer", () => {
    expect(belgradeOffsetMinutes(new Date("2026-01-15T12:00:00Z"))).toBe(60);
    expect(belgradeOffsetMinutes(new Date("2026-07-15T12:00:00Z"))).toBe(120);
  });

  it("switches to summer time at 01:00 UTC on the last Sunday of March", () => {
    expect(belgradeOffsetMinutes(new Date("2026-03-29T00:59:59Z"))).toBe(60);
    expect(belgradeOffsetMinutes(new Date("2026-03-29T01:00:00Z"))).toBe(120);
  });

  it("switches back to winter time at 01:00 UTC on the last Sunday of October", () => {
    expect(belgradeOffsetMinutes(new Date("2026-10-25T00:59:59Z"))).toBe(120);
    expect(belgradeOffsetMinutes(new Date("2026-10-25T01:00:00Z"))).toBe(60);
  });

  it("reads a summer wall time with the summer offset", () => {
    expect(fromBelgradeWallTime({ year: 2026, month: 7, day: 15, hour: 9, minute: 30 }).toISOString()).toBe(
      "2026-07-15T07:30:00.000Z",
    );
    expect(fromBelgradeWallTime({ year: 2026, month: 1, day: 15, hour: 9, minute: 30 }).toISOString()).toBe(
      "2026-01-15T08:30:00.000Z",
    );
  });

  it("reads wall times either side of the spring change with the right offsets", () => {
    expect(fromBelgradeWallTime({ year: 2026, month: 3, day: 29, hour: 1, minute: 30 }).toISOString()).toBe(
      "2026-03-29T00:30:00.000Z",
    );
    expect(fromBelgradeWallTime({ year: 2026, month: 3, day: 29, hour: 3, minute: 30 }).toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
    // 02:30 never shows on a Belgrade clock that night; read as winter time (= 03:30 summer time).
    expect(fromBelgradeWallTime({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }).toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
  });

  it("reads wall times either side of the autumn change, the repeated hour as summer time", () => {
    expect(fromBelgradeWallTime({ year: 2026, month: 10, day: 25, hour: 1, minute: 30 }).toISOString()).toBe(
      "2026-10-24T23:30:00.000Z",
    );
    expect(fromBelgradeWallTime({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }).toISOString()).toBe(
      "2026-10-25T00:30:00.000Z",
    );
    expect(fromBelgradeWallTime({ year: 2026, month: 10, day: 25, hour: 3, minute: 30 }).toISOString()).toBe(
      "2026-10-25T02:30:00.000Z",
    );
  });

  it("starts the Belgrade day at local midnight in both seasons", () => {
    // 23:30 on 15 July, then 00:30 on 16 July in Belgrade.
    expect(startOfBelgradeDay(new Date("2026-07-15T21:30:00Z")).toISOString()).toBe(
      "2026-07-14T22:00:00.000Z",
    );
    expect(startOfBelgradeDay(new Date("2026-07-15T22:30:00Z")).toISOString()).toBe(
      "2026-07-15T22:00:00.000Z",
    );
    expect(startOfBelgradeDay(new Date("2026-01-15T23:30:00Z")).toISOString()).toBe(
      "2026-01-15T23:00:00.000Z",
    );
    // The days of the changes are 23 and 25 hours long; both start at 00:00 local.
    expect(startOfBelgradeDay(new Date("2026-03-29T20:00:00Z")).toISOString()).toBe(
      "2026-03-28T23:00:00.000Z",
    );
    expect(startOfBelgradeDay(new Date("2026-10-25T20:00:00Z")).toISOString()).toBe(
      "2026-10-24T22:00:00.000Z",
    );
  });

  it("names the Belgrade calendar day, not the UTC one, just after local midnight", () => {
    expect(belgradeDateKey(new Date("2026-07-15T22:30:00Z"))).toBe("2026-07-16");
    expect(belgradeDateKey(new Date("2026-01-15T23:30:00Z"))).toBe("2026-01-16");
  });
});

describe("CSV import dates in Belgrade time", () => {
  it("reads a Serbian-style summer date and time with the summer offset", async () => {
    const { parseDate } = await import("@/lib/import/read-row");
    expect(parseDate("14.07.2025. 09:30")?.toISOString()).toBe("2025-07-14T07:30:00.000Z");
    expect(parseDate("14.01.2025. 09:30")?.toISOString()).toBe("2025-01-14T08:30:00.000Z");
  });

  it("keeps a bare date on its Belgrade day in both seasons", async () => {
    const { parseDate } = await import("@/lib/import/read-row");
    expect(parseDate("2025-07-14")?.toISOString()).toBe("2025-07-14T10:00:00.000Z");
    expect(parseDate("2025-01-14")?.toISOString()).toBe("2025-01-14T11:00:00.000Z");
    expect(parseDate("2025-02-30")).toBeNull();
  });
});

describe("dates inside sentences", () => {
  it("drops the Serbian date's own full stop so the sentence does not end in two", async () => {
    const { withoutFinalStop } = await import("@/lib/i18n/formats");
    const serbian = new Intl.DateTimeFormat("sr-Latn-RS", {
      dateStyle: "medium",
      timeZone: "Europe/Belgrade",
    }).format(new Date("2026-12-11T10:00:00Z"));
    expect(serbian.endsWith(".")).toBe(true);
    expect(`do ${withoutFinalStop(serbian)}.`).not.toMatch(/\.\.$/);
    expect(withoutFinalStop("11 Dec 2026")).toBe("11 Dec 2026");
  });
});
