import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  computeDueAt,
  countWorkingDays,
  endOfLocalDay,
  isWorkingDay,
  localDate,
} from "../../../lib/calendar/working-days";

describe("working days", () => {
  it("treats weekends and holidays as non-working", () => {
    expect(isWorkingDay("2026-11-20")).toBe(true); // Friday
    expect(isWorkingDay("2026-11-21")).toBe(false); // Saturday
    expect(isWorkingDay("2026-11-11")).toBe(false); // Armistice Day
    expect(isWorkingDay("2026-04-13")).toBe(false); // Easter Monday
  });

  it("counts a Friday report due in one working day on Monday", () => {
    expect(addWorkingDays({ from: "2026-11-20", days: 1 })).toBe("2026-11-23");
  });

  it("skips the whole Orthodox Easter weekend", () => {
    // Thursday 9 April 2026 + 1 working day: Good Friday to Easter Monday are off.
    expect(addWorkingDays({ from: "2026-04-09", days: 1 })).toBe("2026-04-14");
  });

  it("skips New Year, Christmas and a weekend in one run", () => {
    // Wednesday 31 December 2025 + 3 working days: 1–2 Jan off, 3–4 weekend, 5–6 work, 7 Christmas.
    expect(addWorkingDays({ from: "2025-12-31", days: 3 })).toBe("2026-01-08");
  });

  it("skips Statehood Day and the day moved from Sunday", () => {
    // Friday 13 February 2026 + 1: 14–15 weekend, 16 holiday, 17 moved holiday.
    expect(addWorkingDays({ from: "2026-02-13", days: 1 })).toBe("2026-02-18");
  });

  it("applies the municipality's overrides", () => {
    const localHoliday = [{ date: "2026-11-23", isWorking: false }];
    expect(addWorkingDays({ from: "2026-11-20", days: 1, overrides: localHoliday })).toBe("2026-11-24");
    const workingSaturday = [{ date: "2026-11-21", isWorking: true }];
    expect(addWorkingDays({ from: "2026-11-20", days: 1, overrides: workingSaturday })).toBe("2026-11-21");
  });

  it("counts working days between two dates consistently with adding them", () => {
    for (const days of [1, 2, 5, 10, 15, 30]) {
      const to = addWorkingDays({ from: "2026-04-01", days });
      expect(countWorkingDays({ from: "2026-04-01", to })).toBe(days);
    }
  });
});

describe("due dates in the municipality's time zone", () => {
  it("ends the due day at local midnight, in winter and in summer time", () => {
    expect(endOfLocalDay("2026-01-15").toISOString()).toBe("2026-01-15T22:59:59.999Z");
    expect(endOfLocalDay("2026-07-15").toISOString()).toBe("2026-07-15T21:59:59.999Z");
    expect(endOfLocalDay("2026-03-29").toISOString()).toBe("2026-03-29T21:59:59.999Z");
  });

  it("uses the local date of filing: 23:30 UTC on Friday is already Saturday in Belgrade", () => {
    const createdAt = new Date("2026-11-20T23:30:00Z");
    expect(localDate(createdAt)).toBe("2026-11-21");
    expect(computeDueAt({ createdAt, slaWorkingDays: 1 }).toISOString()).toBe("2026-11-23T22:59:59.999Z");
  });

  it("gives a 10-working-day pothole filed on Thursday 9 April 2026 until Monday 27 April", () => {
    // 10–13 April is Easter; the ten working days are 14–17, 20–24 and 27 April.
    const due = computeDueAt({ createdAt: new Date("2026-04-09T08:00:00Z"), slaWorkingDays: 10 });
    expect(localDate(due)).toBe("2026-04-27");
  });
});
