import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";

/**
 * Moves the changes the report trigger appended into the cluster counts, in one transaction:
 * a tile read at any moment sees counts + remaining changes, so nothing is counted twice or lost.
 * Several workers may run it; the deleted rows belong to exactly one of them.
 */
export async function foldClusterDeltas(input: { db: Database; batchSize?: number }): Promise<number> {
  const result = await queryOne<{ folded: number }>(
    input.db,
    sql`with moved as (
          delete from report_cluster_deltas where id in (
            select id from report_cluster_deltas order by id limit ${input.batchSize ?? 50_000} for update skip locked)
          returning band, cell_x, cell_y, municipality_id, category_id, status_group, reports, sum_x, sum_y
        ), summed as (
          select band, cell_x, cell_y, municipality_id, category_id, status_group, sum(reports)::int as reports, sum(sum_x) as sum_x, sum(sum_y) as sum_y, count(*) as n
          from moved group by 1, 2, 3, 4, 5, 6
        ), upserted as (
          insert into report_clusters as k (band, cell_x, cell_y, municipality_id, category_id, status_group, reports, sum_x, sum_y)
          select band, cell_x, cell_y, municipality_id, category_id, status_group, reports, sum_x, sum_y from summed
          on conflict (band, cell_x, cell_y, municipality_id, category_id, status_group) do update
            set reports = k.reports + excluded.reports, sum_x = k.sum_x + excluded.sum_x, sum_y = k.sum_y + excluded.sum_y
          returning 1
        )
        select coalesce((select sum(n) from summed), 0)::int as folded, (select count(*) from upserted) as upserts`,
    // Rows left at zero (a cell whose reports all moved on) stay: tiles skip them, and the same
    // cell usually fills again.
  );
  return result?.folded ?? 0;
}
