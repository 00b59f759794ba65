"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { moderatorReasons } from "@/lib/moderation/moderation-schema";
import "./moderation.css";
import { apiFetch } from "@/lib/client/api-fetch";

/** What is reported: a public report, one of its comments, or a consultation's comment. */
type AbuseTarget = { code: string; commentId?: number } | { consultationId: number; commentId: number };

/**
 * The public "report abuse" link on a report, on one of its comments or on a consultation's comment:
 * opens a short form (a reason and optional words) whose answer goes to the municipality's
 * moderation queue.
 */
export function ReportAbuse(target: AbuseTarget) {
  const t = useTranslations("moderation");
  const id = useId();
  const { commentId } = target;
  const endpoint =
    "consultationId" in target
      ? `/api/consultations/${target.consultationId}/comments/${target.commentId}/abuse`
      : commentId === undefined
        ? `/api/reports/${target.code}/abuse`
        : `/api/reports/${target.code}/comments/${commentId}/abuse`;
  const label = commentId === undefined ? t("reportAbuse") : t("reportCommentAbuse");
  const tt = t as unknown as (key: string) => string;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<string>("offensive");
  const [note, setNote] = useState("");
  const [state, setState] = useState<"idle" | "sent" | "error">("idle");
  const [error, setError] = useState<string | null>(null);

  const send = async (e: React.FormEvent) => {
    e.preventDefault();
    const res = await apiFetch(endpoint, {
      method: "POST",
      json: { reason, note: note.trim() || undefined },
    });
    if (res.ok) return setState("sent");
    setState("error");
    setError(res.message ?? t("networkError"));
  };

  if (state === "sent")
    return (
      <p role="status" className="report-abuse">
        {t("abuseThanks")}
      </p>
    );
  return (
    <div className="report-abuse">
      {!open ? (
        <button type="button" className="link" onClick={() => setOpen(true)}>
          {label}
        </button>
      ) : (
        <form onSubmit={send} aria-label={label}>
          <label htmlFor={`${id}-reason`}>{t("reasonLabel")}</label>
          <select id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)}>
            {moderatorReasons.map((r) => (
              <option key={r} value={r}>
                {tt(`reason.${r}`)}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-note`}>{t("noteLabel")}</label>
          <textarea
            id={`${id}-note`}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <button type="submit">{t("sendAbuse")}</button>
          {error ? (
            <p role="alert" className="form-error">
              {error}
            </p>
          ) : null}
        </form>
      )}
    </div>
  );
}
