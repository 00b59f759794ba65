"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api-fetch";

/** Attaches a document (PDF, JPEG, PNG) to a permit. */
export function PermitDocumentUpload({ permitId, version }: { permitId: number; version: number }) {
  const t = useTranslations("permits");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const upload = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    if (!(form.get("file") instanceof File) || (form.get("file") as File).size === 0) {
      setError(t("documentRequired"));
      return;
    }
    form.set("expectedVersion", String(version));
    setBusy(true);
    setError(null);
    const res = await apiFetch(`/api/staff/permits/${permitId}/documents`, { method: "POST", body: form });
    if (!res.ok) setError(res.message ?? t("networkError"));
    else router.refresh();
    setBusy(false);
  };
  return (
    <form onSubmit={upload} className="row" encType="multipart/form-data">
      <label htmlFor="permit-document">{t("document", { types: "PDF, JPEG, PNG" })}</label>
      <input id="permit-document" name="file" type="file" accept="application/pdf,image/jpeg,image/png" />
      <button type="submit" className="secondary" disabled={busy}>
        {t("upload")}
      </button>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
