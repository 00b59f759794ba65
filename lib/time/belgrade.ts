/**
 * Wall-clock time in Europe/Belgrade, where the municipalities are. Belgrade is UTC+1 in winter and
 * UTC+2 from the last Sunday of March to the last Sunday of October, so a fixed "+01:00" is wrong for
 * half the year. Built on Intl (the tz database ships with Node and every browser): no dependency.
 */
export const BELGRADE_TIME_ZONE = "Europe/Belgrade";

const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: BELGRADE_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

export type WallTime = {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
};

/** The Belgrade calendar date and clock reading at an instant. */
export function toBelgradeWallTime(instant: Date): Required<WallTime> {
  const parts = Object.fromEntries(partsFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Minutes Belgrade is ahead of UTC at an instant: 60 in winter, 120 in summer. */
export function belgradeOffsetMinutes(instant: Date): number {
  const w = toBelgradeWallTime(instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - wholeSeconds) / 60_000);
}

/**
 * The instant a Belgrade clock shows this wall time. In the spring gap (02:00–02:59 on the last
 * Sunday of March, which no clock shows) the time is read with the winter offset, i.e. one hour
 * later on the clock; in the autumn overlap (02:00–02:59 twice) the first, summer-time reading wins.
 */
export function fromBelgradeWallTime(wall: WallTime): Date {
  const naive = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour ?? 0,
    wall.minute ?? 0,
    wall.second ?? 0,
  );
  // Try the offsets either side of the moment; keep the first whose instant reads back as the wall time.
  const candidates = [
    naive - belgradeOffsetMinutes(new Date(naive - 12 * 3_600_000)) * 60_000,
    naive - belgradeOffsetMinutes(new Date(naive + 12 * 3_600_000)) * 60_000,
  ].sort((a, b) => a - b);
  for (const t of candidates) {
    const back = toBelgradeWallTime(new Date(t));
    if (back.hour === (wall.hour ?? 0) && back.day === wall.day && back.minute === (wall.minute ?? 0))
      return new Date(t);
  }
  return new Date(naive - belgradeOffsetMinutes(new Date(naive - 12 * 3_600_000)) * 60_000);
}

/** The Belgrade calendar day of an instant as `YYYY-MM-DD`. */
export function belgradeDateKey(instant: Date): string {
  const w = toBelgradeWallTime(instant);
  return `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

/** The instant Belgrade's current day began (00:00 local), whatever the season. */
export function startOfBelgradeDay(instant: Date): Date {
  const w = toBelgradeWallTime(instant);
  return fromBelgradeWallTime({ year: w.year, month: w.month, day: w.day });
}
