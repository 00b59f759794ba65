"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { moderatorReasons } from "@/lib/moderation/moderation-schema";
import { apiFetch } from "@/lib/client/api-fetch";

type Step =
  | { type: "hide_report" | "show_report" | "dismiss_flags" }
  | { type: "hide_photo" | "show_photo"; attachmentId: number }
  | { type: "hide_comment" | "show_comment"; commentId: number }
  | { type: "redact_report"; description: string; address: string };

/**
 * One moderation step behind a button: the button opens a short form with the reason (from the
 * list), free words and, for a redaction, the public texts to edit; confirming sends it and
 * reloads the page's data.
 */
export function ModerationAction({ reportId, step, label }: { reportId: number; step: Step; label: string }) {
  const t = useTranslations("moderation");
  const tt = t as unknown as (key: string) => string;
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<string>(step.type === "redact_report" ? "personal_data" : "offensive");
  const [note, setNote] = useState("");
  const [description, setDescription] = useState(step.type === "redact_report" ? step.description : "");
  const [address, setAddress] = useState(step.type === "redact_report" ? step.address : "");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body =
      step.type === "redact_report"
        ? { type: step.type, reason, note: note.trim() || undefined, description, address }
        : { ...step, reason, note: note.trim() || undefined };
    const res = await apiFetch(`/api/staff/reports/${reportId}/moderation`, { method: "POST", json: body });
    setBusy(false);
    if (!res.ok) return setError(res.message ?? t("networkError"));
    setOpen(false);
    router.refresh();
  };

  if (!open)
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  return (
    <form className="moderation-form" onSubmit={send} aria-label={label}>
      {step.type === "redact_report" ? (
        <>
          <label htmlFor={`${id}-description`}>{t("publicDescription")}</label>
          <textarea
            id={`${id}-description`}
            required
            maxLength={5000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
          <label htmlFor={`${id}-address`}>{t("publicAddress")}</label>
          <input
            id={`${id}-address`}
            maxLength={300}
            value={address}
            onChange={(e) => setAddress(e.target.value)}
          />
        </>
      ) : null}
      <label htmlFor={`${id}-reason`}>{t("reasonLabel")}</label>
      <select id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)}>
        {moderatorReasons.map((r) => (
          <option key={r} value={r}>
            {tt(`reason.${r}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-note`}>{t("noteLabel")}</label>
      <input id={`${id}-note`} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="row">
        <button type="submit" disabled={busy}>
          {t("confirm")}
        </button>
        <button type="button" className="link" onClick={() => setOpen(false)}>
          {t("cancel")}
        </button>
      </div>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
