"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useAdminForm } from "./use-admin-form";

/** The signed-in user chooses their own password (required after an administrator set one). */
export function ChangePasswordForm({
  callbackUrl,
  minPasswordLength,
}: {
  callbackUrl: string;
  minPasswordLength: number;
}) {
  const t = useTranslations("admin.password");
  const form = useAdminForm();
  const [v, setV] = useState({ currentPassword: "", newPassword: "", repeat: "" });
  const [mismatch, setMismatch] = useState(false);
  return (
    <form
      className="admin-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setMismatch(v.newPassword !== v.repeat);
        if (v.newPassword !== v.repeat) return;
        const done = await form.send("/api/staff/account/password", "POST", {
          currentPassword: v.currentPassword,
          newPassword: v.newPassword,
        });
        // A full load, so the workspace reads the account afresh.
        if (done) window.location.assign(callbackUrl);
      }}
    >
      <label htmlFor="pw-current">{t("current")}</label>
      <input
        {...form.field("pw-current", "currentPassword")}
        type="password"
        autoComplete="current-password"
        value={v.currentPassword}
        onChange={(e) => setV({ ...v, currentPassword: e.target.value })}
      />
      {form.fieldError("pw-current", "currentPassword")}
      <label htmlFor="pw-new">{t("new")}</label>
      <input
        {...form.field("pw-new", "newPassword", "pw-new-hint")}
        type="password"
        autoComplete="new-password"
        value={v.newPassword}
        onChange={(e) => setV({ ...v, newPassword: e.target.value })}
      />
      <span id="pw-new-hint" className="hint">
        {t("hint", { min: minPasswordLength })}
      </span>
      {form.fieldError("pw-new", "newPassword")}
      <label htmlFor="pw-repeat">{t("repeat")}</label>
      <input
        id="pw-repeat"
        type="password"
        autoComplete="new-password"
        aria-invalid={mismatch || undefined}
        aria-describedby={mismatch ? "pw-repeat-error" : undefined}
        value={v.repeat}
        onChange={(e) => setV({ ...v, repeat: e.target.value })}
      />
      {mismatch ? (
        <span id="pw-repeat-error" className="field-error">
          {t("mismatch")}
        </span>
      ) : null}
      {form.status}
      <button type="submit" disabled={form.busy}>
        {t("submit")}
      </button>
    </form>
  );
}
