import "server-only";
import bcrypt from "bcryptjs";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne, queryRows } from "../../db/query";
import type { Role } from "./roles";

/** What a session carries about its user: enough to decide permissions without a query. */
export type SessionUser = {
  id: number;
  email: string;
  name: string;
  locale: string;
  roles: Role[];
  organisationIds: number[];
  municipalityIds: number[];
  /** An administrator set the password: the user must choose their own before working. */
  mustChangePassword: boolean;
};

export async function loadSessionUser(db: Database, userId: number): Promise<SessionUser | null> {
  const row = await queryOne<{
    id: number;
    email: string;
    name: string;
    locale: string;
    must_change_password: boolean;
  }>(
    db,
    sql`select id, email, name, locale, must_change_password from users where id = ${userId} and active`,
  );
  if (!row) return null;
  const { must_change_password: mustChangePassword, ...user } = row;
  const memberships = await queryRows<{
    role: Role;
    organisation_id: number | null;
    municipality_id: number;
  }>(db, sql`select role, organisation_id, municipality_id from memberships where user_id = ${userId}`);
  return {
    ...user,
    mustChangePassword,
    roles: [...new Set(memberships.map((m) => m.role))],
    organisationIds: [
      ...new Set(memberships.flatMap((m) => (m.organisation_id === null ? [] : [m.organisation_id]))),
    ],
    municipalityIds: [...new Set(memberships.map((m) => m.municipality_id))],
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
