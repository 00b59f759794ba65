"use client";

import { useEffect, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { QuestionFields, type AnswerValue } from "@/components/forms/QuestionFields";
import type { CategoryGroupChoice } from "@/lib/reports/list-categories";

type Result = { kind: "filed"; code: string } | { kind: "error"; message: string } | null;

/**
 * A problem the inspector finds on the spot, filed at their position with photos. The submission
 * key stays the same until the report is filed, so a retry on a weak connection files it once.
 */
export function FieldReportForm({ position, onFiled }: { position: [number, number] | null; onFiled: () => void }) {
  const t = useTranslations();
  const id = useId();
  const [groups, setGroups] = useState<CategoryGroupChoice[]>([]);
  const [serviceCode, setServiceCode] = useState("");
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>(null);
  const [submissionKey, setSubmissionKey] = useState(() => crypto.randomUUID());

  useEffect(() => {
    if (!position) return;
    const controller = new AbortController();
    fetch(`/api/categories?lng=${position[0]}&lat=${position[1]}`, { signal: controller.signal })
      .then((res) => (res.ok ? res.json() : { groups: [] }))
      .then((body: { groups: CategoryGroupChoice[] }) => setGroups(body.groups))
      .catch(() => undefined);
    return () => controller.abort();
  }, [position]);

  const category = groups.flatMap((g) => g.categories).find((c) => c.serviceCode === serviceCode);

  if (!position) return <p className="hint">{t("field.newNeedsLocation")}</p>;

  return (
    <form
      className="field-report"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const body = new FormData();
        body.set(
          "data",
          JSON.stringify({ serviceCode, position, description: String(form.get("description") ?? ""), answers, submissionKey }),
        );
        for (const photo of form.getAll("photos")) if (photo instanceof File && photo.size > 0) body.append("photos", photo);
        setBusy(true);
        setResult(null);
        const res = await fetch("/api/staff/field/reports", { method: "POST", body }).catch(() => null);
        const answer = await res?.json().catch(() => null);
        setBusy(false);
        if (res?.ok) {
          setResult({ kind: "filed", code: answer.trackingCode });
          setSubmissionKey(crypto.randomUUID());
          setAnswers({});
          e.currentTarget?.reset();
          onFiled();
        } else {
          setResult({ kind: "error", message: answer?.error?.message ?? t("report.networkError") });
        }
      }}
    >
      {result ? (
        <p role={result.kind === "filed" ? "status" : "alert"} className={result.kind === "filed" ? "banner success" : "form-error"}>
          {result.kind === "filed" ? t("field.filed", { code: result.code }) : result.message}
        </p>
      ) : null}
      <label htmlFor={`${id}-category`}>{t("field.category")}</label>
      <select id={`${id}-category`} value={serviceCode} onChange={(e) => (setServiceCode(e.target.value), setAnswers({}))} required>
        <option value="">{t("field.chooseCategory")}</option>
        {groups.map((g) => (
          <optgroup key={g.code} label={g.name}>
            {g.categories.map((c) => (
              <option key={c.serviceCode} value={c.serviceCode}>
                {c.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {category && category.questions.length > 0 ? <QuestionFields questions={category.questions} answers={answers} onChange={setAnswers} /> : null}
      <label htmlFor={`${id}-description`}>{t("field.description")}</label>
      <textarea id={`${id}-description`} name="description" rows={3} maxLength={4000} required />
      <label htmlFor={`${id}-photos`}>{t("field.photos")}</label>
      <input id={`${id}-photos`} name="photos" type="file" accept="image/*" capture="environment" multiple />
      <button type="submit" disabled={busy}>
        {busy ? t("field.filing") : t("field.file")}
      </button>
    </form>
  );
}
