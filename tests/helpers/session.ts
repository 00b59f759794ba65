import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { authSecret } from "../../lib/auth/secret";
import type { SessionUser } from "../../lib/auth/staff-user";

/** A real signed session cookie for a user, as next-auth would set it after sign-in. */
export async function sessionCookie(user: SessionUser): Promise<string> {
  const token = await encode({ token: { sub: String(user.id), staff: user }, secret: authSecret() });
  return `next-auth.session-token=${token}`;
}

export function staffRequest(
  path: string,
  init: { method?: string; cookie?: string; origin?: string | null; body?: unknown } = {},
): NextRequest {
  const headers = new Headers({ host: "localhost" });
  if (init.cookie) headers.set("cookie", init.cookie);
  if (init.origin !== null) headers.set("origin", init.origin ?? "http://localhost");
  if (init.body !== undefined) headers.set("content-type", "application/json");
  return new NextRequest(new URL(path, "http://localhost"), {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}
