import "server-only";
import bcrypt from "bcryptjs";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { memberships, users } from "../../db/schema";
import type { ScopedMembership } from "../auth/claims";
import { membershipHolds } from "../auth/permissions";
import type { Role } from "../auth/roles";
import { AppError } from "../errors";
import { outOfScope, rolesGrantableByOrgAdmin, scopeMunicipalityId, type AdminScope } from "./admin-scope";
import { recordAdminChange } from "./record-admin-change";
import { newUserSchema, passwordResetSchema, userUpdateSchema, type MembershipInput } from "./user-schema";
import { transaction } from "../../db/transaction";

const BCRYPT_COST = 10;

type MembershipRow = { role: Role; organisationId: number | null; isLead: boolean };

async function membershipsOf(
  db: Database,
  userId: number,
): Promise<Array<MembershipRow & { municipalityId: number }>> {
  return db
    .select({
      role: memberships.role,
      organisationId: memberships.organisationId,
      isLead: memberships.isLead,
      municipalityId: memberships.municipalityId,
    })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(memberships.id);
}

/**
 * Memberships the scope may give: organisations of the municipality (an org_admin: only their
 * own, and only the roles of an organisation's staff). Anything else is refused as a whole.
 */
async function checkMemberships(
  db: Database,
  scope: AdminScope,
  municipalityId: number,
  list: MembershipInput[],
): Promise<void> {
  const orgIds = [...new Set(list.flatMap((m) => (m.organisationId === null ? [] : [m.organisationId])))];
  const found = orgIds.length
    ? await queryRows<{ id: number; kind: NonNullable<ScopedMembership["organisationKind"]> }>(
        db,
        sql`select id, kind from organisations where municipality_id = ${municipalityId} and id in ${orgIds}`,
      )
    : [];
  if (found.length !== orgIds.length)
    throw new AppError({ code: "unprocessable", messageKey: "organisationNotFound" });
  // A role only where it can hold (the permission table's rule; the database refuses the rest too):
  // desk rights in the contact centre, the permits office's municipality-wide or in a department.
  const kindOf = new Map(found.map((o) => [o.id, o.kind]));
  const misplaced = list.find(
    (m) =>
      !membershipHolds({
        role: m.role as Role,
        organisationId: m.organisationId,
        municipalityId,
        organisationKind: kindOf.get(m.organisationId ?? -1) ?? null,
      }),
  );
  if (misplaced)
    throw new AppError({
      code: "unprocessable",
      messageKey: misplaced.role === "agent" ? "agentOutsideContactCentre" : "permitOfficerOutsideDepartment",
    });
  if (scope.all) return;
  for (const m of list) {
    const allowedRole = (rolesGrantableByOrgAdmin as readonly string[]).includes(m.role);
    if (!allowedRole) throw new AppError({ code: "forbidden", messageKey: "roleNotGrantable" });
    if (m.organisationId === null || !scope.organisationIds.includes(m.organisationId)) {
      throw new AppError({ code: "forbidden", messageKey: "membershipOutsideScope" });
    }
  }
}

/** A user the scope may edit: for an org_admin, one who works only in organisations they administer. */
async function userInScope(db: Database, scope: AdminScope, userId: number) {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw outOfScope();
  const current = await membershipsOf(db, userId);
  const inMunicipality =
    current.length > 0 && current.every((m) => scope.municipalityIds.includes(m.municipalityId));
  const ownStaff = current.every(
    (m) =>
      m.organisationId !== null && scope.organisationIds.includes(m.organisationId) && m.role !== "admin",
  );
  if (!inMunicipality || (!scope.all && !ownStaff)) throw outOfScope();
  return { user, current };
}

const summary = (u: typeof users.$inferSelect, list: MembershipRow[]) => ({
  email: u.email,
  name: u.name,
  locale: u.locale,
  active: u.active,
  memberships: list.map((m) => ({ role: m.role, organisationId: m.organisationId, isLead: m.isLead })),
});

/** Creates a staff account with a bcrypt hash of the initial password and its roles; the user changes the password at first sign-in. */
export async function createUser(input: {
  db: Database;
  scope: AdminScope;
  actorUserId: number;
  user: unknown;
}): Promise<{ id: number }> {
  const data = newUserSchema.parse(input.user);
  const municipalityId = scopeMunicipalityId(input.scope);
  await checkMemberships(input.db, input.scope, municipalityId, data.memberships);
  const passwordHash = await bcrypt.hash(data.initialPassword, BCRYPT_COST);
  return transaction(input.db, async (tx) => {
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${data.email}`);
    if (taken) throw new AppError({ code: "conflict", messageKey: "emailTaken" });
    const [row] = await tx
      .insert(users)
      .values({
        email: data.email,
        name: data.name,
        locale: data.locale,
        passwordHash,
        mustChangePassword: true,
      })
      .returning();
    await tx
      .insert(memberships)
      .values(data.memberships.map((m) => ({ ...m, role: m.role as Role, userId: row!.id, municipalityId })));
    await recordAdminChange({
      tx,
      actorUserId: input.actorUserId,
      municipalityId,
      entity: "user",
      entityId: row!.id,
      action: "created",
      before: null,
      after: summary(row!, data.memberships as MembershipRow[]),
    });
    return { id: row!.id };
  });
}

/**
 * Changes a user's name, language, active flag and roles (the memberships are replaced as a whole).
 * A deactivated user cannot sign in and loses access at once (sessions reload the user). Nobody can
 * deactivate themselves or take away their own admin role, so the municipality never locks itself out.
 */
export async function updateUser(input: {
  db: Database;
  scope: AdminScope;
  actorUserId: number;
  userId: number;
  user: unknown;
}): Promise<void> {
  const data = userUpdateSchema.parse(input.user);
  const { user, current } = await userInScope(input.db, input.scope, input.userId);
  const municipalityId = current[0]!.municipalityId;
  await checkMemberships(input.db, input.scope, municipalityId, data.memberships);
  if (input.userId === input.actorUserId) {
    if (!data.active) throw new AppError({ code: "unprocessable", messageKey: "cannotDeactivateSelf" });
    const hadAdmin = current.some((m) => m.role === "admin");
    if (hadAdmin && !data.memberships.some((m) => m.role === "admin"))
      throw new AppError({ code: "unprocessable", messageKey: "cannotDropOwnAdmin" });
  }
  const key = (m: { role: string; organisationId: number | null; isLead: boolean }) =>
    `${m.role}:${m.organisationId}:${m.isLead}`;
  const rolesChanged =
    current.map(key).sort().join() !== (data.memberships as MembershipRow[]).map(key).sort().join();
  await transaction(input.db, async (tx) => {
    const [after] = await tx
      .update(users)
      .set({
        name: data.name,
        locale: data.locale,
        active: data.active,
        // Sessions opened with the old roles end now, not when they expire.
        ...(rolesChanged || !data.active ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
      })
      .where(eq(users.id, user.id))
      .returning();
    await tx
      .delete(memberships)
      .where(and(eq(memberships.userId, user.id), eq(memberships.municipalityId, municipalityId)));
    await tx
      .insert(memberships)
      .values(data.memberships.map((m) => ({ ...m, role: m.role as Role, userId: user.id, municipalityId })));
    await recordAdminChange({
      tx,
      actorUserId: input.actorUserId,
      municipalityId,
      entity: "user",
      entityId: user.id,
      action: user.active && !data.active ? "deactivated" : "updated",
      before: summary(user, current),
      after: summary(after!, data.memberships as MembershipRow[]),
    });
  });
}

/** Sets a temporary password the administrator hands over; the user must change it at the next sign-in. */
export async function resetPassword(input: {
  db: Database;
  scope: AdminScope;
  actorUserId: number;
  userId: number;
  reset: unknown;
}): Promise<void> {
  const data = passwordResetSchema.parse(input.reset);
  const { user, current } = await userInScope(input.db, input.scope, input.userId);
  const passwordHash = await bcrypt.hash(data.temporaryPassword, BCRYPT_COST);
  await transaction(input.db, async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id));
    // The hash is never audited; only that a reset happened and by whom.
    await recordAdminChange({
      tx,
      actorUserId: input.actorUserId,
      municipalityId: current[0]!.municipalityId,
      entity: "user",
      entityId: user.id,
      action: "password_reset",
      before: null,
      after: null,
    });
  });
}
