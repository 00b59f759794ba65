"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { BULK_FORM_ID } from "./bulk-form-id";

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
    const res = await fetch("/api/staff/reports/bulk", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ items, organisationId: Number(form.get("organisationId")) }),
    }).catch(() => null);
    const body = await res?.json().catch(() => null);
    if (!res?.ok) return setMessage(body?.error?.message ?? "—");
    const ok = body.results.filter((r: { ok: boolean }) => r.ok).length;
    setMessage(t("done", { ok, failed: body.results.length - ok }));
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
