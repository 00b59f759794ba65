import type { SQL } from "drizzle-orm";
import type { Database } from "./client";

/**
 * Runs raw SQL and returns typed rows. Both drivers put rows on `.rows`; drizzle types the
 * result as unknown when the database is typed for either driver.
 */
export async function queryRows<T>(db: Pick<Database, "execute">, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function queryOne<T>(db: Pick<Database, "execute">, query: SQL): Promise<T | undefined> {
  return (await queryRows<T>(db, query))[0];
}
