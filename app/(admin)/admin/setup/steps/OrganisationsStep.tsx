"use client";

import { useTranslations } from "next-intl";
import type { OrganisationKind } from "@/lib/onboarding/catalogue";
import { ServiceAreaUpload } from "./ServiceAreaUpload";
import { kinds, type Organisation } from "./setup-shared";
import { useRows } from "./use-rows";

/** Step 4: the organisations, from the catalogue or added, each with an optional service area. */
export function OrganisationsStep({
  value,
  busy,
  onSave,
}: {
  value: Organisation[];
  busy: boolean;
  onSave: (v: unknown) => void;
}) {
  const t = useTranslations("setup");
  const { rows, update, add } = useRows(() => value.map((o) => ({ ...o, include: true })));
  return (
    <form
      aria-labelledby="step-organisations"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(
          rows
            .filter((r) => r.include)
            .map(({ include: _include, ...o }) => ({
              ...o,
              email: o.email || null,
              serviceArea: o.serviceArea ?? null,
            })),
        );
      }}
    >
      <h2 id="step-organisations">{t("step.organisations")}</h2>
      <p className="hint">{t("organisations.hint")}</p>
      {rows.map((o, i) => (
        <fieldset key={i} className="organisation-row">
          <legend>{o.name["sr-Latn"] || t("organisations.new")}</legend>
          <label className="choice">
            <input
              type="checkbox"
              checked={o.include}
              onChange={(e) => update(i, { include: e.target.checked })}
            />
            <span>{t("include")}</span>
          </label>
          <label>
            {t("organisations.nameLatin")}
            <input
              value={o.name["sr-Latn"]}
              onChange={(e) => update(i, { name: { ...o.name, "sr-Latn": e.target.value } })}
            />
          </label>
          <label>
            {t("organisations.nameEnglish")}
            <input
              value={o.name.en}
              onChange={(e) => update(i, { name: { ...o.name, en: e.target.value } })}
            />
          </label>
          <label>
            {t("organisations.code")}
            <input value={o.code} onChange={(e) => update(i, { code: e.target.value })} />
          </label>
          <label>
            {t("organisations.kind")}
            <select value={o.kind} onChange={(e) => update(i, { kind: e.target.value as OrganisationKind })}>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("organisations.sector")}
            <input value={o.sector ?? ""} onChange={(e) => update(i, { sector: e.target.value || null })} />
          </label>
          <label>
            {t("organisations.email")}
            <input
              type="email"
              value={o.email ?? ""}
              onChange={(e) => update(i, { email: e.target.value || null })}
            />
          </label>
          <p className="hint">
            {o.serviceArea ? t("organisations.hasServiceArea") : t("organisations.wholeMunicipality")}
          </p>
          <ServiceAreaUpload
            onArea={(area) => update(i, { serviceArea: area as Organisation["serviceArea"] })}
          />
        </fieldset>
      ))}
      <button
        type="button"
        className="button"
        onClick={() =>
          add({
            code: "",
            kind: "utility_company",
            sector: null,
            name: { "sr-Latn": "", en: "" },
            email: null,
            serviceArea: null,
            include: true,
          })
        }
      >
        {t("organisations.add")}
      </button>
      <button type="submit" className="button primary" disabled={busy}>
        {t("saveStep")}
      </button>
    </form>
  );
}
