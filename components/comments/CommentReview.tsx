"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api-fetch";

/** Staff publish or reject a held citizen comment from the report's staff view. */
export function CommentReview({ reportId, commentId }: { reportId: number; commentId: number }) {
  const t = useTranslations("comments");
  const tr = useTranslations("report");
  const router = useRouter();
  const [state, setState] = useState<"idle" | "busy" | "error">("idle");
  const decide = async (decision: "publish" | "reject") => {
    setState("busy");
    const res = await apiFetch(`/api/staff/reports/${reportId}/comments/${commentId}`, {
      method: "POST",
      json: { decision },
    });
    if (res.ok) router.refresh();
    else setState("error");
  };
  return (
    <div className="actions">
      <button type="button" className="primary" disabled={state === "busy"} onClick={() => decide("publish")}>
        {t("publish")}
      </button>
      <button
        type="button"
        className="secondary"
        disabled={state === "busy"}
        onClick={() => decide("reject")}
      >
        {t("reject")}
      </button>
      {state === "error" ? (
        <span className="form-error" role="alert">
          {tr("networkError")}
        </span>
      ) : null}
    </div>
  );
}
