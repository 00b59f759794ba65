import { addDays, isoDate, serbianHolidays } from "./serbian-holidays";

/** A municipality's own exception: a local holiday (not working) or a decreed working day. */
export type CalendarOverride = { date: string; isWorking: boolean };

export const MUNICIPAL_TIME_ZONE = "Europe/Belgrade";

const holidayCache = new Map<number, Set<string>>();

function holidaysOf(year: number): Set<string> {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(serbianHolidays(year).map((h) => h.date));
    holidayCache.set(year, set);
  }
  return set;
}

export function isWorkingDay(date: string, overrides: readonly CalendarOverride[] = []): boolean {
  const override = overrides.find((o) => o.date === date);
  if (override) return override.isWorking;
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = day.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !holidaysOf(day.getUTCFullYear()).has(date);
}

/**
 * The date `days` working days after `from`: the first counted day is the first working day
 * after `from`. A report filed on Friday with 1 working day is due on Monday (unless Monday is
 * a holiday).
 */
export function addWorkingDays(input: {
  from: string;
  days: number;
  overrides?: readonly CalendarOverride[];
}): string {
  let cursor = new Date(`${input.from}T00:00:00Z`);
  let remaining = input.days;
  while (remaining > 0) {
    cursor = addDays(cursor, 1);
    if (isWorkingDay(isoDate(cursor), input.overrides)) remaining--;
  }
  return isoDate(cursor);
}

/** Working days strictly after `from` up to and including `to` (0 when `to` is not after `from`). */
export function countWorkingDays(input: {
  from: string;
  to: string;
  overrides?: readonly CalendarOverride[];
}): number {
  let count = 0;
  let cursor = new Date(`${input.from}T00:00:00Z`);
  const end = new Date(`${input.to}T00:00:00Z`);
  while (cursor < end) {
    cursor = addDays(cursor, 1);
    if (isWorkingDay(isoDate(cursor), input.overrides)) count++;
  }
  return count;
}

// Building an Intl.DateTimeFormat costs far more than formatting with one (a filing formats several
// dates): one formatter per time zone and kind, kept.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: "date" | "clock", timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format =
      kind === "date"
        ? new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
        : new Intl.DateTimeFormat("en-US", {
            timeZone,
            hourCycle: "h23",
            year: "numeric",
            month: "2-digit",
            day: "2-digit",
            hour: "2-digit",
            minute: "2-digit",
            second: "2-digit",
          });
    formatters.set(key, format);
  }
  return format;
}

/** The calendar date of an instant in the municipality's time zone. */
export function localDate(instant: Date, timeZone = MUNICIPAL_TIME_ZONE): string {
  return formatter("date", timeZone).format(instant);
}

/** The last instant of a local calendar date (23:59:59.999 in the time zone), as a UTC Date. */
export function endOfLocalDay(date: string, timeZone = MUNICIPAL_TIME_ZONE): Date {
  const naiveUtc = new Date(`${date}T23:59:59.999Z`);
  // Offset of the zone at that moment: format the instant there and compare.
  const parts = formatter("clock", timeZone).formatToParts(naiveUtc);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asLocal = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  const offsetMs = asLocal - Math.floor(naiveUtc.getTime() / 1000) * 1000;
  return new Date(naiveUtc.getTime() - offsetMs);
}

/** When a report filed at `createdAt` must be handled by, for a service standard in working days. */
export function computeDueAt(input: {
  createdAt: Date;
  slaWorkingDays: number;
  overrides?: readonly CalendarOverride[];
}): Date {
  const due = addWorkingDays({
    from: localDate(input.createdAt),
    days: input.slaWorkingDays,
    overrides: input.overrides,
  });
  return endOfLocalDay(due);
}
