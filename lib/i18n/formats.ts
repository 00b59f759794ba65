import type { Formats } from "next-intl";
import { BELGRADE_TIME_ZONE } from "../time/belgrade";

/** Every date is shown in the municipalities' time zone, whichever zone the server or phone is in. */
export const timeZone = BELGRADE_TIME_ZONE;

/**
 * The app's named date formats: `format.dateTime(date, "medium")`. The time zone comes from the
 * request config (and the client provider inherits it), so pages never repeat it.
 */
export const formats = {
  dateTime: {
    short: { dateStyle: "short" },
    medium: { dateStyle: "medium" },
    long: { dateStyle: "long" },
    full: { dateStyle: "full" },
    shortWithTime: { dateStyle: "short", timeStyle: "short" },
    mediumWithTime: { dateStyle: "medium", timeStyle: "short" },
  },
} satisfies Formats;

/** A formatted date for the end of a sentence: Serbian dates end in a full stop, the sentence brings its own. */
export function withoutFinalStop(formatted: string): string {
  return formatted.replace(/\.$/, "");
}

export type DateFormatName = keyof typeof formats.dateTime;

declare module "use-intl" {
  interface AppConfig {
    Formats: typeof formats;
  }
}
