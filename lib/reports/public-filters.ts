import { z } from "zod";
import { AppError } from "../errors";
import { statusGroups, type StatusGroup } from "../workflow/states";

/** Filters of the public map and list, as they appear in the page's URL. */
export type PublicFilters = {
  categories: string[];
  statusGroups: StatusGroup[];
  /** Only reports filed in the last N days. */
  periodDays: number | null;
  district: string | null;
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
});

/** Reads `category`, `status` (repeatable or comma separated), `period` and `district`. */
export function parsePublicFilters(params: URLSearchParams): PublicFilters {
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
  });
  if (!parsed.success) throw new AppError({ code: "bad_request", messageKey: "invalidFilter" });
  return {
    categories: parsed.data.category,
    statusGroups: parsed.data.status,
    periodDays: parsed.data.period ? Number(parsed.data.period) : null,
    district: parsed.data.district ?? null,
  };
}

export function filtersToParams(filters: PublicFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.categories.length) params.set("category", filters.categories.join(","));
  if (filters.statusGroups.length) params.set("status", filters.statusGroups.join(","));
  if (filters.periodDays) params.set("period", String(filters.periodDays));
  if (filters.district) params.set("district", filters.district);
  return params;
}

export const noFilters: PublicFilters = {
  categories: [],
  statusGroups: [],
  periodDays: null,
  district: null,
};
