"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api-fetch";

/** Follow a report by email, or count yourself as affected ("I have this problem too"). */
export function FollowReport({ code }: { code: string }) {
  const t = useTranslations();
  const locale = useLocale();
  const [email, setEmail] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const send = async (support: boolean) => {
    setError(null);
    const res = await apiFetch<{ supporters: number }>(`/api/reports/${code}/support`, {
      method: "POST",
      json: { email: email.trim() || undefined, support, locale },
    });
    if (!res.ok) return setError(res.message ?? t("report.networkError"));
    setMessage(support ? t("report.supported", { count: res.data.supporters }) : t("reportPage.following"));
  };

  return (
    <section className="follow" aria-labelledby="follow-title">
      <h2 id="follow-title">{t("reportPage.follow")}</h2>
      <p className="hint">{t("reportPage.followHint")}</p>
      <label htmlFor="follow-email">{t("report.email")}</label>
      <input
        id="follow-email"
        type="email"
        autoComplete="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <div className="row">
        <button type="button" onClick={() => send(false)}>
          {t("reportPage.followButton")}
        </button>
        <button type="button" className="secondary" onClick={() => send(true)}>
          {t("reportPage.supportButton")}
        </button>
      </div>
      {message ? <p role="status">{message}</p> : null}
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
