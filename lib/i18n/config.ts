import { inReaderScript, toLatin } from "./transliterate";

/** Serbian in both scripts and English. Serbian Latin is the default: it is what most municipal sites use. */
export const locales = ["sr-Latn", "sr-Cyrl", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "sr-Latn";
export const localeCookie = "NEXT_LOCALE";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** Text stored in the database for every supported language (names of places, categories, organisations). */
export type LocalizedText = Record<Locale, string>;

/**
 * Picks a locale from an Accept-Language header. Plain "sr" and "sr-RS" mean Cyrillic (the
 * official script); "sr-Latn-*", "bs", "hr" and "sh" readers get Latin.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const ranked = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith("sr-latn") || tag === "sh" || tag.startsWith("bs") || tag.startsWith("hr"))
      return "sr-Latn";
    if (tag.startsWith("sr")) return "sr-Cyrl";
    if (tag.startsWith("en")) return "en";
  }
  return defaultLocale;
}

/**
 * A stored name in the reader's language. Serbian written in one script only (a name entered in
 * Latin, say) is shown to readers of the other script transliterated, never in the wrong script.
 */
export function localized(text: LocalizedText | null | undefined, locale: Locale): string {
  if (!text) return "";
  if (text[locale]) return text[locale];
  if (locale === "sr-Cyrl" && text["sr-Latn"]) return inReaderScript(text["sr-Latn"], "sr-Cyrl");
  if (locale === "sr-Latn" && text["sr-Cyrl"]) return toLatin(text["sr-Cyrl"]);
  if (locale === "en") return text["sr-Latn"] || (text["sr-Cyrl"] ? toLatin(text["sr-Cyrl"]) : "");
  return text[defaultLocale] || text.en || "";
}
