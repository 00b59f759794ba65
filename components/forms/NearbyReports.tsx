"use client";

import { useState } from "react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api-fetch";
import type { DuplicateCandidate } from "@/lib/reports/find-duplicate-candidates";

/** "Already reported nearby": support and follow an existing report instead of filing again. */
export function NearbyReports({
  candidates,
  describe,
  onSupported,
}: {
  candidates: DuplicateCandidate[];
  describe: (c: DuplicateCandidate) => string;
  /** Supporting one ends the citizen's errand: the report flow says so and stops. */
  onSupported?: (code: string, supporters: number) => void;
}) {
  const t = useTranslations("report");
  return (
    <section className="nearby" aria-labelledby="nearby-title">
      <h3 id="nearby-title" tabIndex={-1}>
        {t("nearbyTitle")}
      </h3>
      <p className="hint">{t("nearbyIntro")}</p>
      <ul>
        {candidates.map((c) => (
          <NearbyItem key={c.code} candidate={c} text={describe(c)} onSupported={onSupported} />
        ))}
      </ul>
    </section>
  );
}

function NearbyItem({
  candidate,
  text,
  onSupported,
}: {
  candidate: DuplicateCandidate;
  text: string;
  onSupported?: (code: string, supporters: number) => void;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const [email, setEmail] = useState("");
  const [result, setResult] = useState<{ supporters: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const support = async () => {
    setError(null);
    const res = await apiFetch<{ supporters: number }>(`/api/reports/${candidate.code}/support`, {
      method: "POST",
      json: { email: email.trim() || undefined, support: true, locale },
    });
    if (!res.ok) return setError(res.message ?? t("report.networkError"));
    setResult(res.data);
    onSupported?.(candidate.code, res.data.supporters);
  };
  return (
    <li className="nearby-item" data-code={candidate.code}>
      {candidate.photoId ? (
        // eslint-disable-next-line @next/next/no-img-element -- served by the app's own photo route
        <img src={`/api/attachments/${candidate.photoId}`} alt="" width={64} height={64} />
      ) : null}
      <div>
        <p>
          <Link href={`/reports/${candidate.code}`}>{candidate.code}</Link> — {text} ·{" "}
          {t(`status.${candidate.status}` as never)}
        </p>
        {result ? (
          <p role="status">{t("report.supported", { count: result.supporters })}</p>
        ) : (
          <div className="row">
            <label className="sr-only" htmlFor={`support-email-${candidate.code}`}>
              {t("report.supportEmail")}
            </label>
            <input
              id={`support-email-${candidate.code}`}
              type="email"
              placeholder={t("report.supportEmail")}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
            <button type="button" onClick={support}>
              {t("report.support")}
            </button>
          </div>
        )}
        {error ? (
          <p role="alert" className="form-error">
            {error}
          </p>
        ) : null}
      </div>
    </li>
  );
}
