/**
 * npm run bench — benchmarks that compare against a baseline measured in the same run, so the
 * ratios mean something on a noisy machine. Results go to bench/results/<name>.json.
 *
 * bbox-query: the public map's "reports in this box" query over 50,000 reports spread across
 * Serbia, with the GiST index (as served) against the same query with index scans disabled.
 * Runs on the embedded engine in a throwaway directory; set BENCH_DATABASE_URL to run it on a
 * PostgreSQL server database instead (the database is filled, so give it an empty one).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { median, time, writeResult } from "./measure";
import { openDatabase, type DbHandle } from "../db/client";
import { queryOne } from "../db/query";
import { seedDemo } from "../db/seed/seed-demo";
import { listPublicReports } from "../lib/reports/list-public-reports";
import type { BBox } from "../lib/geo/sql";

const REPORTS = Number(process.env.BENCH_REPORTS ?? 50_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

const boxes: Record<string, BBox> = {
  street: [21.365, 43.925, 21.375, 43.931],
  town: [21.33, 43.9, 21.42, 43.96],
  region: [20.5, 43.5, 22.0, 44.5],
};

async function fill(handle: DbHandle): Promise<void> {
  await seedDemo(handle.db, { today: new Date("2026-11-20T10:00:00Z") });
  const existing = await queryOne<{ n: number }>(handle.db, sql`select count(*)::int as n from reports`);
  if (Number(existing?.n) >= REPORTS) return;
  // Synthetic reports over Serbia's extent (18.8–23.0 E, 42.2–46.2 N), on Ćuprija's categories.
  await handle.db.execute(sql`
    insert into reports (tracking_code, municipality_id, category_id, location, description, status, channel, created_at)
    select 'BENCH-' || i, m.id, c.id,
           ST_SetSRID(ST_MakePoint(18.8 + random() * 4.2, 42.2 + random() * 4.0), 4326),
           'synthetic', 'received', 'web', now() - (random() * interval '365 days')
    from generate_series(1, ${REPORTS}) i
    cross join (select id from municipalities limit 1) m
    cross join lateral (select id from service_categories where is_public order by id limit 1 offset (i % 20)) c`);
  await handle.db.execute(sql`analyze reports`);
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "civic-bench-"));
  const url = process.env.BENCH_DATABASE_URL;
  const handle = await openDatabase({ databaseUrl: url, dataDir: path.join(dataDir, "pglite") });
  try {
    await fill(handle);
    const results: Record<string, unknown> = {};
    for (const [name, bbox] of Object.entries(boxes)) {
      const indexed: number[] = [];
      const baseline: number[] = [];
      let features = 0;
      // One connection for both variants; interleaved so that machine noise hits both alike.
      await handle.withSession(async (db) => {
        const run = () => listPublicReports({ db, bbox, locale: "sr-Latn" });
        features = (await run()).features.length;
        for (let round = 0; round < ROUNDS; round++) {
          indexed.push(await time(run));
          await db.execute(sql`set enable_indexscan = off`);
          await db.execute(sql`set enable_bitmapscan = off`);
          baseline.push(await time(run));
          await db.execute(sql`reset enable_indexscan`);
          await db.execute(sql`reset enable_bitmapscan`);
        }
      });
      results[name] = {
        bbox,
        features,
        indexedMedianMs: Number(median(indexed).toFixed(2)),
        seqScanMedianMs: Number(median(baseline).toFixed(2)),
        speedup: Number((median(baseline) / median(indexed)).toFixed(2)),
      };
    }
    const report = {
      benchmark: "bbox-query",
      engine: handle.engine,
      reports: REPORTS,
      rounds: ROUNDS,
      machine: { cpus: os.cpus().length, node: process.version },
      at: new Date().toISOString(),
      results,
    };
    writeResult(`bbox-query-${handle.engine}`, report);
  } finally {
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
