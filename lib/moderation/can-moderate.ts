import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import { permissionScope } from "../auth/permissions";
import type { SessionUser } from "../auth/staff-user";
import { AppError } from "../errors";

export type Moderator = Pick<SessionUser, "id" | "memberships" | "organisationIds" | "municipalityIds">;

/**
 * The one moderation check: the user holds the `moderator` permission in the municipality (the
 * permission table: the desk, admins, and staff of an organisation an administrator granted
 * moderation, as loaded with the session). The organisation's grant is also read live here, for a
 * user object loaded before the grant changed. Without a municipality: whether they moderate
 * anywhere (the staff navigation).
 */
export async function canModerate(input: {
  db: Database;
  user: Moderator;
  municipalityId?: number;
}): Promise<boolean> {
  const { user, municipalityId } = input;
  if (municipalityId !== undefined && !user.municipalityIds.includes(municipalityId)) return false;
  // The permission in this municipality's scope (an agent counts in a contact centre only).
  const scope = permissionScope(user, "moderator");
  if (
    municipalityId === undefined
      ? scope.municipalityIds.length > 0
      : scope.municipalityIds.includes(municipalityId)
  )
    return true;
  if (user.organisationIds.length === 0) return false;
  const granted = await queryOne<{ id: number }>(
    input.db,
    sql`select id from organisations
        where can_moderate and active and id in ${user.organisationIds}
          ${municipalityId === undefined ? sql`` : sql`and municipality_id = ${municipalityId}`}
        limit 1`,
  );
  return granted !== undefined;
}

/** The municipalities where the user moderates (for the queue and its count). */
export async function moderatedMunicipalities(input: { db: Database; user: Moderator }): Promise<number[]> {
  const out: number[] = [];
  for (const municipalityId of input.user.municipalityIds)
    if (await canModerate({ db: input.db, user: input.user, municipalityId })) out.push(municipalityId);
  return out;
}

export async function assertCanModerate(input: {
  db: Database;
  user: Moderator;
  municipalityId: number;
}): Promise<void> {
  if (!(await canModerate(input))) throw new AppError({ code: "forbidden", messageKey: "permissionDenied" });
}
