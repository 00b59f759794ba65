/**
 * npm run bench (second part) — vector tiles at national scale. Fills a database with
 * BENCH_TILE_REPORTS reports (default 200,000) around 170 town centres across Serbia (dense
 * towns, sparse countryside, as real reports fall), then times tiles by kind, each against a
 * baseline measured in the same run:
 *   - low-zoom clusters from the maintained counts vs the same clusters counted from the reports;
 *   - single-report tiles encoded by PostGIS (ST_AsMVT) vs rows encoded in JS (server only);
 *   - a tile from the in-process cache vs the same tile from the database.
 * Also the cost of the cluster trigger on inserts (rows/s with and without it). Runs embedded in a
 * throwaway directory, or on BENCH_DATABASE_URL (an empty database). Results: bench/results/tiles-<engine>.json.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { median, time, writeResult } from "./measure";
import { openDatabase, type DbHandle } from "../db/client";
import { queryOne } from "../db/query";
import { seedDemo } from "../db/seed/seed-demo";
import { noFilters, type PublicFilters } from "../lib/reports/public-filters";
import { foldClusterDeltas } from "../lib/tiles/fold-cluster-deltas";
import { clearTileCache, getTile } from "../lib/tiles/get-tile";

const ms = (values: number[]) => Number(median(values).toFixed(2));
const REPORTS = Number(process.env.BENCH_TILE_REPORTS ?? 200_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);

function tileOf(lng: number, lat: number, z: number): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return {
    z,
    x: Math.floor(((lng + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  };
}

// Belgrade's centre: the densest tiles of the synthetic country.
const city: [number, number] = [20.46, 44.81];

async function fill(handle: DbHandle): Promise<{ insertRowsPerSecond: number }> {
  await seedDemo(handle.db, { today: new Date("2026-11-20T10:00:00Z") });
  const existing = await queryOne<{ n: number }>(handle.db, sql`select count(*)::int as n from reports`);
  let insertRowsPerSecond = 0;
  const missing = REPORTS - Number(existing?.n ?? 0);
  if (missing > 0) {
    const started = Date.now();
    // 170 centres; a fifth of all reports in the capital, the rest spread over towns by a power law.
    await handle.db.execute(sql`
      with centres as (
        select g, case when g = 0 then 20.46 else 19.0 + random() * 3.8 end as lng,
                  case when g = 0 then 44.81 else 42.4 + random() * 3.6 end as lat,
                  case when g = 0 then 0.04 else 0.01 + random() * 0.03 end as spread
        from generate_series(0, 169) g),
      picks as (
        select i, case when i % 5 = 0 then 0 else floor(169 * power(random(), 2))::int + 1 end as g
        from generate_series(1, ${missing}) i)
      insert into reports (tracking_code, municipality_id, category_id, location, description, status, channel, created_at)
      select 'TILE-' || p.i, m.id, c.id,
             ST_SetSRID(ST_MakePoint(ce.lng + ce.spread * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()),
                                     ce.lat + ce.spread * sqrt(-2 * ln(1 - random())) * sin(2 * pi() * random())), 4326),
             'synthetic', (array['received','assigned','in_progress','resolved','closed'])[1 + (p.i % 5)]::report_status, 'web',
             now() - (random() * interval '730 days')
      from picks p
      join centres ce on ce.g = p.g
      cross join (select id from municipalities limit 1) m
      cross join lateral (select id from service_categories where is_public order by id limit 1 offset (p.i % 20)) c`);
    insertRowsPerSecond = Math.round(missing / ((Date.now() - started) / 1000));
    while ((await foldClusterDeltas({ db: handle.db, batchSize: 200_000 })) > 0) {
      // Fold everything the fill appended.
    }
    await handle.db.execute(sql`analyze`);
  }
  return { insertRowsPerSecond };
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "civic-bench-tiles-"));
  const handle = await openDatabase({
    databaseUrl: process.env.BENCH_DATABASE_URL,
    dataDir: path.join(dataDir, "pglite"),
  });
  try {
    const filled = await fill(handle);
    const tile = (
      t: { z: number; x: number; y: number },
      filters: PublicFilters = noFilters,
      encoder?: "js",
    ) => getTile({ handle, layer: "reports", ...t, filters, encoder });
    // A period filter makes clusters count from the reports: the baseline the stored counts beat.
    const live: PublicFilters = { ...noFilters, periodDays: 365 * 10 };
    const cases = {
      "clusters-z6-country": tileOf(20.9, 44.0, 6),
      "clusters-z9-region": tileOf(...city, 9),
      "clusters-z11-city": tileOf(...city, 11),
      "points-z14-city": tileOf(...city, 14),
      "points-z16-city": tileOf(...city, 16),
    };
    const results: Record<string, unknown> = {};
    for (const [name, t] of Object.entries(cases)) {
      const clusters = t.z <= 11;
      const measured: number[] = [];
      const baseline: number[] = [];
      const cached: number[] = [];
      let bytes = 0;
      for (let round = 0; round < ROUNDS; round++) {
        clearTileCache();
        measured.push(await time(async () => (bytes = (await tile(t)).body.length)));
        cached.push(await time(() => tile(t)));
        clearTileCache();
        baseline.push(await time(() => (clusters ? tile(t, live) : tile(t, noFilters, "js"))));
      }
      results[name] = {
        tile: `${t.z}/${t.x}/${t.y}`,
        bytes,
        medianMs: ms(measured),
        baseline: clusters ? "clusters counted from the reports" : "rows encoded in JS",
        baselineMedianMs: ms(baseline),
        speedupOverBaseline: Number((ms(baseline) / ms(measured)).toFixed(2)),
        cachedMedianMs: ms(cached),
        cacheSpeedup: Number((ms(measured) / Math.max(0.01, ms(cached))).toFixed(1)),
      };
    }
    // The price of the cluster and version triggers: the same 20,000 rows into reports and into a
    // copy of it with the same indexes and no triggers, in the same run.
    const insertCost = await handle.withSession(async (db) => {
      const rows = 20_000;
      const insert = (table: string) =>
        db.execute(
          sql.raw(`insert into ${table} (tracking_code, municipality_id, category_id, location, description, status, channel)
            select 'INS-' || md5(random()::text), (select id from municipalities limit 1), (select min(id) from service_categories),
                   ST_SetSRID(ST_MakePoint(19 + random() * 3.8, 42.4 + random() * 3.6), 4326), 'insert cost', 'received', 'web'
            from generate_series(1, ${rows})`),
        );
      await db.execute(sql`create temp table reports_without_triggers (like reports including all)`);
      const plain = await time(() => insert("reports_without_triggers"));
      // Measured inside a transaction that is then rolled back, so the benchmark leaves no rows.
      await db.execute(sql`begin`);
      const triggered = await time(async () => {
        await insert("reports");
        // The deferred version trigger runs at commit: make it run inside the measurement.
        await db.execute(sql`set constraints all immediate`);
      });
      await db.execute(sql`rollback`);
      await db.execute(sql`drop table reports_without_triggers`);
      return {
        rows,
        withoutTriggersRowsPerSecond: Math.round(rows / (plain / 1000)),
        withTriggersRowsPerSecond: Math.round(rows / (triggered / 1000)),
        slowdown: Number((triggered / plain).toFixed(2)),
      };
    });
    await foldClusterDeltas({ db: handle.db, batchSize: 200_000 });
    const counts = await queryOne<{ reports: number; clusters: number }>(
      handle.db,
      sql`select (select count(*) from reports)::int as reports, (select count(*) from report_clusters)::int as clusters`,
    );
    const report = {
      benchmark: "tiles",
      engine: handle.engine,
      reports: counts?.reports,
      clusterRows: counts?.clusters,
      fillRowsPerSecond: filled.insertRowsPerSecond || "not measured (database already filled)",
      insertCost,
      rounds: ROUNDS,
      machine: { cpus: os.cpus().length, node: process.version },
      at: new Date().toISOString(),
      results,
    };
    writeResult(`tiles-${handle.engine}`, report);
  } finally {
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
