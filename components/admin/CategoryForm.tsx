"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { QuestionsEditor, questionsForApi, type QuestionValues } from "./QuestionsEditor";
import { useAdminForm } from "./use-admin-form";

const kinds = ["contact_centre", "department", "inspectorate", "utility_company"] as const;
type Text = { "sr-Latn": string; en: string };

export type CategoryValues = {
  serviceCode: string;
  groupId: number;
  name: Text;
  description: Text;
  responsibleKind: (typeof kinds)[number];
  responsibleSector: string;
  slaWorkingDays: string;
  pauseSlaWhenScheduled: boolean;
  duplicateRadiusMetres: string;
  questions: QuestionValues[];
  locationPrecisionMetres: string;
  checksPermitCoverage: boolean;
  isPublic: boolean;
  active: boolean;
  sortOrder: string;
};

type Props = {
  id?: number;
  initial?: CategoryValues;
  groups: Array<{ id: number; name: string }>;
  radius: { min: number; max: number };
};

/** Creates or edits a service category; numbers are sent as numbers, an empty precision as "exact". */
export function CategoryForm({ id, initial, groups, radius }: Props) {
  const t = useTranslations("admin");
  const router = useRouter();
  const form = useAdminForm();
  const [v, setV] = useState<CategoryValues>(
    initial ?? {
      serviceCode: "",
      groupId: groups[0]?.id ?? 0,
      name: { "sr-Latn": "", en: "" },
      description: { "sr-Latn": "", en: "" },
      responsibleKind: "utility_company",
      responsibleSector: "",
      slaWorkingDays: "5",
      pauseSlaWhenScheduled: false,
      duplicateRadiusMetres: "50",
      questions: [],
      locationPrecisionMetres: "",
      checksPermitCoverage: false,
      isPublic: true,
      active: true,
      sortOrder: "0",
    },
  );
  const set = <K extends keyof CategoryValues>(k: K, value: CategoryValues[K]) =>
    setV((old) => ({ ...old, [k]: value }));
  const num = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const body = {
      ...v,
      slaWorkingDays: num(v.slaWorkingDays),
      duplicateRadiusMetres: num(v.duplicateRadiusMetres),
      locationPrecisionMetres:
        v.locationPrecisionMetres.trim() === "" ? null : num(v.locationPrecisionMetres),
      sortOrder: num(v.sortOrder),
      questions: questionsForApi(v.questions),
    };
    const saved = await form.send<{ id: number }>(
      id ? `/api/admin/categories/${id}` : "/api/admin/categories",
      id ? "PUT" : "POST",
      body,
    );
    if (saved && !id) router.push(`/admin/categories?created=${saved.id}`);
  };

  const text = (key: "name" | "description", lang: "sr-Latn" | "en", label: string, multiline = false) => {
    const fid = `cat-${key}-${lang}`;
    const props = {
      ...form.field(fid, `${key}.${lang}`),
      value: v[key][lang],
      onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
        set(key, { ...v[key], [lang]: e.target.value }),
    };
    return (
      <>
        <label htmlFor={fid}>{label}</label>
        {multiline ? <textarea rows={2} {...props} /> : <input {...props} />}
        {form.fieldError(fid, `${key}.${lang}`)}
      </>
    );
  };

  return (
    <form className="admin-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t("categories.identity")}</legend>
        <label htmlFor="cat-code">{t("categories.serviceCode")}</label>
        <input
          {...form.field("cat-code", "serviceCode", "cat-code-hint")}
          value={v.serviceCode}
          onChange={(e) => set("serviceCode", e.target.value)}
        />
        <span id="cat-code-hint" className="hint">
          {t("categories.serviceCodeHint", { field: "Open311 service_code" })}
        </span>
        {form.fieldError("cat-code", "serviceCode")}
        <label htmlFor="cat-group">{t("categories.group")}</label>
        <select
          {...form.field("cat-group", "groupId")}
          value={v.groupId}
          onChange={(e) => set("groupId", Number(e.target.value))}
        >
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
        {text("name", "sr-Latn", t("nameSr"))}
        {text("name", "en", t("nameEn"))}
        {text("description", "sr-Latn", t("descriptionSr"), true)}
        {text("description", "en", t("descriptionEn"), true)}
      </fieldset>
      <fieldset>
        <legend>{t("categories.handling")}</legend>
        <label htmlFor="cat-kind">{t("categories.responsibleKind")}</label>
        <select
          id="cat-kind"
          value={v.responsibleKind}
          onChange={(e) => set("responsibleKind", e.target.value as CategoryValues["responsibleKind"])}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
        <label htmlFor="cat-sector">{t("sector")}</label>
        <input
          {...form.field("cat-sector", "responsibleSector", "cat-sector-hint")}
          value={v.responsibleSector}
          onChange={(e) => set("responsibleSector", e.target.value)}
        />
        <span id="cat-sector-hint" className="hint">
          {t("sectorHint", { examples: "water, waste, lighting, roads" })}
        </span>
        {form.fieldError("cat-sector", "responsibleSector")}
        <label htmlFor="cat-sla">{t("categories.sla")}</label>
        <input
          {...form.field("cat-sla", "slaWorkingDays", "cat-sla-hint")}
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          value={v.slaWorkingDays}
          onChange={(e) => set("slaWorkingDays", e.target.value)}
        />
        <span id="cat-sla-hint" className="hint">
          {t("categories.slaHint")}
        </span>
        {form.fieldError("cat-sla", "slaWorkingDays")}
        <label className="choice">
          <input
            type="checkbox"
            checked={v.pauseSlaWhenScheduled}
            onChange={(e) => set("pauseSlaWhenScheduled", e.target.checked)}
          />
          <span>{t("categories.pause")}</span>
        </label>
        <label htmlFor="cat-radius">{t("categories.radius", radius)}</label>
        <input
          {...form.field("cat-radius", "duplicateRadiusMetres")}
          type="number"
          inputMode="numeric"
          min={radius.min}
          max={radius.max}
          value={v.duplicateRadiusMetres}
          onChange={(e) => set("duplicateRadiusMetres", e.target.value)}
        />
        {form.fieldError("cat-radius", "duplicateRadiusMetres")}
        <label htmlFor="cat-precision">{t("categories.precision")}</label>
        <input
          {...form.field("cat-precision", "locationPrecisionMetres", "cat-precision-hint")}
          type="number"
          inputMode="numeric"
          value={v.locationPrecisionMetres}
          onChange={(e) => set("locationPrecisionMetres", e.target.value)}
        />
        <span id="cat-precision-hint" className="hint">
          {t("categories.precisionHint")}
        </span>
        {form.fieldError("cat-precision", "locationPrecisionMetres")}
        <label className="choice">
          <input
            type="checkbox"
            checked={v.checksPermitCoverage}
            onChange={(e) => set("checksPermitCoverage", e.target.checked)}
          />
          <span>{t("categories.permitCoverage")}</span>
        </label>
      </fieldset>
      <QuestionsEditor
        questions={v.questions}
        onChange={(questions) => set("questions", questions)}
        form={form}
      />
      <fieldset>
        <legend>{t("categories.visibility")}</legend>
        <label className="choice">
          <input type="checkbox" checked={v.isPublic} onChange={(e) => set("isPublic", e.target.checked)} />
          <span>{t("categories.public")}</span>
        </label>
        <label className="choice">
          <input
            type="checkbox"
            checked={v.active}
            onChange={(e) => set("active", e.target.checked)}
            aria-describedby="cat-active-hint"
          />
          <span>{t("categories.active")}</span>
        </label>
        <span id="cat-active-hint" className="hint">
          {t("categories.activeHint")}
        </span>
        <label htmlFor="cat-order">{t("categories.order")}</label>
        <input
          {...form.field("cat-order", "sortOrder")}
          type="number"
          inputMode="numeric"
          min={0}
          value={v.sortOrder}
          onChange={(e) => set("sortOrder", e.target.value)}
        />
        {form.fieldError("cat-order", "sortOrder")}
      </fieldset>
      {form.status}
      <button type="submit" disabled={form.busy}>
        {id ? t("save") : t("categories.create")}
      </button>
    </form>
  );
}
