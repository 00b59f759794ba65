"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api-fetch";

/** Stops following one report from "My reports"; the list refreshes without it. */
export function UnfollowButton({ code }: { code: string }) {
  const t = useTranslations("account");
  const tr = useTranslations("report");
  const router = useRouter();
  const [state, setState] = useState<"idle" | "busy" | "error">("idle");
  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={state === "busy"}
        onClick={async () => {
          setState("busy");
          const res = await apiFetch(`/api/account/follows/${encodeURIComponent(code)}`, {
            method: "DELETE",
          });
          if (res.ok) router.refresh();
          else setState("error");
        }}
      >
        {t("unfollow", { code })}
      </button>
      {state === "error" ? (
        <span className="form-error" role="alert">
          {tr("networkError")}
        </span>
      ) : null}
    </>
  );
}
