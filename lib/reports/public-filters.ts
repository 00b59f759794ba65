import { z } from "zod";
import { AppError } from "../errors";
import { statusGroups, type StatusGroup } from "../workflow/states";

/** "Current" reports: every unfinished one, and those finished (resolved or closed) this many days back. */
export const RECENTLY_RESOLVED_DAYS = 30;

/**
 * Which reports a view holds before the other filters: `current` (unfinished, plus those finished in
 * the last RECENTLY_RESOLVED_DAYS days: what the street looks like now) or `all` (every public report).
 */
export const scopes = ["current", "all"] as const;
export type Scope = (typeof scopes)[number];

/** Filters of the public map and list, as they appear in the page's URL. */
export type PublicFilters = {
  categories: string[];
  statusGroups: StatusGroup[];
  /** Only reports filed in the last N days. */
  periodDays: number | null;
  district: string | null;
  /** Finished reports count only when finished within this many days (the `current` scope); null: all. */
  recentlyFinishedDays: number | null;
};

export const periods = [7, 30, 90, 365] as const;

const schema = z.object({
  category: z.array(z.string().regex(/^[a-z0-9_-]{1,64}$/)).max(50),
  status: z.array(z.enum(statusGroups as [StatusGroup, ...StatusGroup[]])).max(4),
  period: z.enum(["7", "30", "90", "365"]).optional(),
  district: z
    .string()
    .regex(/^[a-z0-9_-]{1,64}$/)
    .optional(),
  show: z.enum(scopes).optional(),
});

/**
 * Reads `category`, `status` (repeatable or comma separated), `period`, `district` and `show`.
 * Without `show` the scope is `defaultScope`: the APIs keep `all` (what their clients have always
 * had); the home page passes `current`.
 */
export function parsePublicFilters(
  params: URLSearchParams,
  { defaultScope = "all" }: { defaultScope?: Scope } = {},
): PublicFilters {
  const list = (name: string) =>
    params
      .getAll(name)
      .flatMap((v) => v.split(","))
      .filter(Boolean);
  const parsed = schema.safeParse({
    category: list("category"),
    status: list("status"),
    period: params.get("period") || undefined,
    district: params.get("district") || undefined,
    show: params.get("show") || undefined,
  });
  if (!parsed.success) throw new AppError({ code: "bad_request", messageKey: "invalidFilter" });
  const scope = parsed.data.show ?? defaultScope;
  return {
    categories: parsed.data.category,
    statusGroups: parsed.data.status,
    periodDays: parsed.data.period ? Number(parsed.data.period) : null,
    district: parsed.data.district ?? null,
    recentlyFinishedDays: scope === "current" ? RECENTLY_RESOLVED_DAYS : null,
  };
}

export function scopeOf(filters: PublicFilters): Scope {
  return filters.recentlyFinishedDays === null ? "all" : "current";
}

/** The filters as query parameters; the scope always written, so a link means the same to every reader. */
export function filtersToParams(filters: PublicFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.categories.length) params.set("category", filters.categories.join(","));
  if (filters.statusGroups.length) params.set("status", filters.statusGroups.join(","));
  if (filters.periodDays) params.set("period", String(filters.periodDays));
  if (filters.district) params.set("district", filters.district);
  params.set("show", scopeOf(filters));
  return params;
}

export const noFilters: PublicFilters = {
  categories: [],
  statusGroups: [],
  periodDays: null,
  district: null,
  recentlyFinishedDays: null,
};

/** The home map's default: current reports, no other filter. */
export const currentReports: PublicFilters = { ...noFilters, recentlyFinishedDays: RECENTLY_RESOLVED_DAYS };
