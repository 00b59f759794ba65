import { addDays, isoDate } from "./serbian-holidays";
import { addWorkingDays, isWorkingDay, type CalendarOverride } from "./working-days";

export type OverrideEffect = {
  /** The working day before the override's date: a report filed then runs across it. */
  filedOn: string;
  slaWorkingDays: number;
  dueWithout: string;
  dueWith: string;
};

/**
 * What an override does to due dates: a report filed on the last working day before the date with
 * the given standard, due without the override and with it (the same date when the override
 * changes nothing, e.g. a "working day" that already was one).
 */
export function overrideEffect(input: {
  override: CalendarOverride;
  others: readonly CalendarOverride[];
  slaWorkingDays: number;
}): OverrideEffect {
  const without = input.others.filter((o) => o.date !== input.override.date);
  const withIt = [...without, input.override];
  let cursor = addDays(new Date(`${input.override.date}T00:00:00Z`), -1);
  for (let i = 0; i < 30 && !isWorkingDay(isoDate(cursor), without); i++) cursor = addDays(cursor, -1);
  const filedOn = isoDate(cursor);
  return {
    filedOn,
    slaWorkingDays: input.slaWorkingDays,
    dueWithout: addWorkingDays({ from: filedOn, days: input.slaWorkingDays, overrides: without }),
    dueWith: addWorkingDays({ from: filedOn, days: input.slaWorkingDays, overrides: withIt }),
  };
}
