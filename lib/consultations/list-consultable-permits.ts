import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";

export type ConsultablePermit = { id: number; reference: string; works: string };

/** Permits whose works a consultation may be about: not yet completed, newest first (row-level security scopes them). */
export async function listConsultablePermits(input: { db: Database }): Promise<ConsultablePermit[]> {
  return queryRows<ConsultablePermit>(
    input.db,
    sql`select id, reference, works_description as works from permits
        where status in ('applied', 'under_review', 'granted', 'active')
        order by id desc limit 200`,
  );
}
