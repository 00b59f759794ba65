import { NextResponse, type NextRequest } from "next/server";
import { isLocale, localeCookie, locales } from "./lib/i18n/config";

/** The request header that carries a locale chosen in the URL to the page. */
export const LOCALE_HEADER = "x-civic-locale";

const prefix = new RegExp(`^/(${locales.join("|")})(?=/|$)`);

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
  if (chosen && req.cookies.get(localeCookie)?.value !== chosen) {
    response.cookies.set(localeCookie, chosen, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  }
  return response;
}

export const config = {
  // Pages only: API routes read `?lang=` and the cookie themselves; built and static files need no language.
  matcher: ["/((?!api/|_next/|open311/|vendor/|icons/|.*\\.[a-z0-9]+$).*)"],
};
