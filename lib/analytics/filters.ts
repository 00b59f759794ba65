import { z } from "zod";
import { endOfLocalDay, localDate } from "../calendar/working-days";
import { addDays, isoDate } from "../calendar/serbian-holidays";
import { AppError } from "../errors";

/**
 * The analytics workspace's filters, as they appear in the URL of the page and of every API call
 * behind it: the page and the route handlers parse them with this one schema, so a link copied
 * from the address bar shows the same figures a download returns.
 */
export const analyticsLayers = ["choropleth", "hexagons", "heatmap"] as const;
export type AnalyticsLayer = (typeof analyticsLayers)[number];

export const volumeBuckets = ["week", "month"] as const;
export type VolumeBucket = (typeof volumeBuckets)[number];

/** Longest period one query may cover: three years, enough for year-on-year comparisons. */
export const MAX_PERIOD_DAYS = 1096;
/** Default period when none is given: the last 90 days. */
export const DEFAULT_PERIOD_DAYS = 90;

const code = z.string().regex(/^[a-z0-9_-]{1,64}$/);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => {
    const date = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && isoDate(date) === v;
  });

export const analyticsFiltersSchema = z
  .object({
    from: day,
    to: day,
    categories: z.array(code).max(50),
    organisations: z.array(code).max(50),
    districts: z.array(code).max(100),
    layer: z.enum(analyticsLayers),
    bucket: z.enum(volumeBuckets),
    /** DBSCAN neighbourhood radius in metres and the points a cluster needs at least. */
    epsMetres: z.coerce.number().int().min(10).max(2000),
    minPoints: z.coerce.number().int().min(2).max(100),
  })
  .refine((f) => f.from <= f.to, { path: ["to"], message: "periodReversed" })
  .refine((f) => daysBetween(f.from, f.to) < MAX_PERIOD_DAYS, { path: ["from"], message: "periodTooLong" });

export type AnalyticsFilters = z.infer<typeof analyticsFiltersSchema>;

export const defaultHotspotParams = { epsMetres: 150, minPoints: 5 } as const;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The filters a page opens with: the last 90 days up to today (local calendar), everything else open. */
export function defaultAnalyticsFilters(now: Date = new Date()): AnalyticsFilters {
  const to = localDate(now);
  return {
    from: isoDate(addDays(new Date(`${to}T00:00:00Z`), -(DEFAULT_PERIOD_DAYS - 1))),
    to,
    categories: [],
    organisations: [],
    districts: [],
    layer: "choropleth",
    bucket: "week",
    ...defaultHotspotParams,
  };
}

/**
 * Reads the filters from a query string: `from`, `to` (local dates, inclusive), `category`,
 * `organisation`, `district` (codes, repeated or comma separated), `layer`, `bucket`, `eps`,
 * `minPoints`. Missing values take the defaults; a bad value is refused as a whole.
 */
export function parseAnalyticsFilters(params: URLSearchParams, now: Date = new Date()): AnalyticsFilters {
  const defaults = defaultAnalyticsFilters(now);
  const list = (name: string) =>
    params
      .getAll(name)
      .flatMap((v) => v.split(","))
      .filter(Boolean);
  const single = (name: string) => params.get(name)?.trim() || undefined;
  const parsed = analyticsFiltersSchema.safeParse({
    from:
      single("from") ??
      (single("to")
        ? isoDate(addDays(new Date(`${single("to")}T00:00:00Z`), -(DEFAULT_PERIOD_DAYS - 1)))
        : defaults.from),
    to: single("to") ?? defaults.to,
    categories: list("category"),
    organisations: list("organisation"),
    districts: list("district"),
    layer: single("layer") ?? defaults.layer,
    bucket: single("bucket") ?? defaults.bucket,
    epsMetres: single("eps") ?? defaults.epsMetres,
    minPoints: single("minPoints") ?? defaults.minPoints,
  });
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join("."));
    throw new AppError({
      code: "bad_request",
      messageKey: "invalidAnalyticsFilter",
      details: { fields: fields.join(", ") },
    });
  }
  return parsed.data;
}

/** The query string of a set of filters (defaults left out is not attempted: links stay explicit). */
export function analyticsFiltersToParams(filters: AnalyticsFilters): URLSearchParams {
  const params = new URLSearchParams();
  params.set("from", filters.from);
  params.set("to", filters.to);
  if (filters.categories.length) params.set("category", filters.categories.join(","));
  if (filters.organisations.length) params.set("organisation", filters.organisations.join(","));
  if (filters.districts.length) params.set("district", filters.districts.join(","));
  params.set("layer", filters.layer);
  params.set("bucket", filters.bucket);
  params.set("eps", String(filters.epsMetres));
  params.set("minPoints", String(filters.minPoints));
  return params;
}

export type PeriodBounds = {
  /** First instant of `from` in the municipality's time zone. */
  start: Date;
  /** First instant after `to` (exclusive). */
  end: Date;
  /** The previous period of equal length, ending where this one starts. */
  previousStart: Date;
};

export function periodBounds(filters: Pick<AnalyticsFilters, "from" | "to">): PeriodBounds {
  const start = new Date(
    endOfLocalDay(isoDate(addDays(new Date(`${filters.from}T00:00:00Z`), -1))).getTime() + 1,
  );
  const end = new Date(endOfLocalDay(filters.to).getTime() + 1);
  return { start, end, previousStart: new Date(start.getTime() - (end.getTime() - start.getTime())) };
}

/** Quick periods offered next to the date fields. `lastQuarter` is the previous calendar quarter. */
export function periodPresets(
  now: Date = new Date(),
): Record<"last30" | "last90" | "lastQuarter" | "last365", { from: string; to: string }> {
  const today = localDate(now);
  const back = (days: number) => isoDate(addDays(new Date(`${today}T00:00:00Z`), -(days - 1)));
  const [year, month] = today.split("-").map(Number) as [number, number];
  const quarterStartMonth = Math.floor((month - 1) / 3) * 3; // 0-based month the current quarter starts in
  const previousStart = new Date(Date.UTC(year, quarterStartMonth - 3, 1));
  const previousEnd = new Date(Date.UTC(year, quarterStartMonth, 0));
  return {
    last30: { from: back(30), to: today },
    last90: { from: back(90), to: today },
    lastQuarter: { from: isoDate(previousStart), to: isoDate(previousEnd) },
    last365: { from: back(365), to: today },
  };
}
