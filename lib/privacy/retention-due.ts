/** Local hour in Belgrade (summer time included). */
function belgradeHour(at: Date): number {
  return Number(
    new Intl.DateTimeFormat("en-GB", {
      hour: "2-digit",
      hourCycle: "h23",
      timeZone: "Europe/Belgrade",
    }).format(at),
  );
}

/**
 * The nightly retention run is due between 02:00 and 05:00 Belgrade time, once: not when a run
 * happened in the last 20 hours (several worker processes may ask; the run is idempotent anyway).
 */
export function isRetentionDue(input: { now: Date; lastRunAt: Date | null }): boolean {
  const hour = belgradeHour(input.now);
  if (hour < 2 || hour >= 5) return false;
  return input.lastRunAt === null || input.now.getTime() - input.lastRunAt.getTime() >= 20 * 3_600_000;
}
