"use client";

import { useTranslations } from "next-intl";
import { roles, type StaffMember } from "./setup-shared";
import { useRows } from "./use-rows";

/** Step 7: the first staff accounts, invited when the wizard finishes. */
export function StaffStep({
  value,
  organisations,
  busy,
  onSave,
}: {
  value: StaffMember[];
  organisations: string[];
  busy: boolean;
  onSave: (v: unknown) => void;
}) {
  const t = useTranslations("setup");
  const { rows, update, add, remove } = useRows(value);
  return (
    <form
      aria-labelledby="step-staff"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(rows);
      }}
    >
      <h2 id="step-staff">{t("step.staff")}</h2>
      <p className="hint">{t("staff.hint")}</p>
      {rows.map((r, i) => (
        <fieldset key={i} className="staff-row">
          <legend>{r.name || t("staff.new")}</legend>
          <label>
            {t("staff.name")}
            <input value={r.name} onChange={(e) => update(i, { name: e.target.value })} />
          </label>
          <label>
            {t("staff.email")}
            <input type="email" value={r.email} onChange={(e) => update(i, { email: e.target.value })} />
          </label>
          <label>
            {t("staff.role")}
            <select
              value={r.role}
              onChange={(e) => update(i, { role: e.target.value as StaffMember["role"] })}
            >
              {roles.map((role) => (
                <option key={role} value={role}>
                  {t(`role.${role}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("staff.organisation")}
            <select
              value={r.organisationCode ?? ""}
              onChange={(e) => update(i, { organisationCode: e.target.value || null })}
            >
              <option value="">{t("staff.noOrganisation")}</option>
              {organisations.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button" onClick={() => remove(i)}>
            {t("remove")}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => add({ email: "", name: "", role: "agent", organisationCode: null, locale: "sr-Latn" })}
      >
        {t("staff.add")}
      </button>
      <button type="submit" className="button primary" disabled={busy}>
        {t("saveStep")}
      </button>
    </form>
  );
}
