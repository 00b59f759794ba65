"use client";

import { useTranslations } from "next-intl";
import type { Contact } from "./report-draft";

/** The reporter's optional contact: only for news of the report, never published. */
export function ContactFields({ contact, onChange }: { contact: Contact; onChange: (c: Contact) => void }) {
  const t = useTranslations("report");
  return (
    <div className="contact-fields">
      <p className="hint">{t("contactHint")}</p>
      <label htmlFor="contact-email">{t("email")}</label>
      <input
        id="contact-email"
        type="email"
        autoComplete="email"
        inputMode="email"
        maxLength={254}
        value={contact.email}
        onChange={(e) => onChange({ ...contact, email: e.target.value })}
      />
      <label htmlFor="contact-name">{t("name")}</label>
      <input
        id="contact-name"
        autoComplete="name"
        maxLength={120}
        value={contact.name}
        onChange={(e) => onChange({ ...contact, name: e.target.value })}
      />
      <label htmlFor="contact-phone">{t("phone")}</label>
      <input
        id="contact-phone"
        type="tel"
        autoComplete="tel"
        maxLength={25}
        value={contact.phone}
        onChange={(e) => onChange({ ...contact, phone: e.target.value })}
      />
      <label className="choice">
        <input
          type="checkbox"
          checked={contact.anonymous}
          onChange={(e) => onChange({ ...contact, anonymous: e.target.checked })}
        />
        <span>{t("anonymous")}</span>
      </label>
    </div>
  );
}
