import { NextResponse, type NextRequest } from "next/server";
import { isLocale, localeCookie, locales } from "./lib/i18n/config";

/** The request header that carries a locale chosen in the URL to the page. */
export const LOCALE_HEADER = "x-civic-locale";

const prefix = new RegExp(`^/(${locales.join("|")})(?=/|$)`);

// civic_rw: db/read.ts's READ_YOUR_WRITES_COOKIE (that module reaches the database; the proxy may not).

/** Public pages that hold no one's personal data: the map, the report flow, report pages, tracking… */
const cacheablePage =
  /^\/(?:report|reports\/[^/]+|track|charter|open-data|permits\/(?:apply|planned|track))?$/;

/**
 * Next marks rendered-on-request pages `no-store`, which keeps them out of the back/forward cache.
 * A public page may be kept and must be revalidated before reuse (max-age=0), so "back" is
 * instant and nothing stale is shown; a signed-in reader's copy (or one who has just filed) is
 * private. Next sets Vary itself (it overwrites ours); with max-age=0 a shared cache asks again
 * anyway, so one language's page is never served for another.
 */
function cacheControlFor(path: string, req: NextRequest): string | null {
  if (!cacheablePage.test(path)) return null;
  const personal = req.cookies
    .getAll()
    .some((c) => c.name.includes("next-auth.session-token") || c.name === "civic_rw");
  return `${personal ? "private" : "public"}, max-age=0, must-revalidate`;
}

/**
 * The language is part of the address: `/sr-Cyrl/report` is the report form in Cyrillic, and a link
 * with `?lang=en` opens in English. The choice is remembered (a cookie) for the pages that follow,
 * whose own addresses stay as they are; without a choice, the browser's languages decide.
 */
export function proxy(req: NextRequest): NextResponse {
  const { pathname, searchParams } = req.nextUrl;
  const headers = new Headers(req.headers);
  const match = prefix.exec(pathname);
  const fromQuery = searchParams.get("lang");
  const chosen = match ? match[1] : isLocale(fromQuery) ? fromQuery : null;
  const path = match ? pathname.slice(match[0].length) || "/" : pathname;
  if (chosen) headers.set(LOCALE_HEADER, chosen);
  let response: NextResponse;
  if (match) {
    const url = req.nextUrl.clone();
    url.pathname = path;
    response = NextResponse.rewrite(url, { request: { headers } });
  } else {
    response = NextResponse.next({ request: { headers } });
  }
  const cacheControl = cacheControlFor(path, req);
  if (cacheControl) response.headers.set("cache-control", cacheControl);
  if (chosen && req.cookies.get(localeCookie)?.value !== chosen) {
    response.cookies.set(localeCookie, chosen, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  }
  return response;
}

export const config = {
  // Pages only: API routes read `?lang=` and the cookie themselves; built and static files need no language.
  matcher: ["/((?!api/|_next/|open311/|vendor/|icons/|.*\\.[a-z0-9]+$).*)"],
};
