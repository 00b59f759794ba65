import "server-only";
import { AppError } from "../errors";
import { assertCleanText, controlCharacterError, hasControlCharacter } from "./clean-text";

/** A JSON body of a form or staff action: generous for text, far below anything that hurts the server. */
export const DEFAULT_JSON_BYTES = 1024 * 1024;

type Limit = {
  maxBytes: number;
  /** The error for a body over the limit; "request too large" unless given. */
  tooLarge?: () => AppError;
};

const requestTooLarge = () => new AppError({ code: "payload_too_large", messageKey: "requestTooLarge" });

/**
 * Reads a request body up to `maxBytes`, refusing a declared Content-Length over it before reading
 * anything and stopping the stream as soon as a body without one (chunked) passes it: memory stays
 * bounded by the limit whatever the client sends.
 */
export async function readBodyBytes(req: Request, { maxBytes, tooLarge = requestTooLarge }: Limit) {
  const declared = Number(req.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await req.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/**
 * The JSON body, or null when it is not JSON (callers keep their own "could not be read" answer).
 * Too large → 413; a control character in any string or key → 422 naming its path.
 */
export async function readJson(req: Request, limit: Partial<Limit> = {}): Promise<unknown> {
  const bytes = await readBodyBytes(req, { maxBytes: DEFAULT_JSON_BYTES, ...limit });
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString("utf8"));
  } catch {
    return null;
  }
  assertCleanText(value);
  return value;
}

/**
 * A form body (multipart or urlencoded), or null when it cannot be parsed. Too large → 413; a
 * control character in a text field → 422 naming the field. Files are left to their own checks.
 */
export async function readForm(req: Request, limit: Limit): Promise<FormData | null> {
  const bytes = await readBodyBytes(req, limit);
  const type = req.headers.get("content-type") ?? "";
  const form = await new Response(bytes, { headers: { "content-type": type } }).formData().catch(() => null);
  if (!form) return null;
  for (const [name, value] of form.entries()) {
    if (hasControlCharacter(name)) throw controlCharacterError(name);
    if (typeof value === "string" && hasControlCharacter(value)) throw controlCharacterError(name);
  }
  return form;
}
