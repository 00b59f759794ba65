import { z } from "zod";
import type { LocalizedText } from "../i18n/config";
import { toCyrillic } from "../i18n/transliterate";

/**
 * A name or text typed once in Serbian (Latin) and once in English; the Cyrillic form is the exact
 * transliteration of the Latin, as everywhere in the catalogue and the seed.
 */
export const localizedInput = (max: number, min = 1) =>
  z
    .object({ "sr-Latn": z.string().trim().min(min).max(max), en: z.string().trim().min(min).max(max) })
    .transform((v): LocalizedText => ({
      "sr-Latn": v["sr-Latn"],
      "sr-Cyrl": toCyrillic(v["sr-Latn"]),
      en: v.en,
    }));
