import type { Database } from "./client";

/**
 * A transaction, typed as the database both drivers share: drizzle types a PGlite and a
 * node-postgres transaction apart from the database, so the one cast between them lives here.
 */
export type Tx = Database;

export function transaction<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction((tx) => fn(tx as unknown as Tx));
}
