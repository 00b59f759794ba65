"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api-fetch";

/** "Is it fixed?" for the reporter of a resolved report (FixMyStreet's questionnaire). */
export function FixedQuestion({ code }: { code: string }) {
  const t = useTranslations("comments");
  const tr = useTranslations("report");
  const router = useRouter();
  const id = useId();
  const [state, setState] = useState<
    | { kind: "idle" | "sending" }
    | { kind: "done"; message: "thanksFixed" | "thanksReopened" | "thanksRecorded" }
    | { kind: "error"; message: string }
  >({ kind: "idle" });
  const answer = async (fixed: boolean, form: HTMLFormElement) => {
    setState({ kind: "sending" });
    const body = String(new FormData(form).get("body") ?? "");
    const res = await apiFetch<{ reopened?: boolean }>(
      `/api/reports/${encodeURIComponent(code)}/questionnaire`,
      { method: "POST", json: { fixed, body } },
    );
    if (!res.ok || res.status !== 201) {
      setState({ kind: "error", message: (!res.ok && res.message) || tr("networkError") });
      return;
    }
    setState({
      kind: "done",
      message: fixed ? "thanksFixed" : res.data?.reopened ? "thanksReopened" : "thanksRecorded",
    });
    router.refresh();
  };
  if (state.kind === "done")
    return (
      <p className="banner success" role="status">
        {t(state.message)}
      </p>
    );
  return (
    <section aria-labelledby={`${id}-title`} className="fixed-question" data-testid="fixed-question">
      <h2 id={`${id}-title`}>{t("questionTitle")}</h2>
      <p>{t("questionIntro")}</p>
      <form onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={`${id}-body`}>{t("questionComment")}</label>
        <textarea id={`${id}-body`} name="body" rows={3} maxLength={2000} />
        {state.kind === "error" ? (
          <p className="form-error" role="alert">
            {state.message}
          </p>
        ) : null}
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={state.kind === "sending"}
            onClick={(e) => answer(true, e.currentTarget.form!)}
          >
            {t("fixed")}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={state.kind === "sending"}
            onClick={(e) => answer(false, e.currentTarget.form!)}
          >
            {t("notFixed")}
          </button>
        </div>
      </form>
    </section>
  );
}
