/**
 * Public holidays of the Republic of Serbia on which work stops (Law on State and Other Holidays):
 * New Year 1–2 Jan, Orthodox Christmas 7 Jan, Statehood Day 15–16 Feb, Labour Day 1–2 May,
 * Orthodox Good Friday to Easter Monday, Armistice Day 11 Nov. When New Year, Statehood Day,
 * Labour Day or Armistice Day falls on a Sunday, the first following working day is also off
 * (art. 3); religious holidays do not move.
 */
export type Holiday = { date: string; key: HolidayKey };

export type HolidayKey =
  | "new_year"
  | "christmas"
  | "statehood_day"
  | "labour_day"
  | "good_friday"
  | "holy_saturday"
  | "easter_sunday"
  | "easter_monday"
  | "armistice_day"
  | "moved_from_sunday";

/** ISO date (yyyy-mm-dd) of a UTC-midnight Date. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/**
 * Orthodox Easter Sunday as a Gregorian date: the Julian computus (Meeus), then the Julian →
 * Gregorian offset for the year (13 days from 1900 to 2099).
 */
export function orthodoxEaster(year: number): Date {
  const a = year % 4;
  const b = year % 7;
  const c = year % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31);
  const day = ((d + e + 114) % 31) + 1;
  const julianToGregorian = Math.floor(year / 100) - Math.floor(year / 400) - 2;
  return addDays(utcDate(year, month, day), julianToGregorian);
}

export function serbianHolidays(year: number): Holiday[] {
  const easter = orthodoxEaster(year);
  const fixed: Holiday[] = [
    { date: isoDate(utcDate(year, 1, 1)), key: "new_year" },
    { date: isoDate(utcDate(year, 1, 2)), key: "new_year" },
    { date: isoDate(utcDate(year, 1, 7)), key: "christmas" },
    { date: isoDate(utcDate(year, 2, 15)), key: "statehood_day" },
    { date: isoDate(utcDate(year, 2, 16)), key: "statehood_day" },
    { date: isoDate(utcDate(year, 5, 1)), key: "labour_day" },
    { date: isoDate(utcDate(year, 5, 2)), key: "labour_day" },
    { date: isoDate(utcDate(year, 11, 11)), key: "armistice_day" },
  ];
  const easterDays: Holiday[] = [
    { date: isoDate(addDays(easter, -2)), key: "good_friday" },
    { date: isoDate(addDays(easter, -1)), key: "holy_saturday" },
    { date: isoDate(easter), key: "easter_sunday" },
    { date: isoDate(addDays(easter, 1)), key: "easter_monday" },
  ];
  // Easter can fall on Labour Day (2027): one entry per date, the fixed holiday's name first.
  const taken = new Set<string>();
  const all: Holiday[] = [];
  for (const holiday of [...fixed, ...easterDays]) {
    if (taken.has(holiday.date)) continue;
    taken.add(holiday.date);
    all.push(holiday);
  }
  const movable: HolidayKey[] = ["new_year", "statehood_day", "labour_day", "armistice_day"];
  for (const holiday of fixed) {
    if (!movable.includes(holiday.key)) continue;
    const day = new Date(`${holiday.date}T00:00:00Z`);
    if (day.getUTCDay() !== 0) continue;
    let next = addDays(day, 1);
    while (taken.has(isoDate(next)) || next.getUTCDay() === 6 || next.getUTCDay() === 0)
      next = addDays(next, 1);
    taken.add(isoDate(next));
    all.push({ date: isoDate(next), key: "moved_from_sunday" });
  }
  return all.sort((x, y) => x.date.localeCompare(y.date));
}
