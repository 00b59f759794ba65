import "server-only";
import type { NextRequest } from "next/server";
import { createTranslator } from "use-intl/core";
import { getDb, type Database } from "../../db/client";
import { AppError, isAppError } from "../errors";
import { requestLocale } from "../http";
import type { Locale } from "../i18n/config";
import { loadMessages } from "../i18n/messages";
import { readForm } from "../request/read-body";
import { errorResponse, splitFormat, type Format } from "./format";
import { authenticateClient } from "./post-request";
import { resolveJurisdiction } from "./services";
import { asPublic } from "../auth/db-scope";

type Context = {
  format: Format;
  name: string;
  locale: Locale;
  db: Database;
  municipalityId: number;
  /** A POST's form fields (read once, within the limit); empty for GET. */
  form: URLSearchParams;
};

/** An Open311 POST carries text fields only (media go by `media_url`): a few kilobytes. */
export const MAX_OPEN311_BODY_BYTES = 64 * 1024;

const statusOf: Partial<Record<AppError["code"], number>> = {
  bad_request: 400,
  unprocessable: 400,
  forbidden: 403,
  unauthorized: 403,
  not_found: 404,
  payload_too_large: 413,
  rate_limited: 429,
};

/**
 * An Open311 endpoint: the last path segment carries the format (".json" / ".xml"); errors are
 * Open311 error lists in that format, with localized descriptions (`locale=` or Accept-Language).
 */
export function open311Route<P extends Record<string, string>>(
  segment: keyof P,
  handler: (req: NextRequest, ctx: Context & { params: P }) => Promise<Response>,
) {
  return async (req: NextRequest, route: { params: Promise<P> }): Promise<Response> => {
    const params = await route.params;
    const split = splitFormat(String(params[segment] ?? ""));
    const locale = requestLocale(req);
    const param = req.nextUrl.searchParams.get("locale");
    const chosen: Locale = param === "sr-Cyrl" || param === "sr-Latn" || param === "en" ? param : locale;
    const format: Format = split?.format ?? "xml";
    const t = createTranslator({
      locale: chosen,
      messages: await loadMessages(chosen),
      namespace: "errors",
    }) as unknown as (key: string, values?: Record<string, string | number>) => string;
    try {
      if (!split) throw new AppError({ code: "not_found", messageKey: "open311NotFound" });
      const serve = async (db: Database) => {
        // A key in the query string is checked before a byte of the body is read.
        const queryKey = req.nextUrl.searchParams.get("api_key");
        if (req.method === "POST" && queryKey !== null) await authenticateClient(db, queryKey);
        const form = req.method === "POST" ? await readOpen311Form(req) : new URLSearchParams();
        const jurisdiction = await resolveJurisdiction(
          db,
          req.nextUrl.searchParams.get("jurisdiction_id") ?? form.get("jurisdiction_id"),
        );
        if (!jurisdiction) throw new AppError({ code: "not_found", messageKey: "municipalityNotFound" });
        return handler(req, {
          format,
          name: split.name,
          locale: chosen,
          db,
          municipalityId: jurisdiction.id,
          form,
          params,
        });
      };
      // Reads run as the public (only the public views exist for it); a POST files as the system.
      return await (req.method === "GET" ? asPublic(serve) : serve(await getDb()));
    } catch (err) {
      if (isAppError(err)) {
        const values = Object.fromEntries(
          Object.entries(err.details ?? {}).filter(([, v]) => typeof v === "string" || typeof v === "number"),
        ) as Record<string, string | number>;
        // Hostile text is answered as on every other write route (422 naming the field).
        const status = err.messageKey === "controlCharacter" ? 422 : (statusOf[err.code] ?? 400);
        return errorResponse(format, status, t(err.messageKey, values));
      }
      console.error("[open311] unexpected error", err);
      return errorResponse(format, 500, t("generic"));
    }
  };
}

/**
 * The fields of a POST, urlencoded or multipart, read once within MAX_OPEN311_BODY_BYTES (a body
 * without Content-Length stops being read there); files in a multipart form are ignored.
 */
async function readOpen311Form(req: NextRequest): Promise<URLSearchParams> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.includes("application/x-www-form-urlencoded") && !type.includes("multipart/form-data"))
    throw new AppError({ code: "bad_request", messageKey: "malformedForm" });
  const form = await readForm(req, { maxBytes: MAX_OPEN311_BODY_BYTES });
  if (!form) throw new AppError({ code: "bad_request", messageKey: "malformedForm" });
  return new URLSearchParams(
    [...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}

/** An ISO 8601 date-time with a time zone, or a 400. */
export function parseOpen311Date(value: string | null): Date | undefined {
  if (value === null || value === "") return undefined;
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) ||
    Number.isNaN(Date.parse(value))
  ) {
    throw new AppError({ code: "bad_request", messageKey: "open311BadDate" });
  }
  return new Date(value);
}
