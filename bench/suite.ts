/**
 * npm run bench — the map at scale, on the local PostgreSQL + PostGIS server.
 *
 * Creates a throwaway database (civic_bench_<pid>, from BENCH_ADMIN_URL or the local development
 * role; BENCH_DATABASE_URL uses an existing empty database instead and leaves it), seeds the demo
 * municipality and 100,000 synthetic reports, then tops up to 1,000,000; builds the app if its
 * sources changed and starts two instances on loopback ports (one with the tile cache, one
 * without); loads them with autocannon and Chromium; writes bench/results/latest.md and .json.
 * Every figure is put next to a baseline measured in the same run and next to its target.
 * BENCH_QUICK=1: 10,000 / 20,000 reports and short runs, for development.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { VectorTile } from "@mapbox/vector-tile";
import { PbfReader } from "pbf";
import { Client } from "pg";
import { sql, type SQL } from "drizzle-orm";
import type autocannon from "autocannon";
import { openDatabase, type Database, type DbHandle } from "../db/client";
import { queryOne, queryRows } from "../db/query";
import { seedDemo } from "../db/seed/seed-demo";
import { noFilters } from "../lib/reports/public-filters";
import { fileReport } from "../lib/reports/file-report";
import { findDuplicateCandidates } from "../lib/reports/find-duplicate-candidates";
import { foldClusterDeltas } from "../lib/tiles/fold-cluster-deltas";
import { queryTile, startOfToday } from "../lib/tiles/get-tile";
import { startApp, type AppServer } from "./app-server";
import { timeFirstFeatures, type FirstFeatures } from "./browser";
import { runLoad, type LoadResult } from "./load";
import { percentile, time } from "./measure";
import { findDensestTile, fillSyntheticReports, tileCorner } from "./synthetic-reports";
import { writeResults, type Check } from "./write-results";
import { createBenchDatabase } from "./bench-database";

const QUICK = process.env.BENCH_QUICK === "1";
const SMALL = QUICK ? 10_000 : 100_000;
const LARGE = QUICK ? 20_000 : 1_000_000;
const ROUNDS = QUICK ? 3 : 10;
const LOAD_SECONDS = QUICK ? 3 : 8;
const PORT = Number(process.env.BENCH_PORT ?? 3250);
const ZOOMS = [8, 10, 12, 15] as const;
const THROUGHPUT_ZOOMS = [8, 10, 12, 14, 15] as const;
// The duplicate lookup of a category whose radius is 50 m (water leak in the demo's catalogue).
const DUPLICATE_SERVICE = "water_leak";
const CUPRIJA: [number, number] = [21.37, 43.928];

type TileRef = { z: number; x: number; y: number };
const tilePath = (t: TileRef) => `/api/tiles/reports/${t.z}/${t.x}/${t.y}.mvt`;
const ms = (n: number) => Number(n.toFixed(2));
const log = (...args: unknown[]) =>
  console.info(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);

async function fill(handle: DbHandle, target: number): Promise<number> {
  const filled = await fillSyntheticReports({
    db: handle.db,
    withSession: handle.withSession,
    target,
    onProgress: (done) => log(`  ${done.toLocaleString("en")} synthetic reports`),
  });
  while ((await foldClusterDeltas({ db: handle.db, batchSize: 500_000 })) > 0) {
    // Fold every change the fill appended, as the worker would.
  }
  await handle.db.execute(sql`vacuum analyze`);
  return filled.rowsPerSecond;
}

/** The tile's own statement and encoding, as the endpoint runs it on a cache miss. */
function rawTile(handle: DbHandle, t: TileRef): Promise<Buffer> {
  return queryTile({ handle, layer: "reports", ...t, filters: noFilters, today: startOfToday(new Date()) });
}

async function timeRawTiles(handle: DbHandle, tiles: TileRef[], rounds: number): Promise<number[]> {
  for (const t of tiles) await rawTile(handle, t); // plan and warm
  const timings: number[] = [];
  for (let round = 0; round < rounds; round++)
    for (const t of tiles) timings.push(await time(() => rawTile(handle, t)));
  return timings;
}

function tileStats(body: Buffer): { features: number; rawBytes: number; gzipBytes: number } {
  const tile = new VectorTile(new PbfReader(body));
  const features = Object.values(tile.layers).reduce((n, layer) => n + layer.length, 0);
  return { features, rawBytes: body.length, gzipBytes: gzipSync(body).length };
}

async function serverVersions(db: Database): Promise<{ postgres: string; postgis: string }> {
  const row = await queryOne<{ postgres: string; postgis: string }>(
    db,
    sql`select current_setting('server_version') as postgres, postgis_lib_version() as postgis`,
  );
  return { postgres: row!.postgres, postgis: row!.postgis };
}

/** findDuplicateCandidates' own statement, explained: its SQL goes to EXPLAIN instead of running. */
async function explainDuplicateLookup(
  db: Database,
  input: { municipalityId: number; position: [number, number] },
): Promise<string> {
  let plan = "";
  const explaining = {
    execute: async (query: SQL) => {
      const rows = await queryRows<Record<string, unknown>>(db, sql`explain (format json) ${query}`);
      plan = JSON.stringify(rows[0]?.["QUERY PLAN"] ?? rows);
      return { rows: [] };
    },
  } as unknown as Database;
  await findDuplicateCandidates({
    db: explaining,
    municipalityId: input.municipalityId,
    serviceCode: DUPLICATE_SERVICE,
    position: input.position,
    locale: "en",
  });
  return plan;
}

async function measureDuplicateLookup(handle: DbHandle, municipalityId: number) {
  // Positions where reports are: jittered copies of reports in the town.
  const spots = await queryRows<{ lng: number; lat: number }>(
    handle.db,
    sql`select ST_X(location) + (random() - 0.5) * 0.0006 as lng, ST_Y(location) + (random() - 0.5) * 0.0006 as lat
        from reports where location && ST_MakeEnvelope(${CUPRIJA[0] - 0.02}, ${CUPRIJA[1] - 0.015}, ${CUPRIJA[0] + 0.02}, ${CUPRIJA[1] + 0.015}, 4326)
        order by random() limit ${QUICK ? 40 : 200}`,
  );
  const plan = await explainDuplicateLookup(handle.db, {
    municipalityId,
    position: [spots[0]!.lng, spots[0]!.lat],
  });
  if (!plan.includes("reports_location_geog_gix")) {
    throw new Error(`the duplicate lookup does not use reports_location_geog_gix; its plan: ${plan}`);
  }
  const lookup = (db: Database, s: { lng: number; lat: number }) =>
    findDuplicateCandidates({
      db,
      municipalityId,
      serviceCode: DUPLICATE_SERVICE,
      position: [s.lng, s.lat],
      locale: "en",
    });
  const indexed: number[] = [];
  let candidates = 0;
  for (const s of spots)
    indexed.push(await time(async () => (candidates += (await lookup(handle.db, s)).length)));
  // Baseline: the same lookups with the planner kept off every index (a scan of all reports).
  const baseline: number[] = [];
  await handle.withSession(async (db) => {
    await db.execute(sql`set enable_indexscan = off`);
    await db.execute(sql`set enable_bitmapscan = off`);
    for (const s of spots.slice(0, QUICK ? 3 : 8)) baseline.push(await time(() => lookup(db, s)));
    await db.execute(sql`reset enable_indexscan`);
    await db.execute(sql`reset enable_bitmapscan`);
  });
  return {
    lookups: spots.length,
    meanCandidates: Number((candidates / spots.length).toFixed(1)),
    p50Ms: ms(percentile(indexed, 50)),
    p95Ms: ms(percentile(indexed, 95)),
    withoutIndexP50Ms: ms(percentile(baseline, 50)),
    planUsesIndex: "reports_location_geog_gix",
  };
}

/** The citizen's intake: the duplicate check (GET /api/reports/nearby) then POST /api/reports, per client. */
function intakeRequests(pairs: number[]): autocannon.Request[] {
  type Ctx = { position?: [number, number]; started?: number };
  let n = 0;
  return [
    {
      method: "GET",
      setupRequest: (req, context) => {
        const ctx = context as Ctx;
        const i = ++n;
        ctx.position = [
          CUPRIJA[0] + (((i * 7919) % 1000) / 1000 - 0.5) * 0.016,
          CUPRIJA[1] + (((i * 104729) % 1000) / 1000 - 0.5) * 0.012,
        ];
        ctx.started = performance.now();
        return {
          ...req,
          path: `/api/reports/nearby?service=${DUPLICATE_SERVICE}&lng=${ctx.position[0]}&lat=${ctx.position[1]}`,
        };
      },
    },
    {
      method: "POST",
      setupRequest: (req, context) => {
        const ctx = context as Ctx;
        const boundary = `bench${randomUUID().replace(/-/g, "")}`;
        const key = randomUUID();
        const data = JSON.stringify({
          serviceCode: DUPLICATE_SERVICE,
          position: ctx.position,
          description: "Voda izbija iz asfalta (benchmark).",
          answers: { gas_smell: "no" },
          contact: { email: `bench-${key.slice(0, 8)}@example.org` },
          submissionKey: key,
        });
        const body = `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${data}\r\n--${boundary}--\r\n`;
        return {
          ...req,
          path: "/api/reports",
          body,
          headers: {
            "content-type": `multipart/form-data; boundary=${boundary}`,
            // A distinct address per submission: as many citizens, each within the per-address limit.
            "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
          },
        };
      },
      onResponse: (_status, _body, context) => {
        const ctx = context as Ctx;
        if (ctx.started !== undefined) pairs.push(performance.now() - ctx.started);
      },
    },
  ];
}

async function measureIntake(app: AppServer, handle: DbHandle, municipalityId: number) {
  const before = await queryOne<{ n: number }>(
    handle.db,
    sql`select count(*)::int as n from reports where channel = 'web' and tracking_code not like 'SYN-%'`,
  );
  const pairs: number[] = [];
  const load = await runLoad({
    url: app.url,
    connections: 8,
    durationSeconds: LOAD_SECONDS * 1.5,
    requests: intakeRequests(pairs),
  });
  const after = await queryOne<{ n: number }>(
    handle.db,
    sql`select count(*)::int as n from reports where channel = 'web' and tracking_code not like 'SYN-%'`,
  );
  const filed = Number(after!.n) - Number(before!.n);
  // Baseline: single-row inserts into reports (its indexes and triggers) by 8 clients through one pool.
  const category = await queryOne<{ id: number }>(
    handle.db,
    sql`select id from service_categories where service_code = ${DUPLICATE_SERVICE}`,
  );
  const insertLatencies: number[] = [];
  const deadline = Date.now() + LOAD_SECONDS * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (Date.now() < deadline) {
        insertLatencies.push(
          await time(() =>
            handle.db
              .execute(sql`insert into reports (tracking_code, municipality_id, category_id, location, description, status, channel)
              values (${`INS-${randomUUID()}`}, ${municipalityId}, ${category!.id},
                      ST_SetSRID(ST_MakePoint(${CUPRIJA[0] + (Math.random() - 0.5) * 0.016}, ${CUPRIJA[1] + (Math.random() - 0.5) * 0.012}), 4326),
                      'plain insert', 'received', 'phone')`),
          ),
        );
      }
    }),
  );
  const insertSeconds = (Date.now() - started) / 1000;
  // Where the time goes: the same filing (duplicate lookup + fileReport) in this process, no HTTP.
  const direct: number[] = [];
  const directDeadline = Date.now() + LOAD_SECONDS * 1000;
  const directStarted = Date.now();
  let k = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (Date.now() < directDeadline) {
        const i = ++k;
        const position: [number, number] = [
          CUPRIJA[0] + (((i * 7919) % 1000) / 1000 - 0.5) * 0.016,
          CUPRIJA[1] + (((i * 104729) % 1000) / 1000 - 0.5) * 0.012,
        ];
        direct.push(
          await time(async () => {
            await findDuplicateCandidates({
              db: handle.db,
              municipalityId,
              serviceCode: DUPLICATE_SERVICE,
              position,
              locale: "en",
            });
            await fileReport({
              db: handle.db,
              report: {
                serviceCode: DUPLICATE_SERVICE,
                position,
                description: "Voda izbija (benchmark, bez HTTP-a).",
                answers: { gas_smell: "no" },
                contact: { email: `direct-${i}@example.org` },
                submissionKey: randomUUID(),
              },
            });
          }),
        );
      }
    }),
  );
  const directSeconds = (Date.now() - directStarted) / 1000;
  return {
    seconds: load.durationSeconds,
    reportsFiled: filed,
    reportsPerSecond: Number((filed / load.durationSeconds).toFixed(1)),
    p50Ms: ms(percentile(pairs, 50)),
    p95Ms: ms(percentile(pairs, 95)),
    non2xx: load.non2xx,
    errors: load.errors,
    plainInsertsPerSecond: Number((insertLatencies.length / insertSeconds).toFixed(1)),
    plainInsertP95Ms: ms(percentile(insertLatencies, 95)),
    withoutHttpPerSecond: Number((direct.length / directSeconds).toFixed(1)),
    withoutHttpP95Ms: ms(percentile(direct, 95)),
  };
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadAtStart = os.loadavg();
  const resultsDir = path.join(__dirname, "results");
  const logFile = path.join(os.tmpdir(), `civic-bench-${process.pid}.log`);
  log(`mode ${QUICK ? "quick" : "full"}; app logs in ${logFile}`);
  const database = await createBenchDatabase({ prefix: "civic_bench" });
  const apps: AppServer[] = [];
  let handle: DbHandle | undefined;
  let embeddedDir: string | undefined;
  try {
    handle = await openDatabase({ databaseUrl: database.url, dataDir: path.join(os.tmpdir(), "unused") });
    await seedDemo(handle.db, { today: startedAt });
    const municipality = await queryOne<{ id: number }>(
      handle.db,
      sql`select min(id) as id from municipalities`,
    );
    const municipalityId = municipality!.id;
    const versions = await serverVersions(handle.db);

    // ── 100,000 reports: server tiles at z15 and the embedded engine on the same data ──
    log(`seeding ${SMALL.toLocaleString("en")} reports on the server`);
    const smallFillRate = await fill(handle, SMALL);
    const small15 = await findDensestTile(handle.db, 15);
    const serverSmall = await timeRawTiles(handle, small15.block, ROUNDS);
    log(`seeding ${SMALL.toLocaleString("en")} reports on the embedded engine`);
    embeddedDir = fs.mkdtempSync(path.join(os.tmpdir(), "civic-bench-embedded-"));
    const embedded = await openDatabase({ dataDir: path.join(embeddedDir, "pglite") });
    let embeddedSmall: number[];
    let embeddedFillRate: number;
    try {
      await seedDemo(embedded.db, { today: startedAt });
      embeddedFillRate = await fill(embedded, SMALL);
      embeddedSmall = await timeRawTiles(embedded, small15.block, ROUNDS);
    } finally {
      await embedded.close();
      fs.rmSync(embeddedDir, { recursive: true, force: true });
      embeddedDir = undefined;
    }
    const embeddedResult = {
      reports: SMALL,
      tile: `${small15.z}/${small15.x}/${small15.y} and the 4×4 block around it (${small15.reports} reports in the densest tile)`,
      embeddedP50Ms: ms(percentile(embeddedSmall, 50)),
      embeddedP95Ms: ms(percentile(embeddedSmall, 95)),
      serverP50Ms: ms(percentile(serverSmall, 50)),
      serverP95Ms: ms(percentile(serverSmall, 95)),
      ratioP95: Number((percentile(embeddedSmall, 95) / percentile(serverSmall, 95)).toFixed(2)),
      embeddedFillRowsPerSecond: embeddedFillRate,
    };
    log("embedded engine", embeddedResult);

    // ── 1,000,000 reports ──
    log(`topping up to ${LARGE.toLocaleString("en")} reports`);
    const largeFillRate = await fill(handle, LARGE);
    const counts = await queryOne<{ reports: number; clusters: number }>(
      handle.db,
      sql`select (select count(*) from reports)::int as reports, (select count(*) from report_clusters)::int as clusters`,
    );
    const densest = new Map<number, Awaited<ReturnType<typeof findDensestTile>>>();
    for (const z of new Set<number>([...ZOOMS, ...THROUGHPUT_ZOOMS]))
      densest.set(z, await findDensestTile(handle.db, z));

    // Tile sizes: the densest tile per zoom.
    const sizes: Record<string, ReturnType<typeof tileStats> & { tile: string; reportsInTile: number }> = {};
    for (const z of THROUGHPUT_ZOOMS) {
      const d = densest.get(z)!;
      sizes[`z${z}`] = {
        tile: `${z}/${d.x}/${d.y}`,
        reportsInTile: d.reports,
        ...tileStats(await rawTile(handle, d)),
      };
    }
    log("sizes", sizes);

    log("starting the app (two instances: tile cache on, tile cache off)");
    const cached = await startApp({ port: PORT, databaseUrl: database.url, logFile });
    apps.push(cached);
    const uncached = await startApp({
      port: PORT + 1,
      databaseUrl: database.url,
      logFile,
      env: { TILE_CACHE_MB: "0" },
    });
    apps.push(uncached);

    // Latency at concurrency 1: the endpoint without its cache vs the same tiles' statements.
    const latency: Record<string, unknown> = {};
    for (const z of ZOOMS) {
      const d = densest.get(z)!;
      const raw = await timeRawTiles(handle, d.block, ROUNDS);
      const requests = d.block.map((t) => ({ method: "GET" as const, path: tilePath(t) }));
      await runLoad({ url: uncached.url, connections: 1, amount: d.block.length, requests });
      const http = await runLoad({
        url: uncached.url,
        connections: 1,
        amount: d.block.length * ROUNDS,
        requests,
      });
      latency[`z${z}`] = {
        block: `${z}/${d.x - 1}..${d.x + 2}/${d.y - 1}..${d.y + 2}`,
        endpointP50Ms: http.p50Ms,
        endpointP95Ms: http.p95Ms,
        rawP50Ms: ms(percentile(raw, 50)),
        rawP95Ms: ms(percentile(raw, 95)),
        ratioP50: Number((http.p50Ms / percentile(raw, 50)).toFixed(2)),
        non2xx: http.non2xx,
      };
      log(`latency z${z}`, latency[`z${z}`]);
    }

    // Throughput at concurrency 8: without the cache (every request runs the statement) and with it (hot tiles).
    const throughput: Record<string, { uncached: LoadResult; cached: LoadResult; ratio: number }> = {};
    for (const z of THROUGHPUT_ZOOMS) {
      const requests = densest.get(z)!.block.map((t) => ({ method: "GET" as const, path: tilePath(t) }));
      const cold = await runLoad({
        url: uncached.url,
        connections: 8,
        durationSeconds: LOAD_SECONDS,
        requests,
      });
      await runLoad({ url: cached.url, connections: 1, amount: requests.length, requests });
      const hot = await runLoad({ url: cached.url, connections: 8, durationSeconds: LOAD_SECONDS, requests });
      throughput[`z${z}`] = {
        uncached: cold,
        cached: hot,
        ratio: Number((hot.perSecond / cold.perSecond).toFixed(1)),
      };
      log(`throughput z${z}: ${cold.perSecond}/s uncached, ${hot.perSecond}/s cached`);
    }

    // First rendered features in the browser, at the densest single-report view (tile cache off).
    const d15 = densest.get(15)!;
    const [west, north] = tileCorner(15, d15.x, d15.y);
    const [east, south] = tileCorner(15, d15.x + 1, d15.y + 1);
    let browser: FirstFeatures | { error: string };
    try {
      browser = await timeFirstFeatures({
        url: uncached.url,
        at: [(west + east) / 2, (north + south) / 2, 15],
        runs: QUICK ? 2 : 3,
      });
    } catch (err) {
      browser = { error: err instanceof Error ? err.message : String(err) };
    }
    log("browser", browser);

    log("duplicate lookup");
    const duplicates = await measureDuplicateLookup(handle, municipalityId);
    log("duplicates", duplicates);

    log("intake");
    const intake = await measureIntake(cached, handle, municipalityId);
    log("intake", intake);

    const loadAtEnd = os.loadavg();
    const environment = {
      date: startedAt.toISOString(),
      finished: new Date().toISOString(),
      mode: QUICK ? "quick" : "full",
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "unknown",
      memoryGb: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
      node: process.version,
      postgres: versions.postgres,
      postgis: versions.postgis,
      databaseSettings: database.settings,
      reports: counts!.reports,
      clusterRows: counts!.clusters,
      loadAverageAtStart: loadAtStart.map((n) => Number(n.toFixed(2))),
      loadAverageAtEnd: loadAtEnd.map((n) => Number(n.toFixed(2))),
      fillRowsPerSecond: { server: largeFillRate || smallFillRate, embedded: embeddedFillRate },
    };
    writeResults({
      dir: resultsDir,
      environment,
      latency: latency as never,
      throughput,
      sizes,
      duplicates,
      intake,
      embedded: embeddedResult,
      browser,
      small: SMALL,
      large: LARGE,
    });
    const checks: Check[] = JSON.parse(fs.readFileSync(path.join(resultsDir, "latest.json"), "utf8")).checks;
    log(`${checks.filter((c) => c.met).length} of ${checks.length} targets met; bench/results/latest.md`);
  } finally {
    for (const app of apps) await app.stop().catch(() => undefined);
    await handle?.close().catch(() => undefined);
    if (embeddedDir) fs.rmSync(embeddedDir, { recursive: true, force: true });
    await database
      .drop()
      .catch((err: unknown) => console.error("could not drop the benchmark database:", err));
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
