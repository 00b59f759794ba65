"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useAdminForm } from "./use-admin-form";

type Rule = { categoryId: number; externalServiceCode: string };
export type EndpointValues = {
  organisationId: number;
  name: string;
  baseUrl: string;
  jurisdictionId: string;
  active: boolean;
  rules: Rule[];
};

type Props = {
  id?: number;
  initial?: EndpointValues;
  /** The stored key, masked; the key itself never comes to the browser. */
  apiKeyMasked?: string;
  organisations: Array<{ id: number; name: string }>;
  categories: Array<{ id: number; name: string }>;
};

/** Registers or edits an organisation's own Open311 system and which categories go there under which service code. */
export function Open311EndpointForm({ id, initial, apiKeyMasked, organisations, categories }: Props) {
  const t = useTranslations("admin.open311");
  const form = useAdminForm();
  const prefix = id ? `e${id}` : "new";
  const [v, setV] = useState<EndpointValues>(
    initial ?? {
      organisationId: organisations[0]?.id ?? 0,
      name: "",
      baseUrl: "",
      jurisdictionId: "",
      active: true,
      rules: [],
    },
  );
  const [apiKey, setApiKey] = useState("");
  const codes = new Map(v.rules.map((r) => [r.categoryId, r.externalServiceCode]));
  const setCode = (categoryId: number, code: string) => {
    const others = v.rules.filter((r) => r.categoryId !== categoryId);
    setV({ ...v, rules: code.trim() ? [...others, { categoryId, externalServiceCode: code }] : others });
  };

  return (
    <form
      className="admin-form"
      noValidate
      aria-labelledby={`${prefix}-title`}
      onSubmit={async (e) => {
        e.preventDefault();
        const saved = await form.send(
          id ? `/api/admin/open311-endpoints/${id}` : "/api/admin/open311-endpoints",
          id ? "PUT" : "POST",
          { ...v, apiKey },
        );
        if (saved) setApiKey("");
      }}
    >
      <h2 id={`${prefix}-title`}>{id ? v.name : t("new")}</h2>
      <label htmlFor={`${prefix}-org`}>{t("organisation")}</label>
      <select
        id={`${prefix}-org`}
        value={v.organisationId}
        onChange={(e) => setV({ ...v, organisationId: Number(e.target.value) })}
      >
        {organisations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${prefix}-name`}>{t("name")}</label>
      <input
        {...form.field(`${prefix}-name`, "name")}
        value={v.name}
        onChange={(e) => setV({ ...v, name: e.target.value })}
      />
      {form.fieldError(`${prefix}-name`, "name")}
      <label htmlFor={`${prefix}-url`}>{t("baseUrl")}</label>
      <input
        {...form.field(`${prefix}-url`, "baseUrl", `${prefix}-url-hint`)}
        type="url"
        value={v.baseUrl}
        onChange={(e) => setV({ ...v, baseUrl: e.target.value })}
      />
      <span id={`${prefix}-url-hint`} className="hint">
        {t("baseUrlHint", { standard: "GeoReport v2", example: "https://wo.vodovod.example/open311/v2" })}
      </span>
      {form.fieldError(`${prefix}-url`, "baseUrl")}
      <label htmlFor={`${prefix}-key`}>{t("apiKey")}</label>
      <input
        {...form.field(`${prefix}-key`, "apiKey", `${prefix}-key-hint`)}
        type="password"
        autoComplete="off"
        value={apiKey}
        onChange={(e) => setApiKey(e.target.value)}
      />
      <span id={`${prefix}-key-hint`} className="hint" data-testid="api-key-hint">
        {apiKeyMasked ? t("apiKeyKept", { masked: apiKeyMasked }) : t("apiKeyHint")}
      </span>
      {form.fieldError(`${prefix}-key`, "apiKey")}
      <label htmlFor={`${prefix}-jurisdiction`}>{t("jurisdiction")}</label>
      <input
        id={`${prefix}-jurisdiction`}
        value={v.jurisdictionId}
        onChange={(e) => setV({ ...v, jurisdictionId: e.target.value })}
      />
      <label className="choice">
        <input
          type="checkbox"
          checked={v.active}
          onChange={(e) => setV({ ...v, active: e.target.checked })}
        />
        <span>{t("active")}</span>
      </label>
      <details>
        <summary>{t("rules", { count: v.rules.length })}</summary>
        <p className="hint">{t("rulesHint")}</p>
        {categories.map((c) => (
          <div key={c.id}>
            <label htmlFor={`${prefix}-rule-${c.id}`}>{t("ruleFor", { category: c.name })}</label>
            <input
              id={`${prefix}-rule-${c.id}`}
              value={codes.get(c.id) ?? ""}
              onChange={(e) => setCode(c.id, e.target.value)}
            />
          </div>
        ))}
      </details>
      {form.status}
      <button type="submit" disabled={form.busy}>
        {id ? t("save") : t("create")}
      </button>
    </form>
  );
}
