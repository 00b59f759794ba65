"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { moderatorReasons } from "@/lib/moderation/moderation-schema";
import "./moderation.css";
import { apiFetch } from "@/lib/client/api-fetch";

/**
 * The public "report abuse" link: opens a short form (a reason and optional words) whose answer
 * goes to the municipality's moderation queue.
 */
export function ReportAbuse({ code }: { code: string }) {
  const t = useTranslations("moderation");
  const tt = t as unknown as (key: string) => string;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<string>("offensive");
  const [note, setNote] = useState("");
  const [state, setState] = useState<"idle" | "sent" | "error">("idle");
  const [error, setError] = useState<string | null>(null);

  const send = async (e: React.FormEvent) => {
    e.preventDefault();
    const res = await apiFetch(`/api/reports/${code}/abuse`, {
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
          {t("reportAbuse")}
        </button>
      ) : (
        <form onSubmit={send} aria-label={t("reportAbuse")}>
          <label htmlFor="abuse-reason">{t("reasonLabel")}</label>
          <select id="abuse-reason" value={reason} onChange={(e) => setReason(e.target.value)}>
            {moderatorReasons.map((r) => (
              <option key={r} value={r}>
                {tt(`reason.${r}`)}
              </option>
            ))}
          </select>
          <label htmlFor="abuse-note">{t("noteLabel")}</label>
          <textarea id="abuse-note" maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
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
