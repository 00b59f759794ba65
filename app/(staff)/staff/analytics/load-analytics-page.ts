import "server-only";
import { getLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { analyticsMunicipalityId } from "@/lib/analytics/analytics-municipality";
import {
  analyticsFiltersToParams,
  defaultAnalyticsFilters,
  parseAnalyticsFilters,
  type AnalyticsFilters,
} from "@/lib/analytics/filters";
import { getAnalyticsOverview } from "@/lib/analytics/get-analytics-overview";
import type { SessionUser } from "@/lib/auth/staff-user";
import { isAppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * What the workspace and its printable summary both need: the filters read from the URL with the
 * API's own schema (a bad value is reported and the defaults shown instead), and every figure.
 */
export async function loadAnalyticsPage(input: { user: SessionUser; searchParams: SearchParams; now: Date }) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(input.searchParams)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  let filters: AnalyticsFilters;
  let filterError: { key: string; fields: string } | null = null;
  try {
    filters = parseAnalyticsFilters(params, input.now);
  } catch (err) {
    if (!isAppError(err)) throw err;
    filterError = { key: err.messageKey, fields: String(err.details?.fields ?? "") };
    filters = defaultAnalyticsFilters(input.now);
  }
  const db = await getDb();
  const locale = (await getLocale()) as Locale;
  const municipalityId = await analyticsMunicipalityId({ db, user: input.user });
  const overview = await getAnalyticsOverview({ db, municipalityId, filters, locale, now: input.now });
  const query = analyticsFiltersToParams(filters);
  query.delete("layer");
  return { db, locale, municipalityId, filters, filterError, overview, query: query.toString() };
}
