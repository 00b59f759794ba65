/**
 * npm run bench:registry — how long `registry:verify` takes over the demo data and over 100,000
 * report events, and what the hash-chain trigger costs per inserted event. Results go to
 * bench/results/registry-verify-<engine>.json.
 *
 * Runs on the embedded engine in a throwaway directory; set BENCH_DATABASE_URL to an empty
 * PostgreSQL server database to measure the server engine.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { median, time, writeResult } from "./measure";
import { openDatabase } from "../db/client";
import { queryOne } from "../db/query";
import { seedDemo } from "../db/seed/seed-demo";
import { verifyRegistry } from "../lib/registry/verify-registry";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const PER_REPORT = 10;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "civic-bench-registry-"));
  const url = process.env.BENCH_DATABASE_URL;
  const handle = await openDatabase({ databaseUrl: url, dataDir: path.join(dataDir, "pglite") });
  const db = handle.db;
  try {
    await seedDemo(db, { today: new Date("2026-11-20T10:00:00Z") });
    const demoRuns: number[] = [];
    let demo = await verifyRegistry({ db });
    for (let i = 0; i < ROUNDS; i++)
      demoRuns.push(await time(async () => (demo = await verifyRegistry({ db }))));

    // Synthetic reports, each with a history of PER_REPORT events, inserted through the chain trigger.
    const base = await queryOne<{ municipality_id: number; category_id: number }>(
      db,
      sql`select municipality_id, category_id from reports order by id limit 1`,
    );
    const have = demo.events;
    const reports = Math.ceil(Math.max(0, EVENTS - have) / PER_REPORT);
    await db.execute(
      sql`insert into reports (tracking_code, municipality_id, category_id, location, description, status, channel)
          select 'B' || lpad(to_hex(g), 7, '0'), ${base!.municipality_id}, ${base!.category_id},
                 ST_SetSRID(ST_MakePoint(21.37 + (g % 100) * 0.0001, 43.93 + (g / 100) * 0.0001), 4326),
                 'Sintetička prijava ' || g, 'in_progress', 'web'
          from generate_series(1, ${reports}) g`,
    );
    const insertMs = await time(() =>
      db.execute(
        sql`insert into report_events (report_id, municipality_id, kind, public_text, internal_note, created_at)
            select r.id, r.municipality_id, 'public_update', 'Korak ' || k || ' za prijavu ' || r.id, null,
                   now() - make_interval(days => ${PER_REPORT} - k)
            from reports r cross join generate_series(1, ${PER_REPORT}) k
            where r.tracking_code like 'B%' and r.description like 'Sintetička prijava %'
            order by r.id, k`,
      ),
    );
    const big: number[] = [];
    let result = await verifyRegistry({ db });
    for (let i = 0; i < ROUNDS; i++)
      big.push(await time(async () => (result = await verifyRegistry({ db }))));
    const inserted = reports * PER_REPORT;
    writeResult(`registry-verify-${url ? "server" : "embedded"}`, {
      engine: url ? "server" : "embedded",
      when: new Date().toISOString(),
      demo: {
        chains: demo.chains,
        events: demo.events,
        broken: demo.broken.length,
        medianMs: Math.round(median(demoRuns)),
      },
      large: {
        chains: result.chains,
        events: result.events,
        broken: result.broken.length,
        medianMs: Math.round(median(big)),
        runsMs: big.map(Math.round),
        eventsPerSecond: Math.round(result.events / (median(big) / 1000)),
      },
      chainTrigger: {
        insertedEvents: inserted,
        insertMs: Math.round(insertMs),
        microsecondsPerEvent: Math.round((insertMs * 1000) / Math.max(1, inserted)),
      },
    });
  } finally {
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
