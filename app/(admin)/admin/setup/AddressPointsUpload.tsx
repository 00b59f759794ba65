"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { send } from "./steps/setup-shared";

/**
 * The address-points layer of the municipality the administrator works in: house numbers with
 * their position, which the geocoder uses before estimating along the street. A file replaces the
 * previous import; a bad row refuses it with the row named.
 */
export function AddressPointsUpload({ municipality, count }: { municipality: string; count: number }) {
  const t = useTranslations("setup.addressPoints");
  const tErrors = useTranslations("errors");
  const [stored, setStored] = useState(count);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [loading, setLoading] = useState(false);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setLoading(true);
    setMessage(null);
    const form = new FormData();
    form.set("file", file);
    const result = await send("/api/admin/address-points", { method: "POST", body: form });
    setLoading(false);
    if (!result.ok)
      return setMessage({
        ok: false,
        text: result.message === "network" ? tErrors("generic") : result.message,
      });
    const imported = (result.body as { count: number }).count;
    setStored(imported);
    setMessage({ ok: true, text: t("imported", { count: imported }) });
  };
  return (
    <section aria-labelledby="address-points" className="setup-address-points">
      <h2 id="address-points">{t("title", { municipality })}</h2>
      <p>{t("intro")}</p>
      <p>{t("stored", { count: stored })}</p>
      <label>
        {t("file")}
        <input
          type="file"
          accept=".csv,.geojson,.json,.zip,.gpkg"
          disabled={loading}
          onChange={(e) => void upload(e.target.files?.[0])}
        />
      </label>
      <p className="hint">{t("hint")}</p>
      {loading ? <p role="status">{t("loading")}</p> : null}
      {message ? <p role={message.ok ? "status" : "alert"}>{message.text}</p> : null}
    </section>
  );
}
