"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api-fetch";
import { moderatorReasons } from "@/lib/moderation/moderation-schema";

async function post(url: string, body: unknown): Promise<string | null> {
  const res = await apiFetch(url, { method: "POST", json: body });
  return res.ok ? null : (res.message ?? "");
}

/** Opens a draft or closes an open consultation. */
export function ConsultationStatusButton({ id, to }: { id: number; to: "open" | "closed" }) {
  const t = useTranslations("consultations");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="row">
      <button
        type="button"
        className="primary"
        onClick={async () => {
          const failed = await post(`/api/staff/consultations/${id}/status`, { status: to });
          if (failed === null) router.refresh();
          else setError(failed || t("networkError"));
        }}
      >
        {to === "open" ? t("openNow") : t("closeNow")}
      </button>
      {error ? (
        <span role="alert" className="form-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** A moderator's decision on a comment, with a reason from the list and free words. */
export function ConsultationModerationForm({
  consultationId,
  commentId,
  actions,
}: {
  consultationId: number;
  commentId: number;
  actions: Array<"publish" | "reject" | "hide" | "show" | "dismiss">;
}) {
  const t = useTranslations("consultations");
  const tm = useTranslations("moderation");
  const tt = tm as unknown as (key: string) => string;
  const id = useId();
  const router = useRouter();
  const [reason, setReason] = useState<string>("other");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const send = async (action: string) => {
    const failed = await post(`/api/staff/consultations/${consultationId}/comments/${commentId}/moderation`, {
      action,
      reason,
      note: note.trim() || undefined,
    });
    if (failed === null) router.refresh();
    else setError(failed || t("networkError"));
  };
  return (
    <div className="moderation-form">
      <label htmlFor={`${id}-reason`}>{tm("reasonLabel")}</label>
      <select id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)}>
        {moderatorReasons.map((r) => (
          <option key={r} value={r}>
            {tt(`reason.${r}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-note`}>{tm("noteLabel")}</label>
      <input id={`${id}-note`} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="row">
        {actions.map((a) => (
          <button key={a} type="button" className="secondary" onClick={() => send(a)}>
            {t(`action_${a}`)}
          </button>
        ))}
      </div>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The office's public answer to a published comment. */
export function ConsultationAnswerForm({
  consultationId,
  commentId,
  answer,
}: {
  consultationId: number;
  commentId: number;
  answer: string | null;
}) {
  const t = useTranslations("consultations");
  const id = useId();
  const router = useRouter();
  const [text, setText] = useState(answer ?? "");
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="consultation-answer-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const failed = await post(`/api/staff/consultations/${consultationId}/comments/${commentId}/answer`, {
          answer: text,
        });
        if (failed === null) router.refresh();
        else setError(failed || t("networkError"));
      }}
    >
      <label htmlFor={`${id}-answer`}>{t("answerLabel")}</label>
      <textarea
        id={`${id}-answer`}
        required
        maxLength={2000}
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="secondary">
        {answer ? t("answerUpdate") : t("answerSend")}
      </button>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/** The theme the office files a comment under: one of the consultation's themes so far, or a new one. */
export function ConsultationThemeForm({
  consultationId,
  commentId,
  theme,
  themes,
}: {
  consultationId: number;
  commentId: number;
  theme: string | null;
  themes: string[];
}) {
  const t = useTranslations("consultations");
  const id = useId();
  const router = useRouter();
  const [text, setText] = useState(theme ?? "");
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="consultation-theme-form row"
      onSubmit={async (e) => {
        e.preventDefault();
        const failed = await post(`/api/staff/consultations/${consultationId}/comments/${commentId}/theme`, {
          theme: text,
        });
        if (failed === null) router.refresh();
        else setError(failed || t("networkError"));
      }}
    >
      <label htmlFor={`${id}-theme`}>{t("themeLabel")}</label>
      <input
        id={`${id}-theme`}
        list={`${id}-themes`}
        maxLength={60}
        value={text}
        placeholder={t("themePlaceholder")}
        onChange={(e) => setText(e.target.value)}
      />
      <datalist id={`${id}-themes`}>
        {themes.map((x) => (
          <option key={x} value={x} />
        ))}
      </datalist>
      <button type="submit" className="secondary">
        {t("themeSave")}
      </button>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
