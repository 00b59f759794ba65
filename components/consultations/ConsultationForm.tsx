"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api-fetch";

/** The permits office drafts or opens a consultation: the title, the question, the period, a permit's works. */
export function ConsultationForm({
  permits,
}: {
  permits: Array<{ id: number; reference: string; works: string }>;
}) {
  const t = useTranslations("consultations");
  const id = useId();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="consultation-form"
      data-testid="consultation-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const text = (name: string) => String(f.get(name) ?? "").trim();
        setBusy(true);
        setError(null);
        const res = await apiFetch<{ id: number }>("/api/staff/consultations", {
          method: "POST",
          json: {
            title: text("title"),
            question: text("question"),
            description: text("description") || undefined,
            permitId: text("permitId") ? Number(text("permitId")) : undefined,
            opensOn: text("opensOn") || undefined,
            closesOn: text("closesOn") || undefined,
            open: f.get("open") === "on",
          },
        });
        setBusy(false);
        if (res.ok && res.status === 201) router.push(`/staff/consultations/${res.data.id}`);
        else setError((res.ok ? null : res.message) ?? t("networkError"));
      }}
    >
      <h2>{t("newTitle")}</h2>
      <label htmlFor={`${id}-title`}>{t("fieldTitle")}</label>
      <input id={`${id}-title`} name="title" required minLength={3} maxLength={200} />
      <label htmlFor={`${id}-question`}>{t("fieldQuestion")}</label>
      <textarea id={`${id}-question`} name="question" required minLength={3} maxLength={1000} rows={3} />
      <label htmlFor={`${id}-description`}>{t("fieldDescription")}</label>
      <textarea id={`${id}-description`} name="description" maxLength={5000} rows={4} />
      <label htmlFor={`${id}-permit`}>{t("fieldPermit")}</label>
      <select id={`${id}-permit`} name="permitId" defaultValue="">
        <option value="">{t("noPermit")}</option>
        {permits.map((p) => (
          <option key={p.id} value={p.id}>
            {p.reference} · {p.works}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-opens`}>{t("fieldOpensOn")}</label>
      <input id={`${id}-opens`} name="opensOn" type="date" />
      <label htmlFor={`${id}-closes`}>{t("fieldClosesOn")}</label>
      <input id={`${id}-closes`} name="closesOn" type="date" />
      <label className="checkbox">
        <input type="checkbox" name="open" defaultChecked /> {t("fieldOpenNow")}
      </label>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={busy}>
        {t("create")}
      </button>
    </form>
  );
}
