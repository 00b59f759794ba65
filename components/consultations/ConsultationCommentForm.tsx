"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api-fetch";

/**
 * A citizen's comment on an open consultation, with an optional e-mail address to hear the answer.
 * The answer says whether it is public already or waits for a moderator (the municipality's rule).
 */
export function ConsultationCommentForm({ consultationId }: { consultationId: number }) {
  const t = useTranslations("consultations");
  const id = useId();
  const router = useRouter();
  const [state, setState] = useState<
    { kind: "idle" | "sending" | "held" | "published" } | { kind: "error"; message: string }
  >({ kind: "idle" });
  return (
    <form
      noValidate
      className="comment-form"
      data-testid="consultation-comment-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const formEl = e.currentTarget;
        const fields = new FormData(formEl);
        setState({ kind: "sending" });
        const res = await apiFetch<{ state?: string } | null>(
          `/api/consultations/${consultationId}/comments`,
          {
            method: "POST",
            json: {
              body: String(fields.get("body") ?? ""),
              email: String(fields.get("email") ?? ""),
            },
          },
        );
        if (res.ok && res.status === 201) {
          formEl.reset();
          setState({ kind: res.data?.state === "published" ? "published" : "held" });
          if (res.data?.state === "published") router.refresh();
        } else setState({ kind: "error", message: (res.ok ? null : res.message) ?? t("networkError") });
      }}
    >
      <h2>{t("commentTitle")}</h2>
      <label htmlFor={`${id}-body`}>{t("commentBody")}</label>
      <textarea
        id={`${id}-body`}
        name="body"
        rows={5}
        maxLength={2000}
        required
        aria-invalid={state.kind === "error" || undefined}
        aria-describedby={state.kind === "error" ? `${id}-error` : undefined}
      />
      <label htmlFor={`${id}-email`}>{t("commentEmail")}</label>
      <input id={`${id}-email`} name="email" type="email" autoComplete="email" maxLength={254} />
      <p className="hint">{t("commentEmailHint")}</p>
      {state.kind === "error" ? (
        <p id={`${id}-error`} className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {state.kind === "held" || state.kind === "published" ? (
        <p className="banner success" role="status" data-testid="consultation-comment-result">
          {state.kind === "held" ? t("commentHeld") : t("commentPublished")}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={state.kind === "sending"}>
        {state.kind === "sending" ? t("sending") : t("commentSubmit")}
      </button>
    </form>
  );
}
