"use client";

import { useTranslations } from "next-intl";
import type { SetupDraftData } from "@/lib/onboarding/draft-schema";
import { useRows } from "./use-rows";

/** Step 6: local holidays and decreed working days on top of the national calendar. */
export function CalendarStep({
  value,
  holidays,
  busy,
  onSave,
}: {
  value: NonNullable<SetupDraftData["calendar"]>;
  holidays: Array<{ date: string; key: string }>;
  busy: boolean;
  onSave: (v: unknown) => void;
}) {
  const t = useTranslations("setup");
  const { rows, update, add, remove } = useRows(value);
  return (
    <form
      aria-labelledby="step-calendar"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(rows.filter((r) => r.date && r.reason));
      }}
    >
      <h2 id="step-calendar">{t("step.calendar")}</h2>
      <p className="hint">{t("calendar.hint")}</p>
      <details>
        <summary>{t("calendar.national")}</summary>
        <ul>
          {holidays.map((h) => (
            <li key={h.date + h.key}>
              {h.date} – {t(`holiday.${h.key}`)}
            </li>
          ))}
        </ul>
      </details>
      {rows.map((r, i) => (
        <fieldset key={i} className="calendar-row">
          <legend>{t("calendar.override", { number: i + 1 })}</legend>
          <label>
            {t("calendar.date")}
            <input type="date" value={r.date} onChange={(e) => update(i, { date: e.target.value })} />
          </label>
          <label className="choice">
            <input
              type="checkbox"
              checked={r.isWorking}
              onChange={(e) => update(i, { isWorking: e.target.checked })}
            />
            <span>{t("calendar.isWorking")}</span>
          </label>
          <label>
            {t("calendar.reason")}
            <input value={r.reason} onChange={(e) => update(i, { reason: e.target.value })} />
          </label>
          <button type="button" className="button" onClick={() => remove(i)}>
            {t("remove")}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => add({ date: "", isWorking: false, reason: "" })}
      >
        {t("calendar.add")}
      </button>
      <button type="submit" className="button primary" disabled={busy}>
        {t("saveStep")}
      </button>
    </form>
  );
}
