"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api-fetch";

/**
 * The reporter's or a follower's update: text and up to three photos. Published at once or held
 * for a moderator, by the municipality's rule; the answer says which.
 */
export function CommentForm({ code }: { code: string }) {
  const t = useTranslations("comments");
  const tr = useTranslations("report");
  const id = useId();
  const router = useRouter();
  const [state, setState] = useState<
    { kind: "idle" | "sending" | "held" | "published" } | { kind: "error"; message: string }
  >({ kind: "idle" });
  return (
    <form
      noValidate
      className="comment-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const formEl = e.currentTarget;
        const fields = new FormData(formEl);
        const form = new FormData();
        form.set("data", JSON.stringify({ body: String(fields.get("body") ?? "") }));
        for (const file of fields.getAll("photos"))
          if (file instanceof File && file.size > 0) form.append("photos", file);
        setState({ kind: "sending" });
        const res = await apiFetch(`/api/reports/${encodeURIComponent(code)}/comments`, {
          method: "POST",
          body: form,
        });
        if (res.ok && res.status === 201) {
          formEl.reset();
          const published = (res.data as { state?: string } | null)?.state === "published";
          setState({ kind: published ? "published" : "held" });
          if (published) router.refresh();
        } else setState({ kind: "error", message: (!res.ok && res.message) || tr("networkError") });
      }}
    >
      <h3>{t("add")}</h3>
      <label htmlFor={`${id}-body`}>{t("body")}</label>
      <textarea
        id={`${id}-body`}
        name="body"
        rows={4}
        maxLength={2000}
        required
        aria-invalid={state.kind === "error" || undefined}
        aria-describedby={state.kind === "error" ? `${id}-error` : undefined}
      />
      <label htmlFor={`${id}-photos`}>{t("photos")}</label>
      <input id={`${id}-photos`} name="photos" type="file" accept="image/*" multiple />
      {state.kind === "error" ? (
        <p id={`${id}-error`} className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {state.kind === "held" || state.kind === "published" ? (
        <p className="banner success" role="status">
          {state.kind === "held" ? t("held") : t("published")}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={state.kind === "sending"}>
        {state.kind === "sending" ? t("sending") : t("submit")}
      </button>
    </form>
  );
}
