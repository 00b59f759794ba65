import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import type { Role } from "../auth/roles";
import { scopeListMunicipalityIds, type AdminScope } from "./admin-scope";

export type AdminUser = {
  id: number;
  email: string;
  name: string;
  locale: string;
  active: boolean;
  mustChangePassword: boolean;
  memberships: Array<{ role: Role; organisationId: number | null; isLead: boolean }>;
};

/**
 * Staff of the scope, found by name or email (`q`): an admin sees every staff member of their
 * municipalities (a list: those working in the municipality chosen now); an org_admin the people who work only in the organisations they administer.
 */
export async function listAdminUsers(input: {
  db: Database;
  scope: AdminScope;
  q?: string;
  userId?: number;
  limit?: number;
}): Promise<AdminUser[]> {
  const municipalities = input.scope.municipalityIds.length ? input.scope.municipalityIds : [-1];
  const organisations = input.scope.organisationIds.length ? input.scope.organisationIds : [-1];
  const q = input.q?.trim();
  const rows = await queryRows<{
    id: number;
    email: string;
    name: string;
    locale: string;
    active: boolean;
    must_change_password: boolean;
    memberships: AdminUser["memberships"];
  }>(
    input.db,
    sql`select u.id, u.email, u.name, u.locale, u.active, u.must_change_password,
               coalesce(json_agg(json_build_object('role', m.role, 'organisationId', m.organisation_id, 'isLead', m.is_lead) order by m.id), '[]'::json) as memberships
        from users u join memberships m on m.user_id = u.id
        where m.role <> 'citizen'
          ${input.userId === undefined ? sql`` : sql`and u.id = ${input.userId}`}
          ${q ? sql`and (u.name ilike ${"%" + q + "%"} or u.email ilike ${"%" + q + "%"})` : sql``}
        group by u.id
        having bool_and(m.municipality_id in ${municipalities})
          ${input.userId === undefined ? sql`and bool_or(m.municipality_id in ${scopeListMunicipalityIds(input.scope)})` : sql``}
          ${input.scope.all ? sql`` : sql`and bool_and(m.organisation_id is not null and m.organisation_id in ${organisations} and m.role <> 'admin')`}
        order by u.active desc, u.name
        limit ${input.limit ?? 200}`,
  );
  return rows.map(({ must_change_password, ...r }) => ({ ...r, mustChangePassword: must_change_password }));
}
