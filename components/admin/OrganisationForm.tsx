"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useAdminForm } from "./use-admin-form";

const kinds = ["contact_centre", "department", "inspectorate", "utility_company"] as const;

export type OrganisationValues = {
  code: string;
  name: { "sr-Latn": string; en: string };
  kind: (typeof kinds)[number];
  sector: string;
  email: string;
  phone: string;
  active: boolean;
};

/** An organisation's details: create (no id) or edit. Serbian is typed once in Latin; Cyrillic follows. */
export function OrganisationForm({ id, initial }: { id?: number; initial?: OrganisationValues }) {
  const t = useTranslations("admin");
  const router = useRouter();
  const form = useAdminForm();
  const [v, setV] = useState<OrganisationValues>(
    initial ?? {
      code: "",
      name: { "sr-Latn": "", en: "" },
      kind: "utility_company",
      sector: "",
      email: "",
      phone: "",
      active: true,
    },
  );
  const set = <K extends keyof OrganisationValues>(k: K, value: OrganisationValues[K]) =>
    setV((old) => ({ ...old, [k]: value }));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const saved = await form.send<{ id: number }>(
      id ? `/api/admin/organisations/${id}` : "/api/admin/organisations",
      id ? "PUT" : "POST",
      v,
    );
    if (saved && !id) router.push(`/admin/organisations/${saved.id}?created=1`);
  };

  return (
    <form className="admin-form" onSubmit={submit} noValidate aria-labelledby="organisation-form-title">
      <h2 id="organisation-form-title">{t("organisations.details")}</h2>
      <label htmlFor="org-code">{t("organisations.code")}</label>
      <input
        {...form.field("org-code", "code", "org-code-hint")}
        value={v.code}
        required
        onChange={(e) => set("code", e.target.value)}
      />
      <span id="org-code-hint" className="hint">
        {t("organisations.codeHint")}
      </span>
      {form.fieldError("org-code", "code")}
      <label htmlFor="org-name-sr">{t("nameSr")}</label>
      <input
        {...form.field("org-name-sr", "name.sr-Latn")}
        value={v.name["sr-Latn"]}
        required
        onChange={(e) => set("name", { ...v.name, "sr-Latn": e.target.value })}
      />
      {form.fieldError("org-name-sr", "name.sr-Latn")}
      <label htmlFor="org-name-en">{t("nameEn")}</label>
      <input
        {...form.field("org-name-en", "name.en")}
        value={v.name.en}
        required
        onChange={(e) => set("name", { ...v.name, en: e.target.value })}
      />
      {form.fieldError("org-name-en", "name.en")}
      <label htmlFor="org-kind">{t("organisations.kind")}</label>
      <select
        {...form.field("org-kind", "kind")}
        value={v.kind}
        onChange={(e) => set("kind", e.target.value as OrganisationValues["kind"])}
      >
        {kinds.map((k) => (
          <option key={k} value={k}>
            {t(`kind.${k}`)}
          </option>
        ))}
      </select>
      <label htmlFor="org-sector">{t("sector")}</label>
      <input
        {...form.field("org-sector", "sector", "org-sector-hint")}
        value={v.sector}
        onChange={(e) => set("sector", e.target.value)}
      />
      <span id="org-sector-hint" className="hint">
        {t("sectorHint", { examples: "water, waste, lighting, roads" })}
      </span>
      {form.fieldError("org-sector", "sector")}
      <label htmlFor="org-email">{t("organisations.email")}</label>
      <input
        {...form.field("org-email", "email")}
        type="email"
        value={v.email}
        onChange={(e) => set("email", e.target.value)}
      />
      {form.fieldError("org-email", "email")}
      <label htmlFor="org-phone">{t("organisations.phone")}</label>
      <input
        {...form.field("org-phone", "phone")}
        type="tel"
        value={v.phone}
        onChange={(e) => set("phone", e.target.value)}
      />
      {form.fieldError("org-phone", "phone")}
      <label className="choice">
        <input type="checkbox" checked={v.active} onChange={(e) => set("active", e.target.checked)} />
        <span>{t("organisations.active")}</span>
      </label>
      <p className="hint">{t("organisations.activeHint")}</p>
      {form.status}
      <button type="submit" disabled={form.busy}>
        {id ? t("save") : t("organisations.create")}
      </button>
    </form>
  );
}
