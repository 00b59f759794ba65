import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne, queryRows } from "../../db/query";
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
};

export async function loadAdminScope(input: { db: Database; user: SessionUser }): Promise<AdminScope> {
  const rows = await queryRows<{ role: string; organisation_id: number | null; municipality_id: number }>(
    input.db,
    sql`select role, organisation_id, municipality_id from memberships where user_id = ${input.user.id} and role in ('admin', 'org_admin')`,
  );
  const admin = rows.filter((r) => r.role === "admin");
  if (admin.length > 0) {
    return {
      all: true,
      municipalityIds: [...new Set(admin.map((r) => r.municipality_id))],
      organisationIds: [],
    };
  }
  const own = rows.filter((r) => r.organisation_id !== null);
  return {
    all: false,
    municipalityIds: [...new Set(own.map((r) => r.municipality_id))],
    organisationIds: [...new Set(own.map((r) => r.organisation_id!))],
  };
}

/** The municipality new records go to: the administrator's first one. */
export function scopeMunicipalityId(scope: AdminScope): number {
  const id = scope.municipalityIds[0];
  if (id === undefined) throw new AppError({ code: "forbidden", messageKey: "permissionDenied" });
  return id;
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
