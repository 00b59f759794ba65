import type { Locale, LocalizedText } from "../i18n/config";

export type ResponseTemplateOption = {
  id: number;
  title: string;
  body: LocalizedText;
  /** The status the template goes with; null: any status change. */
  setsStatus: string | null;
};

/**
 * What picking a template does to the action form: the public message in the chosen language
 * (Serbian Latin when a language is missing), and the status it sets when that status is open to the
 * report now.
 */
export function fillResponseTemplate(input: {
  template: ResponseTemplateOption;
  locale: Locale;
  transitions: readonly string[];
}): { publicText: string; to: string | null } {
  const { template } = input;
  const publicText = template.body[input.locale] || template.body["sr-Latn"];
  const to =
    template.setsStatus && input.transitions.includes(template.setsStatus) ? template.setsStatus : null;
  return { publicText, to };
}
