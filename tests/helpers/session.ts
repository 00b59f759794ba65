import { claimsOf, type ScopedMembership } from "../../lib/auth/claims";
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

/** A session user built from scoped memberships, as loadSessionUser would build it. */
export function sessionUserOf(input: {
  id: number;
  memberships: Array<
    Omit<ScopedMembership, "organisationKind"> & { organisationKind?: ScopedMembership["organisationKind"] }
  >;
  email?: string;
  mustChangePassword?: boolean;
}): SessionUser {
  const memberships: ScopedMembership[] = input.memberships.map((m) => ({
    organisationKind:
      m.role === "agent" ? "contact_centre" : m.organisationId === null ? null : "utility_company",
    ...m,
  }));
  const claims = claimsOf(input.id, memberships);
  return {
    id: input.id,
    email: input.email ?? `user-${input.id}@example.test`,
    name: `User ${input.id}`,
    locale: "en",
    memberships,
    claims,
    roles: [...new Set(memberships.map((m) => m.role))],
    organisationIds: claims.orgs,
    municipalityIds: [...new Set(memberships.map((m) => m.municipalityId))],
    mustChangePassword: input.mustChangePassword ?? false,
    sessionVersion: 1,
  };
}
