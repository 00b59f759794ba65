"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useAdminForm } from "./use-admin-form";

/** Adds a local holiday or a decreed working day. */
export function CalendarOverrideForm({ year }: { year: number }) {
  const t = useTranslations("admin.calendar");
  const form = useAdminForm();
  const [v, setV] = useState({ date: "", isWorking: false, reason: "" });
  return (
    <form
      className="admin-form"
      noValidate
      aria-labelledby="override-form-title"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await form.send("/api/admin/calendar", "POST", v))
          setV({ date: "", isWorking: false, reason: "" });
      }}
    >
      <h2 id="override-form-title">{t("add")}</h2>
      <label htmlFor="override-date">{t("date")}</label>
      <input
        {...form.field("override-date", "date")}
        type="date"
        min={`${year - 1}-01-01`}
        value={v.date}
        onChange={(e) => setV({ ...v, date: e.target.value })}
      />
      {form.fieldError("override-date", "date")}
      <fieldset>
        <legend>{t("kind")}</legend>
        <label className="choice">
          <input
            type="radio"
            name="override-kind"
            checked={!v.isWorking}
            onChange={() => setV({ ...v, isWorking: false })}
          />
          <span>{t("holiday")}</span>
        </label>
        <label className="choice">
          <input
            type="radio"
            name="override-kind"
            checked={v.isWorking}
            onChange={() => setV({ ...v, isWorking: true })}
          />
          <span>{t("workingDay")}</span>
        </label>
      </fieldset>
      <label htmlFor="override-reason">{t("reason")}</label>
      <input
        {...form.field("override-reason", "reason")}
        value={v.reason}
        onChange={(e) => setV({ ...v, reason: e.target.value })}
      />
      {form.fieldError("override-reason", "reason")}
      {form.status}
      <button type="submit" disabled={form.busy}>
        {t("addButton")}
      </button>
    </form>
  );
}

export function DeleteOverrideButton({ id, label }: { id: number; label: string }) {
  const form = useAdminForm();
  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={form.busy}
        onClick={() => form.send(`/api/admin/calendar/${id}`, "DELETE")}
      >
        {label}
      </button>
      {form.error ? (
        <span className="form-error" role="alert">
          {form.error}
        </span>
      ) : null}
    </>
  );
}
