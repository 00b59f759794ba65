import "server-only";
import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { errorResponse, requestLocale } from "../http";
import { withCorsHeaders } from "../request/cors";
import { renderOgcHtml, wantsHtml } from "./html";
import { asPublic } from "../auth/db-scope";
import type { Locale } from "../i18n/config";

/** The API's own address as the caller reached it, for absolute links (desktop GIS follows them). */
export function ogcBase(req: NextRequest): string {
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? req.nextUrl.host;
  const proto = req.headers.get("x-forwarded-proto") ?? req.nextUrl.protocol.replace(":", "");
  return `${proto}://${host}/api/ogc`;
}

export function ogcJson(body: unknown, contentType = "application/json"): Response {
  return new NextResponse(JSON.stringify(body), {
    headers: {
      "content-type": contentType,
      "cache-control": "public, max-age=60",
      // Titles and feature properties change with the caller's language; shared caches must know.
      vary: "accept, accept-language",
    },
  });
}

/** OGC API exceptions: `{ code, description }` with the HTTP status. */
export function ogcRoute<P>(
  handler: (req: NextRequest, ctx: { params: P; base: string; locale: Locale }) => Promise<Response>,
) {
  return async (req: NextRequest, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const params = await route.params;
      // Read as the public: only the public views (migration 0019) exist for this role.
      const response = await asPublic(() =>
        handler(req, { params, base: ogcBase(req), locale: requestLocale(req) }),
      );
      // Conformance class html: the same document as a page, for a person in a browser.
      if (response.ok && wantsHtml(req) && (response.headers.get("content-type") ?? "").includes("json")) {
        const html = await renderOgcHtml({
          doc: await response.json(),
          base: ogcBase(req),
          locale: requestLocale(req),
        });
        return withCorsHeaders(
          new NextResponse(html, {
            headers: {
              "content-type": "text/html; charset=utf-8",
              "cache-control": "public, max-age=60",
              vary: "accept, accept-language",
            },
          }),
        );
      }
      return withCorsHeaders(response);
    } catch (err) {
      // The exception body in the caller's language (`{ code, description }`, Part 1 Core 7.5.1).
      const shaped = await errorResponse(err, requestLocale(req));
      const { error } = (await shaped.json()) as {
        error: { code: string; message: string; details?: unknown };
      };
      return withCorsHeaders(
        NextResponse.json(
          { code: error.code, description: error.message, details: error.details },
          { status: shaped.status, headers: { vary: "accept-language" } },
        ),
      );
    }
  };
}
