"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api-fetch";

type Status = "applied" | "under_review" | "granted" | "refused" | "active" | "completed" | "revoked";

/** The next steps of the procedure as buttons; refusing and revoking ask for a reason the applicant reads. */
export function PermitStatusActions({
  permitId,
  version,
  nextStatuses,
}: {
  permitId: number;
  version: number;
  nextStatuses: Status[];
}) {
  const t = useTranslations();
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (nextStatuses.length === 0) return <p className="hint">{t("permits.noNextSteps")}</p>;

  const act = async (to: Status) => {
    setBusy(true);
    setError(null);
    const res = await apiFetch(`/api/staff/permits/${permitId}/status`, {
      method: "POST",
      json: { expectedVersion: version, to, reason: reason.trim() || undefined },
    });
    if (!res.ok) setError(res.message ?? t("permits.networkError"));
    else {
      setReason("");
      router.refresh();
    }
    setBusy(false);
  };

  return (
    <div className="permit-actions">
      <label htmlFor="permit-reason">{t("permits.reason")}</label>
      <textarea
        id="permit-reason"
        rows={2}
        maxLength={2000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="row">
        {nextStatuses.map((to) => (
          <button
            key={to}
            type="button"
            className={to === "refused" || to === "revoked" ? "secondary" : "primary"}
            disabled={busy}
            onClick={() => act(to)}
          >
            {t(`permits.to_${to}` as never)}
          </button>
        ))}
      </div>
      {error ? (
        <p className="form-error" role="alert" data-testid="permit-action-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
