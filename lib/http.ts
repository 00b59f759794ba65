import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { createTranslator } from "use-intl/core";
import { ZodError } from "zod";
import { AppError, isAppError } from "./errors";
import { isLocale, localeCookie, negotiateLocale, type Locale } from "./i18n/config";
import { loadMessages } from "./i18n/messages";
import { asPublic } from "./auth/db-scope";

export type RouteContext<P = Record<string, string>> = { params: Promise<P> };

type Handler<P> = (req: NextRequest, ctx: RouteContext<P> & { locale: Locale }) => Promise<Response>;

/** The language of an API caller: `?lang=`, then the site's cookie, then Accept-Language. */
export function requestLocale(req: NextRequest): Locale {
  const param = req.nextUrl.searchParams.get("lang");
  if (isLocale(param)) return param;
  const cookie = req.cookies.get(localeCookie)?.value;
  if (isLocale(cookie)) return cookie;
  return negotiateLocale(req.headers.get("accept-language"));
}

type ErrorTranslator = {
  (key: string, values?: Record<string, string | number>): string;
  has: (key: string) => boolean;
};

async function errorTranslator(locale: Locale): Promise<ErrorTranslator> {
  const messages = await loadMessages(locale);
  const errors = createTranslator({ locale, messages, namespace: "errors" }) as unknown as ErrorTranslator;
  const statuses = createTranslator({ locale, messages, namespace: "status" }) as unknown as ErrorTranslator;
  const permitStatuses = createTranslator({
    locale,
    messages,
    namespace: "permitStatus",
  }) as unknown as ErrorTranslator;
  // Report statuses named in a message ("cannot become {to}") are shown by their label; permit
  // statuses likewise ({permitFrom}, {permitTo}).
  const translate = ((key: string, values?: Record<string, string | number>) => {
    const shown = { ...values };
    for (const [field, labels] of [
      ["from", statuses],
      ["to", statuses],
      ["permitFrom", permitStatuses],
      ["permitTo", permitStatuses],
    ] as const) {
      const value = shown[field];
      if (typeof value === "string" && labels.has(value)) shown[field] = labels(value);
    }
    return errors(key, shown);
  }) as ErrorTranslator;
  translate.has = (key: string) => errors.has(key);
  return translate;
}

/**
 * Route handler wrapper: runs the handler and turns failures into one JSON error shape,
 * `{ error: { code, message, details? } }`, with the message in the caller's language.
 * Unknown errors (database, bugs) are logged and answered with a generic 500.
 */
export function withApi<P = Record<string, string>>(handler: Handler<P>) {
  return async (req: NextRequest, ctx: RouteContext<P>): Promise<Response> => {
    const locale = requestLocale(req);
    try {
      return await handler(req, { ...ctx, locale });
    } catch (err) {
      return errorResponse(err, locale);
    }
  };
}

/**
 * A public read: the handler runs as the public (civic_public, migration 0019), for which only the
 * public views and reference tables exist. What anyone may see is decided there, once.
 */
export function withPublicApi<P = Record<string, string>>(handler: Handler<P>) {
  return withApi<P>((req, ctx) => asPublic(() => handler(req, ctx)));
}

export async function errorResponse(err: unknown, locale: Locale): Promise<Response> {
  const t = await errorTranslator(locale);
  if (isAppError(err)) {
    const message = t.has(err.messageKey) ? t(err.messageKey, stringValues(err.details)) : t("generic");
    return NextResponse.json(
      { error: { code: err.code, message, details: err.details } },
      { status: err.status },
    );
  }
  if (err instanceof ZodError) {
    const fields = err.issues.map((issue) => ({ path: issue.path.join("."), issue: issue.code }));
    return NextResponse.json(
      { error: { code: "unprocessable", message: t("validation"), details: { fields } } },
      { status: 422 },
    );
  }
  console.error("[api] unexpected error", err);
  return NextResponse.json({ error: { code: "internal", message: t("generic") } }, { status: 500 });
}

function stringValues(details: Record<string, unknown> | undefined): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(details ?? {})) {
    if (typeof value === "string" || typeof value === "number") out[key] = value;
  }
  return out;
}

export function badRequest(messageKey: string, details?: Record<string, unknown>): AppError {
  return new AppError({ code: "bad_request", messageKey, details });
}

/**
 * The caller's address, for rate limits: the last X-Forwarded-For entry, the one the proxy in front
 * of the app added (entries before it are whatever the client sent, and could be made up), else
 * X-Real-IP. The app must run behind a proxy that sets or appends the header (README: production).
 */
export function clientIp(req: NextRequest): string {
  const forwarded = req.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || req.headers.get("x-real-ip") || "unknown";
}

/** Reads a number query parameter, refusing anything that is not a finite number. */
export function numberParam(req: NextRequest, name: string): number {
  const raw = req.nextUrl.searchParams.get(name);
  const value = raw === null || raw.trim() === "" ? Number.NaN : Number(raw);
  if (!Number.isFinite(value))
    throw new AppError({ code: "bad_request", messageKey: "invalidParameter", details: { name } });
  return value;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,100}$/;

/** The optional `Idempotency-Key` header: 16–100 letters, digits, `-` or `_` (a UUID fits). */
export function readIdempotencyKey(req: Request): string | undefined {
  const key = req.headers.get("idempotency-key");
  if (key === null) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) throw badRequest("idempotencyKeyInvalid");
  return key;
}
