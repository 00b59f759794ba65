import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne, queryRows } from "../../db/query";
import { permissionScope } from "../auth/permissions";
import type { SessionUser } from "../auth/staff-user";
import { AppError } from "../errors";

/**
 * What an administrator may touch. An admin (permission admin.manage) has the whole of their
 * municipalities; an org_admin only the organisations they administer — their staff and their
 * service area (permission organisation.manage). Everything outside the scope is "not found", so
 * an org_admin cannot learn which other records exist.
 */
export type AdminScope = {
  /** Admin of the municipality: every organisation, category, user. */
  all: boolean;
  municipalityIds: number[];
  /** With `all` false: the organisations this org_admin administers. */
  organisationIds: number[];
  /**
   * The municipality the administrator works in now: the one they chose (an admin of several
   * municipalities), else their first. Lists read it and new records go to it; null without any.
   */
  municipalityId: number | null;
};

/** The cookie remembering which of their municipalities an administrator chose. */
export const adminMunicipalityCookie = "civic-admin-municipality";
export const adminMunicipalityCookieOptions = {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  maxAge: 60 * 60 * 24 * 365,
} as const;

/**
 * The scope from the permission table (lib/auth/permissions.ts) over the user's memberships, as
 * loaded for this request: admin.manage where they administer a municipality, else
 * organisation.manage in the organisations they administer.
 */
export async function loadAdminScope(input: { db: Database; user: SessionUser }): Promise<AdminScope> {
  const admin = permissionScope(input.user, "admin.manage");
  if (admin.municipalityIds.length > 0) {
    const { municipalityIds } = admin;
    return { all: true, municipalityIds, organisationIds: [], municipalityId: municipalityIds[0] ?? null };
  }
  const own = permissionScope(
    { memberships: input.user.memberships.filter((m) => m.organisationId !== null) },
    "organisation.manage",
  );
  return {
    all: false,
    municipalityIds: own.municipalityIds,
    organisationIds: own.organisationIds,
    municipalityId: own.municipalityIds[0] ?? null,
  };
}

/**
 * The scope working in a municipality the caller named (a request's `municipalityId`): one of the
 * administrator's own, or "forbidden" — a municipality's admin never reaches another municipality.
 */
export function scopeInMunicipality(scope: AdminScope, municipalityId: number): AdminScope {
  if (!scope.municipalityIds.includes(municipalityId))
    throw new AppError({ code: "forbidden", messageKey: "permissionDenied" });
  return { ...scope, municipalityId };
}

/**
 * The scope working in the municipality the cookie remembers. The cookie is the browser's to
 * change, so a value outside the administrator's municipalities is ignored (their first one).
 */
export function scopeInRememberedMunicipality(
  scope: AdminScope,
  cookieValue: string | undefined,
): AdminScope {
  const remembered = Number(cookieValue);
  return scope.municipalityIds.includes(remembered) ? { ...scope, municipalityId: remembered } : scope;
}

/** The municipality new records go to and lists read: the one the administrator works in now. */
export function scopeMunicipalityId(scope: AdminScope): number {
  const id = scope.municipalityId;
  if (id === null) throw new AppError({ code: "forbidden", messageKey: "permissionDenied" });
  return id;
}

/** The municipalities a list reads: the one worked in now ([-1], matching none, without any). */
export function scopeListMunicipalityIds(scope: AdminScope): number[] {
  return scope.municipalityId === null ? [-1] : [scope.municipalityId];
}

export function outOfScope(): AppError {
  return new AppError({ code: "not_found", messageKey: "adminNotFound" });
}

/** The organisation if it is in the scope; "not found" otherwise. */
export async function getOrganisationInScope(input: {
  db: Database;
  scope: AdminScope;
  organisationId: number;
}): Promise<{ id: number; municipalityId: number }> {
  const row = await queryOne<{ id: number; municipality_id: number }>(
    input.db,
    sql`select id, municipality_id from organisations where id = ${input.organisationId}`,
  );
  if (!row || !input.scope.municipalityIds.includes(row.municipality_id)) throw outOfScope();
  if (!input.scope.all && !input.scope.organisationIds.includes(row.id)) throw outOfScope();
  return { id: row.id, municipalityId: row.municipality_id };
}

/**
 * Roles an org_admin may give within their organisation: the ones whose reach stays inside it. Desk
 * rights (agent: every report of the municipality, with contacts) and administration are the
 * municipality admin's to give; only an admin gives admin.
 */
export const rolesGrantableByOrgAdmin = [
  "inspector",
  "utility_operator",
  "permit_officer",
  "org_admin",
] as const;
