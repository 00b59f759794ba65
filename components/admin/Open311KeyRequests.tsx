"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useAdminForm } from "./use-admin-form";

export type KeyRequestView = {
  id: number;
  name: string;
  email: string;
  application: string;
  purpose: string;
  status: "pending" | "approved" | "refused";
  createdAt: string;
  decidedAt: string | null;
  decidedByName: string | null;
};

/** Developers' requests for Open311 keys: approve (the key goes out by e-mail) or refuse. */
export function Open311KeyRequests({ requests }: { requests: KeyRequestView[] }) {
  const t = useTranslations("admin.open311Keys");
  const format = useFormatter();
  const form = useAdminForm();
  const decide = (id: number, decision: "approve" | "refuse") =>
    form.send(`/api/admin/open311-keys/${id}`, "POST", { decision });
  return (
    <section className="admin-key-requests" aria-labelledby="key-requests-title">
      <h2 id="key-requests-title">{t("title")}</h2>
      <p className="hint">{t("intro", { page: "/developers/open311-key" })}</p>
      {form.status}
      {requests.length === 0 ? <p className="hint">{t("none")}</p> : null}
      <ul className="plain-list">
        {requests.map((r) => (
          <li key={r.id} data-testid={`key-request-${r.id}`}>
            <h3>
              {r.application} · <span className="hint">{t(`status.${r.status}`)}</span>
            </h3>
            <p>
              {r.name} &lt;{r.email}&gt; ·{" "}
              <time dateTime={r.createdAt}>{format.dateTime(new Date(r.createdAt), "mediumWithTime")}</time>
            </p>
            <p className="hint">{r.purpose}</p>
            {r.status === "pending" ? (
              <p>
                <button
                  type="button"
                  className="primary"
                  disabled={form.busy}
                  onClick={() => void decide(r.id, "approve")}
                >
                  {t("approve", { application: r.application })}
                </button>{" "}
                <button type="button" disabled={form.busy} onClick={() => void decide(r.id, "refuse")}>
                  {t("refuse", { application: r.application })}
                </button>
              </p>
            ) : r.decidedAt ? (
              <p className="hint">
                {t("decided", {
                  who: r.decidedByName ?? "—",
                  date: format.dateTime(new Date(r.decidedAt), "mediumWithTime"),
                })}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
