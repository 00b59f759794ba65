import { describe, expect, it } from "vitest";
import { orthodoxEaster, serbianHolidays, isoDate } from "../../../lib/calendar/serbian-holidays";

describe("Orthodox Easter", () => {
  it.each([
    [2024, "2024-05-05"],
    [2025, "2025-04-20"],
    [2026, "2026-04-12"],
    [2027, "2027-05-02"],
    [2028, "2028-04-16"],
    [2021, "2021-05-02"],
  ])("falls in %i on %s", (year, date) => {
    expect(isoDate(orthodoxEaster(year))).toBe(date);
  });
});

describe("Serbian non-working public holidays", () => {
  const dates = (year: number) => serbianHolidays(year).map((h) => h.date);

  it.each([
    [
      2024,
      [
        "2024-01-01",
        "2024-01-02",
        "2024-01-07",
        "2024-02-15",
        "2024-02-16",
        "2024-05-01",
        "2024-05-02",
        "2024-05-03",
        "2024-05-04",
        "2024-05-05",
        "2024-05-06",
        "2024-11-11",
      ],
    ],
    [
      2025,
      [
        "2025-01-01",
        "2025-01-02",
        "2025-01-07",
        "2025-02-15",
        "2025-02-16",
        "2025-02-17",
        "2025-04-18",
        "2025-04-19",
        "2025-04-20",
        "2025-04-21",
        "2025-05-01",
        "2025-05-02",
        "2025-11-11",
      ],
    ],
    [
      2026,
      [
        "2026-01-01",
        "2026-01-02",
        "2026-01-07",
        "2026-02-15",
        "2026-02-16",
        "2026-02-17",
        "2026-04-10",
        "2026-04-11",
        "2026-04-12",
        "2026-04-13",
        "2026-05-01",
        "2026-05-02",
        "2026-11-11",
      ],
    ],
    [
      2027,
      [
        "2027-01-01",
        "2027-01-02",
        "2027-01-07",
        "2027-02-15",
        "2027-02-16",
        "2027-04-30",
        "2027-05-01",
        "2027-05-02",
        "2027-05-03",
        "2027-05-04",
        "2027-11-11",
      ],
    ],
    [
      2028,
      [
        "2028-01-01",
        "2028-01-02",
        "2028-01-03",
        "2028-01-07",
        "2028-02-15",
        "2028-02-16",
        "2028-04-14",
        "2028-04-15",
        "2028-04-16",
        "2028-04-17",
        "2028-05-01",
        "2028-05-02",
        "2028-11-11",
      ],
    ],
  ])("in %i are exactly the listed days", (year, expected) => {
    expect(dates(year)).toEqual(expected);
  });

  it("moves Armistice Day on a Sunday to Monday", () => {
    expect(dates(2029)).toContain("2029-11-12");
  });

  it("does not move Orthodox Christmas when it falls on a Sunday", () => {
    // 7 January 2024 was a Sunday; 8 January was a working day.
    expect(dates(2024)).not.toContain("2024-01-08");
  });
});
