"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { BULK_FORM_ID } from "./bulk-form-id";
import { apiFetch } from "@/lib/client/api-fetch";

/**
 * Assign many reports at once. The table's row checkboxes belong to this form through their
 * `form` attribute, so the table itself stays server-rendered.
 */
export function BulkAssign({ organisations }: { organisations: Array<{ id: number; name: string }> }) {
  const t = useTranslations("bulk");
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const items = form.getAll("bulk").map((v) => {
      const [id, version] = String(v).split(":").map(Number);
      return { id: id!, expectedVersion: version! };
    });
    if (items.length === 0) return setMessage(t("none"));
    const res = await apiFetch<{ results: Array<{ ok: boolean }> }>("/api/staff/reports/bulk", {
      method: "POST",
      json: { items, organisationId: Number(form.get("organisationId")) },
    });
    if (!res.ok) return setMessage(res.message ?? "—");
    const ok = res.data.results.filter((r) => r.ok).length;
    setMessage(t("done", { ok, failed: res.data.results.length - ok }));
    router.refresh();
  };
  return (
    <form id={BULK_FORM_ID} onSubmit={submit} className="row bulk-assign">
      <label htmlFor="bulk-organisation">{t("organisation")}</label>
      <select id="bulk-organisation" name="organisationId">
        {organisations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <button type="submit">{t("submit")}</button>
      {message ? <p role="status">{message}</p> : null}
    </form>
  );
}
