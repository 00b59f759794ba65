"use client";

import { useLocale, useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import { fillResponseTemplate, type ResponseTemplateOption } from "@/lib/templates/fill-response-template";

/**
 * Response templates for the public message: picking one writes its text (in the page's language)
 * into the message, which stays editable, and may set the status the template goes with.
 */
export function ResponseTemplatePicker(props: {
  templates: readonly ResponseTemplateOption[];
  to: string;
  transitions: readonly string[];
  onPick: (fill: { publicText: string; to: string | null }) => void;
}) {
  const t = useTranslations("templates");
  const locale = useLocale() as Locale;
  // A template that sets a status is offered when that status is open to the report now.
  const offered = props.templates.filter(
    (tpl) => tpl.setsStatus === null || props.transitions.includes(tpl.setsStatus),
  );
  if (offered.length === 0) return null;
  return (
    <>
      <label htmlFor="responseTemplate">{t("pick")}</label>
      <select
        id="responseTemplate"
        value=""
        onChange={(e) => {
          const template = offered.find((tpl) => String(tpl.id) === e.target.value);
          if (template)
            props.onPick(fillResponseTemplate({ template, locale, transitions: props.transitions }));
        }}
      >
        <option value="">{t("none")}</option>
        {offered.map((tpl) => (
          <option key={tpl.id} value={tpl.id}>
            {tpl.title}
          </option>
        ))}
      </select>
    </>
  );
}
