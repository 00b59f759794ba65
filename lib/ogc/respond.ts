import "server-only";
import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { isAppError } from "../errors";
import { requestLocale } from "../http";
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
      "access-control-allow-origin": "*",
      "cache-control": "public, max-age=60",
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
      return await asPublic(() => handler(req, { params, base: ogcBase(req), locale: requestLocale(req) }));
    } catch (err) {
      if (isAppError(err)) {
        return NextResponse.json(
          { code: err.code, description: `${err.messageKey} ${JSON.stringify(err.details ?? {})}` },
          { status: err.status },
        );
      }
      console.error("[ogc] unexpected error", err);
      return NextResponse.json({ code: "internal", description: "internal error" }, { status: 500 });
    }
  };
}
