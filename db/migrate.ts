import "server-only";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrationsFolder, type DbHandle } from "./client";
import { queryOne } from "./query";

// Any fixed 64-bit number; every app process takes this lock before migrating, so processes
// starting together against one server apply each migration once.
const MIGRATION_LOCK_KEY = 7_311_020_001;

export async function migrateDatabase(handle: DbHandle): Promise<void> {
  await handle.withSession(async (session) => {
    await session.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      if (handle.engine === "server") {
        const { migrate } = await import("drizzle-orm/node-postgres/migrator");
        await migrate(handle.db as never, { migrationsFolder });
      } else {
        const { migrate } = await import("drizzle-orm/pglite/migrator");
        await migrate(handle.db as never, { migrationsFolder });
      }
    } finally {
      await session.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  });
}

export function journalMigrationCount(): number {
  const journal = JSON.parse(
    fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8"),
  ) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

export async function appliedMigrationCount(handle: DbHandle): Promise<number> {
  const row = await queryOne<{ count: number | string }>(
    handle.db,
    sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
  );
  return Number(row?.count ?? 0);
}
