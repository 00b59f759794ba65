import "server-only";
import type { NextRequest } from "next/server";
import { createTranslator } from "use-intl/core";
import { getDb, type Database } from "../../db/client";
import { AppError, isAppError } from "../errors";
import { requestLocale } from "../http";
import type { Locale } from "../i18n/config";
import { loadMessages } from "../i18n/messages";
import { errorResponse, splitFormat, type Format } from "./format";
import { resolveJurisdiction } from "./services";
import { asPublic } from "../auth/db-scope";

type Context = { format: Format; name: string; locale: Locale; db: Database; municipalityId: number };

const statusOf: Partial<Record<AppError["code"], number>> = {
  bad_request: 400,
  unprocessable: 400,
  forbidden: 403,
  unauthorized: 403,
  not_found: 404,
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
        const jurisdiction = await resolveJurisdiction(
          db,
          req.nextUrl.searchParams.get("jurisdiction_id") ?? (await jurisdictionInBody(req)),
        );
        if (!jurisdiction) throw new AppError({ code: "not_found", messageKey: "municipalityNotFound" });
        return handler(req, {
          format,
          name: split.name,
          locale: chosen,
          db,
          municipalityId: jurisdiction.id,
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
        return errorResponse(format, statusOf[err.code] ?? 400, t(err.messageKey, values));
      }
      console.error("[open311] unexpected error", err);
      return errorResponse(format, 500, t("generic"));
    }
  };
}

/** A POST carries jurisdiction_id among its form fields, not in the query string. */
async function jurisdictionInBody(req: NextRequest): Promise<string | null> {
  if (req.method !== "POST") return null;
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("application/x-www-form-urlencoded"))
    return new URLSearchParams(await req.clone().text()).get("jurisdiction_id");
  if (type.includes("multipart/form-data")) {
    const value = (
      await req
        .clone()
        .formData()
        .catch(() => null)
    )?.get("jurisdiction_id");
    return typeof value === "string" ? value : null;
  }
  return null;
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
