/**
 * npm run bench:analytics — times every analytics query of the planners' workspace at 100,000
 * reports, with the cheapest query over the same filters (count the filtered reports) as the
 * baseline measured in the same run, so the ratios mean something on a noisy machine. Results go
 * to bench/results/analytics-<engine>.json.
 *
 * Runs on the embedded engine in a throwaway directory; set BENCH_DATABASE_URL to an empty
 * PostgreSQL server database to measure the server engine (the one the issue asks about).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { median, time, writeResult } from "./measure";
import { openDatabase, type DbHandle, type Database } from "../db/client";
import { queryOne } from "../db/query";
import { seedDemo } from "../db/seed/seed-demo";
import { buildMapLayer } from "../lib/analytics/build-map-layer";
import { countBacklogByAge } from "../lib/analytics/count-backlog-by-age";
import { countChannels } from "../lib/analytics/count-channels";
import { countReportsByDistrict } from "../lib/analytics/count-reports-by-district";
import { countVolume } from "../lib/analytics/count-volume";
import { defaultAnalyticsFilters, type AnalyticsFilters } from "../lib/analytics/filters";
import { findHotspots } from "../lib/analytics/find-hotspots";
import { measureContactCentre } from "../lib/analytics/measure-contact-centre";
import { measureKeyFigures } from "../lib/analytics/measure-key-figures";
import { measureOnTimeShare } from "../lib/analytics/measure-on-time-share";
import { measureResolutionTimes } from "../lib/analytics/measure-resolution-times";
import { reportScope } from "../lib/analytics/report-scope";
import { streamReportExport } from "../lib/analytics/stream-report-export";

const REPORTS = Number(process.env.BENCH_REPORTS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TODAY = new Date("2026-11-20T10:00:00Z");

async function fill(handle: DbHandle): Promise<number> {
  await seedDemo(handle.db, { today: TODAY });
  const municipality = await queryOne<{ id: number }>(
    handle.db,
    sql`select id from municipalities where code = 'cuprija'`,
  );
  const existing = await queryOne<{ n: number }>(handle.db, sql`select count(*)::int as n from reports`);
  if (Number(existing?.n) < REPORTS) {
    // Synthetic reports over the town and its villages, filed over the last year, a third of them resolved.
    await handle.db.execute(sql`
      insert into reports (tracking_code, municipality_id, category_id, location, description, status, channel,
                           assigned_organisation_id, created_at, due_at, resolved_at)
      select 'BENCH-' || i, m.id, c.id,
             ST_SetSRID(ST_MakePoint(21.30 + random() * 0.16 + (random() - 0.5) * 0.02, 43.89 + random() * 0.08), 4326),
             'synthetic', (case when i % 3 = 0 then 'resolved' else 'assigned' end)::report_status,
             (array['web','phone','counter','email','field'])[1 + i % 5]::report_channel,
             o.id, t.created, t.created + interval '7 days',
             case when i % 3 = 0 then t.created + (random() * interval '14 days') end
      from generate_series(1, ${REPORTS}) i
      cross join (select id from municipalities where code = 'cuprija') m
      cross join lateral (select ${TODAY.toISOString()}::timestamptz - make_interval(days => ((i::bigint * 7919) % 365)::int, secs => ((i::bigint * 104729) % 86400)::int) as created) t
      cross join lateral (select id from service_categories where municipality_id = m.id order by id limit 1 offset (i % 20)) c
      cross join lateral (select id from organisations where municipality_id = m.id order by id limit 1 offset (i % 10)) o`);
    await handle.db.execute(sql`
      insert into report_events (report_id, municipality_id, kind, to_status, to_organisation_id, created_at)
      select r.id, r.municipality_id, 'created', 'received', case when r.id % 4 = 0 then (select id from organisations where kind = 'contact_centre' limit 1) else r.assigned_organisation_id end, r.created_at
      from reports r where r.tracking_code like 'BENCH-%'`);
    // Filed reports carry their district, as routing sets it (on a shared edge the lowest code).
    await handle.db.execute(sql`
      update reports r set district_id = (select d.id from districts d where d.municipality_id = r.municipality_id and ST_Covers(d.area, r.location) order by d.code limit 1)
      where r.tracking_code like 'BENCH-%'`);
    await handle.db.execute(sql`analyze`);
  }
  return municipality!.id;
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<number> {
  let bytes = 0;
  const reader = stream.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
  }
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "civic-bench-analytics-"));
  const url = process.env.BENCH_DATABASE_URL;
  const handle = await openDatabase({ databaseUrl: url, dataDir: path.join(dataDir, "pglite") });
  try {
    const municipalityId = await fill(handle);
    const total = await queryOne<{ n: number }>(handle.db, sql`select count(*)::int as n from reports`);
    // The whole year, every category: the heaviest view a planner can ask for.
    const filters: AnalyticsFilters = {
      ...defaultAnalyticsFilters(TODAY),
      from: "2025-11-21",
      to: "2026-11-20",
    };
    const quarter: AnalyticsFilters = { ...filters, from: "2026-07-01", to: "2026-09-30" };
    const queries: Record<string, (db: Database) => Promise<unknown>> = {
      baselineCount: (db) =>
        queryOne(
          db,
          sql`select count(*)::int from reports r where ${reportScope({ municipalityId, filters })}`,
        ),
      keyFigures: (db) => measureKeyFigures({ db, municipalityId, filters, now: TODAY }),
      reportsByDistrict: (db) => countReportsByDistrict({ db, municipalityId, filters, locale: "en" }),
      choropleth: (db) =>
        buildMapLayer({ db, municipalityId, filters, locale: "en", layer: "choropleth", zoom: 12 }),
      hexagonsZoom12: (db) =>
        buildMapLayer({ db, municipalityId, filters, locale: "en", layer: "hexagons", zoom: 12 }),
      hexagonsZoom15: (db) =>
        buildMapLayer({ db, municipalityId, filters, locale: "en", layer: "hexagons", zoom: 15 }),
      heatmapZoom13: (db) =>
        buildMapLayer({ db, municipalityId, filters, locale: "en", layer: "heatmap", zoom: 13 }),
      hotspotsQuarter: (db) => findHotspots({ db, municipalityId, filters: quarter, locale: "en" }),
      volumeByWeek: (db) => countVolume({ db, municipalityId, filters, locale: "en" }),
      volumeByMonth: (db) =>
        countVolume({ db, municipalityId, filters: { ...filters, bucket: "month" }, locale: "en" }),
      resolutionTimes: (db) => measureResolutionTimes({ db, municipalityId, filters, locale: "en" }),
      onTimeShare: (db) => measureOnTimeShare({ db, municipalityId, filters, locale: "en", now: TODAY }),
      backlogByAge: (db) => countBacklogByAge({ db, municipalityId, filters, now: TODAY }),
      contactCentre: (db) => measureContactCentre({ db, municipalityId, filters }),
      channelMix: (db) => countChannels({ db, municipalityId, filters }),
      exportCsvQuarter: (db) =>
        drain(streamReportExport({ db, municipalityId, filters: quarter, locale: "en", format: "csv" })),
    };
    const timings: Record<string, number[]> = Object.fromEntries(
      Object.keys(queries).map((name) => [name, []]),
    );
    await handle.withSession(async (db) => {
      for (const run of Object.values(queries)) await run(db); // warm caches once
      // Interleaved rounds, so that machine noise hits every query alike.
      for (let round = 0; round < ROUNDS; round++) {
        for (const [name, run] of Object.entries(queries)) timings[name]!.push(await time(() => run(db)));
      }
    });
    const baseline = median(timings.baselineCount!);
    const results = Object.fromEntries(
      Object.entries(timings).map(([name, values]) => [
        name,
        {
          medianMs: Number(median(values).toFixed(1)),
          ratioToBaseline: Number((median(values) / baseline).toFixed(1)),
        },
      ]),
    );
    const report = {
      benchmark: "analytics-queries",
      engine: handle.engine,
      reports: total?.n,
      rounds: ROUNDS,
      filters: {
        year: `${filters.from}..${filters.to}`,
        hotspotsAndExport: `${quarter.from}..${quarter.to}`,
        epsMetres: filters.epsMetres,
        minPoints: filters.minPoints,
      },
      baseline: "baselineCount: count(*) of the same filtered reports",
      machine: { cpus: os.cpus().length, node: process.version },
      at: new Date().toISOString(),
      results,
    };
    writeResult(`analytics-${handle.engine}`, report);
  } finally {
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
