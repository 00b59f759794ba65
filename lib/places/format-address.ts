import { foldForSearch, inReaderScript } from "../i18n/transliterate";
import type { Locale } from "../i18n/config";

/**
 * A report's place as a reader sees it: the stored address in the reader's script, followed by the
 * local community only when the address does not name it already ("Kneza Miloša, Ćuprija – Jug"
 * rather than "Кнеза Милоша, Ћуприја – Југ, Ćuprija – Jug"). Parts are compared across scripts and
 * diacritics.
 */
export function formatAddress(input: {
  address: string | null;
  district: string | null;
  locale: Locale;
}): string {
  const parts = (input.address ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => inReaderScript(p, input.locale));
  const seen = new Set<string>();
  const unique = parts.filter((p) => {
    const key = foldForSearch(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (input.district && !seen.has(foldForSearch(input.district)))
    unique.push(inReaderScript(input.district, input.locale));
  return unique.join(", ");
}
