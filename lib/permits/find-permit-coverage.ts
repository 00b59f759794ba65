import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { localDate } from "../calendar/working-days";
import { REPORT_LINK_RADIUS_METRES } from "./conflict-matrix";

export type PermitCoverage = {
  id: number;
  reference: string;
  kind: string;
  validFrom: string;
  validTo: string;
  holderName: string;
  contractor: string | null;
  distanceMetres: number;
};

/**
 * "Works without a permit?": the active permits (any kind) whose site contains the report's point
 * or lies within 10 m of it today. Staff only: the holder's name is shown even for a private person.
 */
export async function findPermitCoverage(input: {
  db: Database;
  reportId: number;
  today?: Date;
}): Promise<PermitCoverage[]> {
  const today = localDate(input.today ?? new Date());
  const rows = await queryRows<{
    id: number;
    reference: string;
    kind: string;
    valid_from: string;
    valid_to: string;
    holder_name: string;
    contractor: string | null;
    distance: number;
  }>(
    input.db,
    sql`select p.id, p.reference, p.kind, p.valid_from::text as valid_from, p.valid_to::text as valid_to, p.holder_name, p.contractor,
               round(ST_Distance(p.site::geography, r.location::geography)::numeric, 1)::float8 as distance
        from reports r join permits p on p.municipality_id = r.municipality_id
        where r.id = ${input.reportId} and p.status = 'active'
          and p.valid_from <= ${today}::date and p.valid_to >= ${today}::date
          and ST_DWithin(p.site::geography, r.location::geography, ${REPORT_LINK_RADIUS_METRES})
        order by distance, p.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    kind: r.kind,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    holderName: r.holder_name,
    contractor: r.contractor,
    distanceMetres: Number(r.distance),
  }));
}

/**
 * The staff view's "works without a permit?" check: null when the report's category does not ask
 * (only categories such as illegal construction or unpermitted digging do), else the covering permits.
 */
export async function checkWorksPermit(input: {
  db: Database;
  reportId: number;
  today?: Date;
}): Promise<PermitCoverage[] | null> {
  const rows = await queryRows<{ checks: boolean }>(
    input.db,
    sql`select c.checks_permit_coverage as checks from reports r join service_categories c on c.id = r.category_id where r.id = ${input.reportId}`,
  );
  if (!rows[0]?.checks) return null;
  return findPermitCoverage(input);
}

/**
 * True for a report of a works category (`checks_permit_coverage`) that no active permit covers
 * today: the condition findPermitCoverage checks, as SQL over a report aliased `r` and its
 * category `c`, for the staff queues' flag and filter. Active permits are public (the public_permits
 * view): read through it, the staff scope's row-level security on permits is not asked for each
 * report, and the site index serves the distance test (ST_DWithin is not leakproof, so under the
 * permits policy PostgreSQL would scan every permit for every report).
 */
export function uncoveredWorksSql(today: string) {
  return sql`(c.checks_permit_coverage and not exists (
      select 1 from public_permits p
      where p.municipality_id = r.municipality_id and p.status = 'active'
        and p.valid_from <= ${today}::date and p.valid_to >= ${today}::date
        and ST_DWithin(p.site::geography, r.location::geography, ${REPORT_LINK_RADIUS_METRES})))`;
}
