import "server-only";
import bcrypt from "bcryptjs";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne, queryRows } from "../../db/query";
import { claimsOf, type AccessClaims, type ScopedMembership } from "./claims";
import type { Role } from "./roles";

/** What a session carries about its user: enough to decide permissions without a query. */
export type SessionUser = {
  id: number;
  email: string;
  name: string;
  locale: string;
  /** Each role with the organisation and municipality it was granted in. */
  memberships: ScopedMembership[];
  /** The roles held (any scope): for choosing a landing page and a precedence, never for access. */
  roles: Role[];
  organisationIds: number[];
  municipalityIds: number[];
  /** What the database's row-level security is told about this user (lib/auth/claims.ts). */
  claims: AccessClaims;
  /** An administrator set the password: the user must choose their own before working. */
  mustChangePassword: boolean;
  /** Bumped by sign-out and by changes of roles or password; a session with an older one is refused. */
  sessionVersion: number;
};

export async function loadSessionUser(db: Database, userId: number): Promise<SessionUser | null> {
  const row = await queryOne<{
    id: number;
    email: string;
    name: string;
    locale: string;
    must_change_password: boolean;
    session_version: number;
  }>(
    db,
    sql`select id, email, name, locale, must_change_password, session_version from users where id = ${userId} and active`,
  );
  if (!row) return null;
  const { must_change_password: mustChangePassword, session_version: sessionVersion, ...user } = row;
  // In the order granted: an administrator of several municipalities works in the first until they
  // choose another.
  const rows = await queryRows<{
    role: Role;
    organisation_id: number | null;
    municipality_id: number;
    organisation_kind: ScopedMembership["organisationKind"];
    organisation_moderates: boolean | null;
  }>(
    db,
    sql`select m.role, m.organisation_id, m.municipality_id, o.kind as organisation_kind,
               o.can_moderate and o.active as organisation_moderates
        from memberships m left join organisations o on o.id = m.organisation_id
        where m.user_id = ${userId}
        order by m.id`,
  );
  const memberships: ScopedMembership[] = rows.map((m) => ({
    role: m.role,
    organisationId: m.organisation_id,
    municipalityId: m.municipality_id,
    organisationKind: m.organisation_kind,
    organisationModerates: m.organisation_moderates === true,
  }));
  const claims = claimsOf(user.id, memberships);
  return {
    ...user,
    mustChangePassword,
    sessionVersion,
    memberships,
    claims,
    roles: [...new Set(memberships.map((m) => m.role))],
    organisationIds: claims.orgs,
    municipalityIds: [...new Set(memberships.map((m) => m.municipalityId))],
  };
}

let dummyHash: string | undefined;

/** Checks an email and password; the same answer (null) for an unknown user and a wrong password. */
export async function verifyCredentials(
  db: Database,
  email: string,
  password: string,
): Promise<SessionUser | null> {
  const row = await queryOne<{ id: number; password_hash: string | null }>(
    db,
    sql`select id, password_hash from users where lower(email) = lower(${email}) and active`,
  );
  // Compare against a throwaway hash when the user is unknown, so timing does not tell who exists.
  dummyHash ??= await bcrypt.hash("no user has this password", 10);
  const hash = row?.password_hash ?? dummyHash;
  const ok = await bcrypt.compare(password, hash);
  if (!row || !row.password_hash || !ok) return null;
  return loadSessionUser(db, row.id);
}
