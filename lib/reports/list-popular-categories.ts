import "server-only";
import { and, count, desc, eq, gte } from "drizzle-orm";
import type { Database } from "../../db/client";
import { publicReports } from "../../db/schema/public-views";

/**
 * The service codes citizens of a municipality file most often (public reports of the last
 * `days` days), most used first: the report flow offers them above the grouped list.
 */
export async function listPopularCategories(input: {
  db: Database;
  municipalityId: number;
  limit?: number;
  days?: number;
  now?: Date;
}): Promise<string[]> {
  const since = new Date((input.now ?? new Date()).getTime() - (input.days ?? 365) * 86_400_000);
  const rows = await input.db
    .select({ serviceCode: publicReports.serviceCode, filed: count() })
    .from(publicReports)
    .where(and(eq(publicReports.municipalityId, input.municipalityId), gte(publicReports.createdAt, since)))
    .groupBy(publicReports.serviceCode)
    .orderBy(desc(count()), publicReports.serviceCode)
    .limit(input.limit ?? 6);
  return rows.map((r) => r.serviceCode);
}
