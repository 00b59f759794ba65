"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useAdminForm } from "./use-admin-form";

type Membership = { role: string; organisationId: number | null; isLead: boolean };
export type UserValues = {
  email: string;
  name: string;
  locale: string;
  active: boolean;
  memberships: Membership[];
};

type Props = {
  id?: number;
  initial?: UserValues;
  roles: string[];
  organisations: Array<{ id: number; name: string }>;
  minPasswordLength: number;
};

const locales = ["sr-Latn", "sr-Cyrl", "en"] as const;

/** A staff account: create (email and an initial password) or edit (name, language, roles, active). */
export function UserForm({ id, initial, roles, organisations, minPasswordLength }: Props) {
  const t = useTranslations("admin");
  const tr = useTranslations("admin.roles");
  const router = useRouter();
  const form = useAdminForm();
  const [v, setV] = useState<UserValues>(
    initial ?? {
      email: "",
      name: "",
      locale: "sr-Latn",
      active: true,
      memberships: [
        { role: roles[0] ?? "agent", organisationId: organisations[0]?.id ?? null, isLead: false },
      ],
    },
  );
  const [password, setPassword] = useState("");
  const setM = (i: number, patch: Partial<Membership>) =>
    setV((old) => ({
      ...old,
      memberships: old.memberships.map((m, j) => (j === i ? { ...m, ...patch } : m)),
    }));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const body = id
      ? { name: v.name, locale: v.locale, active: v.active, memberships: v.memberships }
      : {
          email: v.email,
          name: v.name,
          locale: v.locale,
          memberships: v.memberships,
          initialPassword: password,
        };
    const saved = await form.send<{ id: number }>(
      id ? `/api/admin/users/${id}` : "/api/admin/users",
      id ? "PUT" : "POST",
      body,
    );
    if (saved && !id) router.push(`/admin/users/${saved.id}?created=1`);
  };

  return (
    <form className="admin-form" onSubmit={submit} noValidate>
      {id ? null : (
        <>
          <label htmlFor="user-email">{t("users.email")}</label>
          <input
            {...form.field("user-email", "email")}
            type="email"
            autoComplete="off"
            value={v.email}
            onChange={(e) => setV({ ...v, email: e.target.value })}
          />
          {form.fieldError("user-email", "email")}
        </>
      )}
      <label htmlFor="user-name">{t("users.name")}</label>
      <input
        {...form.field("user-name", "name")}
        autoComplete="off"
        value={v.name}
        onChange={(e) => setV({ ...v, name: e.target.value })}
      />
      {form.fieldError("user-name", "name")}
      <label htmlFor="user-locale">{t("users.locale")}</label>
      <select id="user-locale" value={v.locale} onChange={(e) => setV({ ...v, locale: e.target.value })}>
        {locales.map((l) => (
          <option key={l} value={l}>
            {t(`users.locales.${l}`)}
          </option>
        ))}
      </select>
      {id ? null : (
        <>
          <label htmlFor="user-password">{t("users.initialPassword")}</label>
          <input
            {...form.field("user-password", "initialPassword", "user-password-hint")}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <span id="user-password-hint" className="hint">
            {t("users.passwordHint", { min: minPasswordLength })}
          </span>
          {form.fieldError("user-password", "initialPassword")}
        </>
      )}
      <fieldset>
        <legend>{t("users.memberships")}</legend>
        {form.fieldError("user-memberships", "memberships", true)}
        {v.memberships.map((m, i) => (
          <div
            key={i}
            className="membership row"
            role="group"
            aria-label={t("users.membership", { n: i + 1 })}
          >
            <span>
              <label htmlFor={`m${i}-role`}>{t("users.role")}</label>
              <select
                {...form.field(`m${i}-role`, `memberships.${i}.role`)}
                value={m.role}
                onChange={(e) => setM(i, { role: e.target.value })}
              >
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {tr(r as never)}
                  </option>
                ))}
              </select>
            </span>
            <span>
              <label htmlFor={`m${i}-org`}>{t("users.organisation")}</label>
              <select
                {...form.field(`m${i}-org`, `memberships.${i}.organisationId`)}
                value={m.organisationId ?? ""}
                onChange={(e) => setM(i, { organisationId: e.target.value ? Number(e.target.value) : null })}
              >
                <option value="">{t("users.noOrganisation")}</option>
                {organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
              {form.fieldError(`m${i}-org`, `memberships.${i}.organisationId`)}
            </span>
            <label className="choice">
              <input
                type="checkbox"
                checked={m.isLead}
                onChange={(e) => setM(i, { isLead: e.target.checked })}
              />
              <span>{t("users.lead")}</span>
            </label>
            <button
              type="button"
              className="secondary"
              disabled={v.memberships.length === 1}
              onClick={() => setV({ ...v, memberships: v.memberships.filter((_, j) => j !== i) })}
            >
              {t("users.removeMembership", { n: i + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() =>
            setV({
              ...v,
              memberships: [
                ...v.memberships,
                { role: roles[0] ?? "agent", organisationId: organisations[0]?.id ?? null, isLead: false },
              ],
            })
          }
        >
          {t("users.addMembership")}
        </button>
      </fieldset>
      {id ? (
        <label className="choice">
          <input
            type="checkbox"
            checked={v.active}
            onChange={(e) => setV({ ...v, active: e.target.checked })}
            aria-describedby="user-active-hint"
          />
          <span>{t("users.active")}</span>
        </label>
      ) : null}
      {id ? (
        <span id="user-active-hint" className="hint">
          {t("users.activeHint")}
        </span>
      ) : null}
      {form.status}
      <button type="submit" disabled={form.busy}>
        {id ? t("save") : t("users.create")}
      </button>
    </form>
  );
}

/** An administrator sets a temporary password; the user must choose their own at the next sign-in. */
export function PasswordResetForm({ id, minPasswordLength }: { id: number; minPasswordLength: number }) {
  const t = useTranslations("admin.users");
  const form = useAdminForm();
  const [password, setPassword] = useState("");
  return (
    <form
      className="admin-form"
      noValidate
      aria-labelledby="reset-title"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await form.send(`/api/admin/users/${id}/password`, "POST", { temporaryPassword: password }))
          setPassword("");
      }}
    >
      <h2 id="reset-title">{t("resetTitle")}</h2>
      <label htmlFor="reset-password">{t("temporaryPassword")}</label>
      <input
        {...form.field("reset-password", "temporaryPassword", "reset-hint")}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <span id="reset-hint" className="hint">
        {t("resetHint", { min: minPasswordLength })}
      </span>
      {form.fieldError("reset-password", "temporaryPassword")}
      {form.status}
      <button type="submit" disabled={form.busy}>
        {t("reset")}
      </button>
    </form>
  );
}
