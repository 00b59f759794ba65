"use client";

import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import type { CategoryGroupChoice } from "@/lib/reports/list-categories";
import { foldForSearch } from "@/lib/i18n/transliterate";

/**
 * The categories as buttons, one tap each: the most used here first, then the rest by group; a
 * search (any script, with or without diacritics) narrows every group at once.
 */
export function CategoryPicker({
  groups,
  popular,
  chosen,
  onChoose,
}: {
  groups: CategoryGroupChoice[];
  popular: string[];
  chosen: string | null;
  onChoose: (serviceCode: string) => void;
}) {
  const t = useTranslations("report");
  const [query, setQuery] = useState("");

  const shown = useMemo(() => {
    const q = foldForSearch(query.trim());
    if (q) {
      return groups
        .map((g) => ({
          ...g,
          categories: g.categories.filter((c) =>
            foldForSearch(`${c.name} ${c.description} ${g.name}`).includes(q),
          ),
        }))
        .filter((g) => g.categories.length > 0);
    }
    const all = groups.flatMap((g) => g.categories);
    const first = popular
      .map((code) => all.find((c) => c.serviceCode === code))
      .filter((c) => c !== undefined);
    const rest = groups
      .map((g) => ({ ...g, categories: g.categories.filter((c) => !popular.includes(c.serviceCode)) }))
      .filter((g) => g.categories.length > 0);
    return first.length > 0 ? [{ code: "popular", name: t("mostUsed"), categories: first }, ...rest] : rest;
  }, [groups, popular, query, t]);

  return (
    <div className="category-picker">
      <label htmlFor="category-search">{t("categorySearch")}</label>
      <input
        id="category-search"
        type="search"
        autoComplete="off"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {shown.length === 0 ? (
        <p className="hint" role="status">
          {t("categoryNone")}
        </p>
      ) : null}
      {shown.map((group) => (
        <section key={group.code} className="category-group" aria-labelledby={`group-${group.code}`}>
          <h3 id={`group-${group.code}`}>{group.name}</h3>
          <ul>
            {group.categories.map((c) => (
              <li key={c.serviceCode}>
                <button
                  type="button"
                  className="category-choice"
                  aria-pressed={chosen === c.serviceCode}
                  data-service={c.serviceCode}
                  onClick={() => onChoose(c.serviceCode)}
                >
                  {c.name}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
