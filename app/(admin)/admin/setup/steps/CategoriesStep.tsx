"use client";

import { useTranslations } from "next-intl";
import type { CatalogueCategory, OrganisationKind } from "@/lib/onboarding/catalogue";
import { kinds, type Category } from "./setup-shared";
import { useRows } from "./use-rows";

/** Step 5: the categories from the catalogue, each with its service standard and responsible kind. */
export function CategoriesStep({
  value,
  catalogue,
  groups,
  busy,
  onSave,
}: {
  value: Category[] | undefined;
  catalogue: CatalogueCategory[];
  groups: Array<{ code: string; name: string }>;
  busy: boolean;
  onSave: (v: unknown) => void;
}) {
  const t = useTranslations("setup");
  const chosen = new Set((value ?? catalogue).map((c) => c.serviceCode));
  const start = [
    ...(value ?? []),
    ...catalogue.filter((c) => !value?.some((v) => v.serviceCode === c.serviceCode)),
  ];
  const { rows, update } = useRows(() => start.map((c) => ({ ...c, include: chosen.has(c.serviceCode) })));
  return (
    <form
      aria-labelledby="step-categories"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(rows.filter((r) => r.include).map(({ include: _include, ...c }) => c));
      }}
    >
      <h2 id="step-categories">{t("step.categories")}</h2>
      <p className="hint">{t("categories.hint")}</p>
      <table className="categories-table">
        <thead>
          <tr>
            <th scope="col">{t("include")}</th>
            <th scope="col">{t("categories.nameLatin")}</th>
            <th scope="col">{t("categories.nameEnglish")}</th>
            <th scope="col">{t("categories.group")}</th>
            <th scope="col">{t("categories.sla")}</th>
            <th scope="col">{t("categories.kind")}</th>
            <th scope="col">{t("categories.sector")}</th>
            <th scope="col">{t("categories.public")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c, i) => (
            <tr key={c.serviceCode}>
              <td>
                <input
                  type="checkbox"
                  aria-label={t("categories.includeOne", { name: c.name["sr-Latn"] })}
                  checked={c.include}
                  onChange={(e) => update(i, { include: e.target.checked })}
                />
              </td>
              <td>
                <input
                  aria-label={t("categories.nameLatin")}
                  value={c.name["sr-Latn"]}
                  onChange={(e) => update(i, { name: { ...c.name, "sr-Latn": e.target.value } })}
                />
              </td>
              <td>
                <input
                  aria-label={t("categories.nameEnglish")}
                  value={c.name.en}
                  onChange={(e) => update(i, { name: { ...c.name, en: e.target.value } })}
                />
              </td>
              <td>{groups.find((g) => g.code === c.groupCode)?.name ?? c.groupCode}</td>
              <td>
                <input
                  type="number"
                  min={1}
                  max={365}
                  aria-label={t("categories.slaOf", { name: c.name["sr-Latn"] })}
                  value={c.slaWorkingDays}
                  onChange={(e) => update(i, { slaWorkingDays: Number(e.target.value) })}
                />
              </td>
              <td>
                <select
                  aria-label={t("categories.kind")}
                  value={c.responsibleKind}
                  onChange={(e) => update(i, { responsibleKind: e.target.value as OrganisationKind })}
                >
                  {kinds.map((k) => (
                    <option key={k} value={k}>
                      {t(`kind.${k}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  aria-label={t("categories.sector")}
                  value={c.responsibleSector ?? ""}
                  onChange={(e) => update(i, { responsibleSector: e.target.value || null })}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={t("categories.public")}
                  checked={c.isPublic}
                  onChange={(e) => update(i, { isPublic: e.target.checked })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="submit" className="button primary" disabled={busy}>
        {t("saveStep")}
      </button>
    </form>
  );
}
