"use client";

import { useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api-fetch";

type FieldIssue = { path: string; issue: string };

/**
 * Sends an admin form as JSON and keeps what the server said: the message of a refusal (already in
 * the user's language), and for invalid fields (422) which field and why, so each input can point
 * at its own message (aria-describedby) and say it is invalid (aria-invalid).
 */
export function useAdminForm() {
  const t = useTranslations("admin");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  const send = async <T,>(url: string, method: string, body?: unknown): Promise<T | null> => {
    setBusy(true);
    setError(null);
    setFields([]);
    setSaved(false);
    try {
      const res = await apiFetch<T>(url, { method, json: body });
      if (!res.ok) {
        setError(res.message ?? t("networkError"));
        setFields((res.details?.fields as FieldIssue[] | undefined) ?? []);
        return null;
      }
      setSaved(true);
      router.refresh();
      return res.data;
    } finally {
      setBusy(false);
    }
  };

  const issueOf = (path: string, exact = false) =>
    fields.find((f) => f.path === path || (!exact && f.path.startsWith(`${path}.`)));
  const issueText = (issue: string) => {
    const known = ["too_small", "too_big", "invalid_format", "invalid_type", "invalid_value", "custom"];
    return t(`issue.${known.includes(issue) ? issue : "custom"}` as never);
  };

  /** Props for the input of a field: its id, whether it is invalid and the id of its message. */
  const field = (id: string, path: string, hintId?: string) => ({
    id,
    "aria-invalid": issueOf(path) ? true : undefined,
    "aria-describedby": [issueOf(path) ? `${id}-error` : null, hintId].filter(Boolean).join(" ") || undefined,
  });

  /** The message under an invalid field (nothing when it is fine). */
  const fieldError = (id: string, path: string, exact = false): ReactNode => {
    const issue = issueOf(path, exact);
    return issue ? (
      <span id={`${id}-error`} className="field-error">
        {issueText(issue.issue)}
      </span>
    ) : null;
  };

  const status: ReactNode = error ? (
    <p className="form-error" role="alert">
      {error}
    </p>
  ) : saved ? (
    <p className="banner success" role="status">
      {t("saved")}
    </p>
  ) : null;

  return { send, busy, error, saved, field, fieldError, status, setError };
}
