import { foldForSearch } from "../i18n/transliterate";
import { maskContacts } from "./mask-contacts";

export type TextScreening = {
  /** The text as the public may read it (contacts masked). */
  publicText: string;
  /** Whether masking changed it. */
  masked: boolean;
  /** Listed words found (as listed); any one holds the text for a moderator. */
  heldWords: string[];
  /** A moderator should look: contacts were masked or a listed word was found. */
  flag: boolean;
  /** Not public until a moderator releases it. */
  hold: boolean;
};

/**
 * Finds the listed words in a text whatever its script or diacritics ("ћорав", "corav" and "ćorav"
 * all match "ćorav"). An entry matches a word that starts with it, so one stem covers Serbian's
 * inflected forms ("budal" matches "budala", "budalo", "budalama").
 */
export function findHeldWords(text: string, words: readonly string[]): string[] {
  const tokens = foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return words.filter((word) => {
    const stem = foldForSearch(word.trim());
    return stem !== "" && tokens.some((token) => token.startsWith(stem));
  });
}

/**
 * The automatic screen of a public text (a report's description, a comment): contacts are masked
 * and flagged for a moderator; a listed word holds the text until a moderator looks.
 */
export function screenText(input: { text: string; heldWords: readonly string[] }): TextScreening {
  const masked = maskContacts(input.text);
  const heldWords = findHeldWords(input.text, input.heldWords);
  const wasMasked = masked.emails + masked.phones > 0;
  return {
    publicText: masked.text,
    masked: wasMasked,
    heldWords,
    flag: wasMasked || heldWords.length > 0,
    hold: heldWords.length > 0,
  };
}
