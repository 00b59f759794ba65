"use client";

import { useId, useState } from "react";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api-fetch";
import { locales, type Locale } from "@/lib/i18n/config";

/** The language of a citizen's messages, their data to download, and deleting the account. */
export function AccountSettings({ messageLocale }: { messageLocale: Locale }) {
  const t = useTranslations("account");
  const tl = useTranslations("language");
  const tr = useTranslations("report");
  const id = useId();
  const [saved, setSaved] = useState<"idle" | "saved" | "error">("idle");
  const [confirmed, setConfirmed] = useState(false);
  const [deleting, setDeleting] = useState<"idle" | "busy" | "error">("idle");
  return (
    <>
      <section aria-labelledby={`${id}-settings`}>
        <h2 id={`${id}-settings`}>{t("settings")}</h2>
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const locale = String(new FormData(e.currentTarget).get("locale"));
            const res = await apiFetch("/api/account/locale", { method: "PUT", json: { locale } });
            setSaved(res.ok ? "saved" : "error");
          }}
        >
          <label htmlFor={`${id}-locale`}>{t("messageLocale")}</label>
          <select id={`${id}-locale`} name="locale" defaultValue={messageLocale}>
            {locales.map((l) => (
              <option key={l} value={l}>
                {tl(l)}
              </option>
            ))}
          </select>
          <button type="submit" className="secondary">
            {t("saveLocale")}
          </button>
          {saved === "saved" ? <p role="status">{t("localeSaved")}</p> : null}
          {saved === "error" ? (
            <p className="form-error" role="alert">
              {tr("networkError")}
            </p>
          ) : null}
        </form>
      </section>
      <section aria-labelledby={`${id}-data`}>
        <h2 id={`${id}-data`}>{t("yourData")}</h2>
        <p>
          <a href="/api/account/export" download>
            {t("download")}
          </a>
        </p>
        <h3>{t("deleteTitle")}</h3>
        <p>{t("deleteExplain")}</p>
        <label className="check">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />{" "}
          {t("deleteConfirm")}
        </label>
        <button
          type="button"
          className="danger"
          disabled={!confirmed || deleting === "busy"}
          onClick={async () => {
            setDeleting("busy");
            const res = await apiFetch("/api/account", { method: "DELETE" });
            if (res.ok) await signOut({ callbackUrl: "/account?deleted=1" });
            else setDeleting("error");
          }}
        >
          {t("deleteButton")}
        </button>
        {deleting === "error" ? (
          <p className="form-error" role="alert">
            {tr("networkError")}
          </p>
        ) : null}
      </section>
    </>
  );
}
