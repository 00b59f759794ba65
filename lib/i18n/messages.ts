import type { Locale } from "./config";

type Messages = Record<string, unknown>;

const loaders: Record<Locale, () => Promise<{ default: Messages }>> = {
  "sr-Latn": () => import("../../messages/sr-Latn.json"),
  "sr-Cyrl": () => import("../../messages/sr-Cyrl.json"),
  en: () => import("../../messages/en.json"),
};

export async function loadMessages(locale: Locale): Promise<Messages> {
  return (await loaders[locale]()).default;
}
