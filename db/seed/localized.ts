import type { LocalizedText } from "../../lib/i18n/config";
import { toCyrillic } from "../../lib/i18n/transliterate";

/** Serbian Latin and English; the Cyrillic form is the exact transliteration of the Latin. */
export function sr(latin: string, english: string): LocalizedText {
  return { "sr-Latn": latin, "sr-Cyrl": toCyrillic(latin), en: english };
}
