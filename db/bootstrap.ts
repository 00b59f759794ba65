import "server-only";
import { sql } from "drizzle-orm";
import { getEnv } from "../lib/env";
import { getDbHandle } from "./client";
import { queryOne } from "./query";

/**
 * Brings the database to a usable state at start: opens it (which migrates), then seeds the demo
 * municipality into an empty database — on the embedded engine by default, so a newcomer's first
 * start shows a populated map, and never into a production server unless SEED_DEMO=always.
 */
export async function prepareDatabase(): Promise<void> {
  const env = getEnv();
  const handle = await getDbHandle();
  const wantsSeed = env.SEED_DEMO === "always" || (env.SEED_DEMO === "auto" && handle.engine === "embedded");
  if (!wantsSeed) return;
  const existing = await queryOne<{ n: number }>(
    handle.db,
    sql`select count(*)::int as n from municipalities`,
  );
  if (Number(existing?.n ?? 0) > 0) return;
  const started = Date.now();
  console.info("[db] empty database: seeding the demo municipality (Ćuprija)…");
  const { seedDemo } = await import("./seed/seed-demo");
  const result = await seedDemo(handle.db, { demoApiKey: handle.engine === "embedded" });
  console.info(
    `[db] demo seeded: ${result.reports} reports, ${result.permits} permit sites in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
