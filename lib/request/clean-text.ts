import { z } from "zod";
import { AppError } from "../errors";

/**
 * Characters no text field may hold: C0 controls other than tab and line breaks, DEL, the
 * non-characters U+FFFE/U+FFFF and lone surrogates. PostgreSQL refuses NUL in text and JSON, and
 * XML 1.0 cannot carry the rest, so one such character would break every Open311 XML client.
 */
const forbidden =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasControlCharacter(text: string): boolean {
  return forbidden.test(text);
}

/** The path (`contact.name`, `answers.depth`, `0`) of the first string holding a forbidden character. */
export function findControlCharacter(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return hasControlCharacter(value) ? path.join(".") || "body" : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findControlCharacter(item, [...path, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      // A key is text too: `{"a\u0000": 1}` must not reach a JSON column.
      if (hasControlCharacter(key)) return [...path, key].join(".");
      const found = findControlCharacter(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

export function controlCharacterError(field: string): AppError {
  return new AppError({ code: "unprocessable", messageKey: "controlCharacter", details: { field } });
}

/** Throws 422 naming the first field (by its path) that holds a control character. */
export function assertCleanText(value: unknown): void {
  const field = findControlCharacter(value);
  if (field !== null) throw controlCharacterError(field);
}

/** The same rule as a zod refinement, for schemas that parse text from elsewhere (query strings). */
export const cleanText = () =>
  z.string().refine((text) => !hasControlCharacter(text), { message: "controlCharacter" });
