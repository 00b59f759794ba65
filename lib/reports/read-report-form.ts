import "server-only";
import { AppError } from "../errors";
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from "./photos";
import { assertCleanText } from "../request/clean-text";
import { readForm } from "../request/read-body";

// Three photos at the limit plus the form itself.
export const MAX_REPORT_BODY_BYTES = MAX_PHOTOS * MAX_PHOTO_BYTES + 1024 * 1024;

/**
 * Reads a report submission: a multipart form with `data` (JSON) and up to three `photos`, each
 * checked for size before it is read. The JSON is returned unparsed by any schema: the caller
 * adds what its channel decides (web, field) and parses it.
 */
export async function readReportForm(req: Request): Promise<{ data: object; photos: Buffer[] }> {
  const form = await readForm(req, { maxBytes: MAX_REPORT_BODY_BYTES });
  if (!form) throw new AppError({ code: "bad_request", messageKey: "malformedForm" });
  const raw = form.get("data");
  let data: unknown;
  try {
    data = JSON.parse(typeof raw === "string" ? raw : "");
  } catch {
    throw new AppError({ code: "bad_request", messageKey: "malformedForm" });
  }
  if (typeof data !== "object" || data === null || Array.isArray(data))
    throw new AppError({ code: "bad_request", messageKey: "malformedForm" });
  assertCleanText(data);
  const files = form.getAll("photos").filter((f): f is File => typeof f !== "string");
  if (files.length > MAX_PHOTOS)
    throw new AppError({ code: "unprocessable", messageKey: "tooManyPhotos", details: { max: MAX_PHOTOS } });
  for (const file of files) {
    if (file.size > MAX_PHOTO_BYTES) {
      throw new AppError({
        code: "payload_too_large",
        messageKey: "photoTooLarge",
        details: { maxMb: MAX_PHOTO_BYTES / 1024 / 1024 },
      });
    }
  }
  return { data, photos: await Promise.all(files.map(async (f) => Buffer.from(await f.arrayBuffer()))) };
}
