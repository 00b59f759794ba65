import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { scopeListMunicipalityIds, type AdminScope } from "./admin-scope";
import type { AdminEntity } from "./record-admin-change";

export type AdminChange = {
  id: number;
  entity: AdminEntity;
  entityId: number;
  action: string;
  actorName: string | null;
  at: string;
  /** Names of the fields whose value differs between before and after. */
  changedFields: string[];
};

/**
 * Recent administration changes of some kinds, newest first, within the scope: an admin sees
 * their municipalities' changes; an org_admin only those about their own organisations' records.
 */
export async function listAdminChanges(input: {
  db: Database;
  scope: AdminScope;
  entities: AdminEntity[];
  limit?: number;
  entityId?: number;
}): Promise<AdminChange[]> {
  // One record's history wherever it is in the scope; a list reads the municipality worked in now.
  const municipalities =
    input.entityId !== undefined && input.scope.municipalityIds.length
      ? input.scope.municipalityIds
      : scopeListMunicipalityIds(input.scope);
  const organisations = input.scope.organisationIds.length ? input.scope.organisationIds : [-1];
  const own = input.scope.all
    ? sql``
    : sql`and ((a.entity in ('organisation', 'service_area') and a.entity_id in ${organisations})
               or (a.entity = 'user' and exists (select 1 from memberships m where m.user_id = a.entity_id and m.organisation_id in ${organisations})))`;
  const rows = await queryRows<{
    id: number;
    entity: AdminEntity;
    entity_id: number;
    action: string;
    actor_name: string | null;
    at: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }>(
    input.db,
    sql`select a.id, a.entity, a.entity_id, a.action, u.name as actor_name, a.created_at::text as at, a.before, a.after
        from admin_audit a left join users u on u.id = a.actor_user_id
        where a.municipality_id in ${municipalities} and a.entity in ${input.entities}
          ${input.entityId === undefined ? sql`` : sql`and a.entity_id = ${input.entityId}`} ${own}
        order by a.id desc limit ${input.limit ?? 10}`,
  );
  return rows.map((r) => ({
    id: r.id,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    actorName: r.actor_name,
    at: r.at,
    changedFields: changedFields(r.before, r.after),
  }));
}

function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k])).sort();
}
