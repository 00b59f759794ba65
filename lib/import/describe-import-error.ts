import "server-only";
import { createTranslator } from "use-intl/core";
import type { Locale } from "../i18n/config";
import { loadMessages } from "../i18n/messages";
import type { ImportRowError } from "./dry-run-import";

/** A failed row's reason in the reader's language. */
export async function describeImportError(locale: Locale): Promise<(error: ImportRowError) => string> {
  const t = createTranslator({
    locale,
    messages: await loadMessages(locale),
    namespace: "errors",
  }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  return (error) => t(error.messageKey, error.values);
}
