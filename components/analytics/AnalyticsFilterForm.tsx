import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { analyticsFiltersToParams, periodPresets, type AnalyticsFilters } from "@/lib/analytics/filters";
import type { CategoryGroupChoice } from "@/lib/reports/list-categories";

type Choice = { code: string; name: string };

/**
 * The workspace's filters: a plain GET form, so the filtered workspace is a link a planner can
 * send to a colleague. Quick periods are links that keep the other filters.
 */
export async function AnalyticsFilterForm({
  filters,
  categoryGroups,
  organisations,
  districts,
  now,
}: {
  filters: AnalyticsFilters;
  categoryGroups: CategoryGroupChoice[];
  organisations: Choice[];
  districts: Choice[];
  now: Date;
}) {
  const t = await getTranslations("analytics");
  const presets = periodPresets(now);
  const presetHref = (range: { from: string; to: string }) => {
    const params = analyticsFiltersToParams({ ...filters, ...range });
    return `/staff/analytics?${params}`;
  };
  return (
    <form
      method="get"
      action="/staff/analytics"
      className="analytics-filters no-print"
      aria-labelledby="analytics-filters-title"
    >
      <h2 id="analytics-filters-title">{t("filtersTitle")}</h2>
      <fieldset>
        <legend>{t("period")}</legend>
        <div className="row">
          <label>
            {t("from")} <input type="date" name="from" defaultValue={filters.from} required />
          </label>
          <label>
            {t("to")} <input type="date" name="to" defaultValue={filters.to} required />
          </label>
        </div>
        <ul className="presets">
          {(["last30", "last90", "lastQuarter", "last365"] as const).map((key) => (
            <li key={key}>
              <Link
                href={presetHref(presets[key])}
                aria-current={
                  presets[key].from === filters.from && presets[key].to === filters.to ? "true" : undefined
                }
              >
                {t(`preset_${key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </fieldset>
      <label htmlFor="analytics-category">{t("categories")}</label>
      <select id="analytics-category" name="category" multiple size={6} defaultValue={filters.categories}>
        {categoryGroups.map((g) => (
          <optgroup key={g.code} label={g.name}>
            {g.categories.map((c) => (
              <option key={c.serviceCode} value={c.serviceCode}>
                {c.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <label htmlFor="analytics-organisation">{t("organisations")}</label>
      <select
        id="analytics-organisation"
        name="organisation"
        multiple
        size={4}
        defaultValue={filters.organisations}
      >
        {organisations.map((o) => (
          <option key={o.code} value={o.code}>
            {o.name}
          </option>
        ))}
      </select>
      <label htmlFor="analytics-district">{t("districts")}</label>
      <select id="analytics-district" name="district" multiple size={4} defaultValue={filters.districts}>
        {districts.map((d) => (
          <option key={d.code} value={d.code}>
            {d.name}
          </option>
        ))}
      </select>
      <p className="hint">{t("multiHint")}</p>
      <fieldset>
        <legend>{t("hotspotSettings")}</legend>
        <div className="row">
          <label>
            {t("eps")}{" "}
            <input
              type="number"
              name="eps"
              min={10}
              max={2000}
              step={10}
              defaultValue={filters.epsMetres}
              required
            />
          </label>
          <label>
            {t("minPoints")}{" "}
            <input
              type="number"
              name="minPoints"
              min={2}
              max={100}
              defaultValue={filters.minPoints}
              required
            />
          </label>
        </div>
      </fieldset>
      <label htmlFor="analytics-bucket">{t("bucket")}</label>
      <select id="analytics-bucket" name="bucket" defaultValue={filters.bucket}>
        <option value="week">{t("bucket_week")}</option>
        <option value="month">{t("bucket_month")}</option>
      </select>
      <input type="hidden" name="layer" value={filters.layer} />
      <div className="row">
        <button type="submit" className="primary">
          {t("apply")}
        </button>
        <Link href="/staff/analytics">{t("reset")}</Link>
      </div>
    </form>
  );
}
