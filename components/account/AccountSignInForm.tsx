"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api-fetch";

/** Asks for a one-time sign-in link by e-mail; errors are announced and tied to the field. */
export function AccountSignInForm() {
  const t = useTranslations("account");
  const tr = useTranslations("report");
  const id = useId();
  const [state, setState] = useState<
    { kind: "idle" | "sending" | "sent" | "sentOutbox" } | { kind: "error"; message: string }
  >({ kind: "idle" });
  return (
    <form
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const email = String(new FormData(e.currentTarget).get("email") ?? "");
        setState({ kind: "sending" });
        const res = await apiFetch<{ delivery?: string }>("/api/account/sign-in-link", {
          method: "POST",
          json: { email },
        });
        if (res.ok && res.status === 202)
          setState({ kind: res.data?.delivery === "outbox" ? "sentOutbox" : "sent" });
        else setState({ kind: "error", message: (!res.ok && res.message) || tr("networkError") });
      }}
    >
      <label htmlFor={`${id}-email`}>{t("email")}</label>
      <input
        id={`${id}-email`}
        name="email"
        type="email"
        autoComplete="email"
        maxLength={254}
        required
        aria-invalid={state.kind === "error" || undefined}
        aria-describedby={state.kind === "error" ? `${id}-error` : undefined}
      />
      {state.kind === "error" ? (
        <p id={`${id}-error`} className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {state.kind === "sent" || state.kind === "sentOutbox" ? (
        <p className="banner success" role="status">
          {t(state.kind)}
        </p>
      ) : null}
      <button type="submit" disabled={state.kind === "sending"}>
        {state.kind === "sending" ? t("sending") : t("send")}
      </button>
    </form>
  );
}
