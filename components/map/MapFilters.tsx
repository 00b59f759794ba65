import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CategoryOptions } from "@/components/forms/CategoryOptions";
import type { CategoryGroupChoice } from "@/lib/reports/list-categories";
import {
  periods,
  RECENTLY_RESOLVED_DAYS,
  scopeOf,
  scopes,
  type PublicFilters,
} from "@/lib/reports/public-filters";
import { statusGroups } from "@/lib/workflow/states";

/** The public map's filters: a plain GET form, so the filtered map is a link anyone can share. */
export async function MapFilters({
  filters,
  groups,
  districts,
  municipalityCode,
}: {
  filters: PublicFilters;
  groups: CategoryGroupChoice[];
  districts: Array<{ code: string; name: string }>;
  /** Kept in the link when the deployment serves several municipalities. */
  municipalityCode?: string;
}) {
  const t = await getTranslations();
  return (
    <form method="get" action="/" className="map-filters" aria-labelledby="filters-title">
      <h2 id="filters-title">{t("filters.title")}</h2>
      {municipalityCode ? <input type="hidden" name="municipality" value={municipalityCode} /> : null}
      <label htmlFor="filter-show">{t("filters.show")}</label>
      <select id="filter-show" name="show" defaultValue={scopeOf(filters)}>
        {scopes.map((scope) => (
          <option key={scope} value={scope}>
            {t(`filters.scope_${scope}`, { days: RECENTLY_RESOLVED_DAYS })}
          </option>
        ))}
      </select>
      <label htmlFor="filter-category">{t("filters.category")}</label>
      <select id="filter-category" name="category" defaultValue={filters.categories[0] ?? ""}>
        <CategoryOptions groups={groups} emptyLabel={t("filters.allCategories")} />
      </select>
      <fieldset className="inline-choices">
        <legend>{t("filters.status")}</legend>
        {statusGroups.map((s) => (
          <label key={s} className="choice">
            <input
              type="checkbox"
              name="status"
              value={s}
              defaultChecked={filters.statusGroups.includes(s)}
            />
            <span>{t(`statusGroup.${s}`)}</span>
          </label>
        ))}
      </fieldset>
      <label htmlFor="filter-period">{t("filters.period")}</label>
      <select
        id="filter-period"
        name="period"
        defaultValue={filters.periodDays ? String(filters.periodDays) : ""}
      >
        <option value="">{t("filters.anyTime")}</option>
        {periods.map((d) => (
          <option key={d} value={d}>
            {t("filters.days", { days: d })}
          </option>
        ))}
      </select>
      <label htmlFor="filter-district">{t("filters.district")}</label>
      <select id="filter-district" name="district" defaultValue={filters.district ?? ""}>
        <option value="">{t("filters.allDistricts")}</option>
        {districts.map((d) => (
          <option key={d.code} value={d.code}>
            {d.name}
          </option>
        ))}
      </select>
      <div className="row">
        <button type="submit" className="primary">
          {t("filters.apply")}
        </button>
        <Link href={municipalityCode ? `/?municipality=${encodeURIComponent(municipalityCode)}` : "/"}>
          {t("filters.clear")}
        </Link>
      </div>
    </form>
  );
}
