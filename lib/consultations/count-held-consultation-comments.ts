import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";

/** How many consultation comments wait for a moderator in these municipalities (the staff navigation's count). */
export async function countHeldConsultationComments(input: {
  db: Database;
  municipalityIds: number[];
}): Promise<number> {
  if (input.municipalityIds.length === 0) return 0;
  const row = await queryOne<{ n: number }>(
    input.db,
    sql`select count(*)::int as n from consultation_comments
        where state = 'held' and municipality_id in ${input.municipalityIds}`,
  );
  return row?.n ?? 0;
}
