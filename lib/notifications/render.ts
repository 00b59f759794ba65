import { createTranslator } from "use-intl/core";
import { isLocale, defaultLocale, type Locale } from "../i18n/config";
import { loadMessages } from "../i18n/messages";
import { BELGRADE_TIME_ZONE } from "../time/belgrade";

export type Template =
  | "report_received"
  | "report_updated"
  | "organisation_assigned"
  | "organisation_escalated"
  | "permit_application_received"
  | "permit_status_changed"
  | "permit_report_linked"
  | "sign_in_link"
  | "questionnaire"
  | "consultation_answered"
  | "open311_key_approved"
  | "open311_key_refused";

export type RenderedMessage = { subject: string; body: string };

/** A rendered message with whom it goes to, in which language, from which template. */
export type AddressedMessage = RenderedMessage & { recipient: string; locale: string; template: Template };

type Translator = (key: string, values?: Record<string, string | number>) => string;

/** A notification in the recipient's language; values are plain strings already formatted for it. */
export async function renderNotification(input: {
  locale: string;
  template: Template;
  values: Record<string, string | number>;
}): Promise<RenderedMessage> {
  const locale: Locale = isLocale(input.locale) ? input.locale : defaultLocale;
  const t = createTranslator({
    locale,
    messages: await loadMessages(locale),
    namespace: "notifications",
  }) as unknown as Translator;
  return {
    subject: t(`${input.template}.subject`, input.values),
    body: t(`${input.template}.body`, input.values),
  };
}

export async function translate(
  locale: string,
  key: string,
  values?: Record<string, string | number>,
): Promise<string> {
  const l: Locale = isLocale(locale) ? locale : defaultLocale;
  const t = createTranslator({ locale: l, messages: await loadMessages(l) }) as unknown as Translator;
  return t(key, values);
}

// One formatter per language, kept: building one costs far more than formatting with it.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Dates in messages: the recipient's language, the municipality's time zone. */
export function formatDate(date: Date | null, locale: string): string {
  if (!date) return "—";
  const tag = locale === "en" ? "en-GB" : locale === "sr-Cyrl" ? "sr-Cyrl-RS" : "sr-Latn-RS";
  // Serbian dates end in a full stop ("24. novembar 2026."); the sentence around them brings its own.
  let format = dateFormats.get(tag);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, { dateStyle: "long", timeZone: BELGRADE_TIME_ZONE });
    dateFormats.set(tag, format);
  }
  return format.format(date).replace(/\.$/, "");
}
