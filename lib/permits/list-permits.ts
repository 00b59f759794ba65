import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { MultiPolygon } from "geojson";
import { z } from "zod";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { permitKinds, type PermitKind } from "./conflict-matrix";
import { permitStatuses, type PermitStatus } from "./permit-states";

/** The register's filters, as they come from the page's GET form or the API's query string. */
export const permitFiltersSchema = z.object({
  status: z
    .enum(permitStatuses as [PermitStatus, ...PermitStatus[]])
    .optional()
    .catch(undefined),
  kind: z
    .enum(permitKinds as [PermitKind, ...PermitKind[]])
    .optional()
    .catch(undefined),
  // Registry number, holder or contractor, any part of it.
  q: z.string().trim().max(100).optional().catch(undefined),
  // Permits whose period touches this date (YYYY-MM-DD).
  on: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
});

export type PermitFilters = z.infer<typeof permitFiltersSchema>;

export type PermitListItem = {
  id: number;
  reference: string;
  kind: PermitKind;
  status: PermitStatus;
  holderName: string;
  contractor: string | null;
  validFrom: string;
  validTo: string;
  decisionDueAt: string | null;
  site: MultiPolygon;
};

/** The permit register for staff of the given municipalities, newest first, at most 500. */
export async function listPermits(input: {
  db: Database;
  municipalityIds: readonly number[];
  filters: PermitFilters;
}): Promise<PermitListItem[]> {
  if (input.municipalityIds.length === 0) return [];
  const f = input.filters;
  const where: SQL[] = [sql`p.municipality_id in ${input.municipalityIds}`];
  if (f.status) where.push(sql`p.status = ${f.status}`);
  if (f.kind) where.push(sql`p.kind = ${f.kind}`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      sql`(p.reference ilike ${like} or p.holder_name ilike ${like} or coalesce(p.contractor, '') ilike ${like})`,
    );
  }
  if (f.on) where.push(sql`p.valid_from <= ${f.on}::date and p.valid_to >= ${f.on}::date`);
  const rows = await queryRows<{
    id: number;
    reference: string;
    kind: PermitKind;
    status: PermitStatus;
    holder_name: string;
    contractor: string | null;
    valid_from: string;
    valid_to: string;
    decision_due_at: string | Date | null;
    site: string;
  }>(
    input.db,
    sql`select p.id, p.reference, p.kind, p.status, p.holder_name, p.contractor, p.valid_from::text as valid_from,
               p.valid_to::text as valid_to, p.decision_due_at, ST_AsGeoJSON(p.site, 6) as site
        from permits p where ${sql.join(where, sql` and `)}
        order by p.created_at desc, p.id desc limit 500`,
  );
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    kind: r.kind,
    status: r.status,
    holderName: r.holder_name,
    contractor: r.contractor,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    decisionDueAt: r.decision_due_at === null ? null : new Date(r.decision_due_at).toISOString(),
    site: JSON.parse(r.site) as MultiPolygon,
  }));
}
