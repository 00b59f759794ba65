"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api-fetch";

type FieldIssue = { path: string; issue: string };
const fields = ["name", "email", "application", "purpose"] as const;

/**
 * A developer asks for an Open311 key. The server's checks decide (lib/open311/keys); each invalid
 * field gets its own message, tied to the input (aria-describedby, aria-invalid).
 */
export function Open311KeyForm() {
  const t = useTranslations("developers");
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<"created" | "again" | null>(null);

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setIssues([]);
    const form = new FormData(event.currentTarget);
    const json = Object.fromEntries(fields.map((f) => [f, String(form.get(f) ?? "")]));
    const res = await apiFetch<{ id: number }>("/api/open311-keys", { method: "POST", json });
    setBusy(false);
    if (res.ok) {
      setSent(res.status === 201 ? "created" : "again");
      return;
    }
    setError(res.message ?? t("networkError"));
    setIssues((res.details?.fields as FieldIssue[] | undefined) ?? []);
  };

  if (sent)
    return (
      <p className="banner success" role="status">
        {sent === "created" ? t("sent") : t("sentAgain")}
      </p>
    );

  const issueOf = (name: string) => issues.find((i) => i.path === name);
  const input = (name: (typeof fields)[number]) => ({
    id: `key-${name}`,
    name,
    "aria-invalid": issueOf(name) ? true : undefined,
    "aria-describedby": [issueOf(name) ? `key-${name}-error` : null, `key-${name}-hint`]
      .filter(Boolean)
      .join(" "),
  });
  const fieldError = (name: (typeof fields)[number]) =>
    issueOf(name) ? (
      <p id={`key-${name}-error`} className="field-error">
        {t(`invalid.${name}`)}
      </p>
    ) : null;

  return (
    <form onSubmit={submit} className="open311-key-form" noValidate>
      <label htmlFor="key-name">{t("name")}</label>
      <input {...input("name")} autoComplete="name" required maxLength={120} />
      <p id="key-name-hint" className="hint">
        {t("nameHint")}
      </p>
      {fieldError("name")}
      <label htmlFor="key-email">{t("email")}</label>
      <input {...input("email")} type="email" autoComplete="email" required maxLength={254} />
      <p id="key-email-hint" className="hint">
        {t("emailHint")}
      </p>
      {fieldError("email")}
      <label htmlFor="key-application">{t("application")}</label>
      <input {...input("application")} required maxLength={120} />
      <p id="key-application-hint" className="hint">
        {t("applicationHint")}
      </p>
      {fieldError("application")}
      <label htmlFor="key-purpose">{t("purpose")}</label>
      <textarea {...input("purpose")} required rows={5} maxLength={2000} />
      <p id="key-purpose-hint" className="hint">
        {t("purposeHint")}
      </p>
      {fieldError("purpose")}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={busy}>
        {t("submit")}
      </button>
    </form>
  );
}
