/**
 * npm run bench:policy — what the access policy (migration 0019) costs, on the local PostgreSQL +
 * PostGIS server, policy on against policy off in the same run and the same database:
 *   - a vector tile's statement as the public role over public_reports, against the same statement
 *     as the application's role over the base tables (what it was before the policy);
 *   - a staff member's queue read under row-level security (civic_staff with claims), against the
 *     same read as the application's role;
 *   - filing at the contact centre's intake inside the staff scope, against filing as the application.
 * Timings alternate on/off in rounds, the one timed first changing every round, so the shared
 * machine's noise and any warm-up of the one after fall on both alike. Results go to
 * bench/results/access-policy.json and .md, each as a ratio (target: overhead ≤ 10 %).
 * BENCH_POLICY_REPORTS sets the synthetic reports (default 50,000); BENCH_ADMIN_URL as for npm run bench.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { closeDb, getDbHandle, type DbHandle } from "../db/client";
import { queryOne } from "../db/query";
import { seedDemo } from "../db/seed/seed-demo";
import { asStaff } from "../lib/auth/db-scope";
import { loadSessionUser } from "../lib/auth/staff-user";
import { noFilters } from "../lib/reports/public-filters";
import { fileReport } from "../lib/reports/file-report";
import { listStaffQueue } from "../lib/reports/list-staff-queue";
import { foldClusterDeltas } from "../lib/tiles/fold-cluster-deltas";
import { startOfToday } from "../lib/tiles/get-tile";
import { clusterCells } from "../lib/tiles/tile-grid";
import { tileQuery } from "../lib/tiles/tile-sql";
import { createBenchDatabase } from "./bench-database";
import { median, percentile, time } from "./measure";
import { fillSyntheticReports, findDensestTile } from "./synthetic-reports";

const REPORTS = Number(process.env.BENCH_POLICY_REPORTS ?? 50_000);
// Enough samples that a p95 on a shared machine is not a handful of unlucky timings: 300 tiles and
// 300 queue reads a side, 100 batches of filings a side.
const ROUNDS = Number(process.env.BENCH_POLICY_ROUNDS ?? 100);
const log = (...args: unknown[]) =>
  console.info(`[policy ${new Date().toISOString().slice(11, 19)}]`, ...args);

/** Times one round of on and off, the policy on first in even rounds and off first in odd ones. */
async function pair(
  round: number,
  on: () => Promise<unknown>,
  off: () => Promise<unknown>,
  into: { on: number[]; off: number[] },
) {
  if (round % 2 === 0) {
    into.on.push(await time(on));
    into.off.push(await time(off));
  } else {
    into.off.push(await time(off));
    into.on.push(await time(on));
  }
}

/** The tile statement as it was before the policy: base tables, the exact pin, the public rule inline. */
function withoutPolicy(text: string): string {
  return text
    .replaceAll(
      "from public_reports r",
      "from reports r join service_categories c on c.id = r.category_id and r.is_public and c.is_public",
    )
    .replaceAll("r.service_code", "c.service_code")
    .replaceAll("from public_permits p", "from permits p");
}

async function tileTimings(handle: DbHandle, tiles: Array<{ z: number; x: number; y: number }>) {
  const today = startOfToday(new Date());
  const run = (t: { z: number; x: number; y: number }, policy: boolean) => {
    const query = tileQuery("reports", t.z, { live: false, mvt: true, allCategories: true });
    const cells = clusterCells(t.z, t.x, t.y);
    const values: Record<string, unknown> = {
      ...t,
      categories: null,
      statusGroups: null,
      periodDays: noFilters.periodDays,
      district: null,
      today,
      ...cells,
    };
    const params = query.params.map((name) => values[name]);
    return policy
      ? handle.publicRawQuery(`${query.name}_on`, query.text, params)
      : handle.rawQuery(`${query.name}_off`, withoutPolicy(query.text), params);
  };
  for (const t of tiles) {
    await run(t, true);
    await run(t, false);
  }
  const timings = { on: [] as number[], off: [] as number[] };
  for (let round = 0; round < ROUNDS; round++)
    for (const t of tiles)
      await pair(
        round,
        () => run(t, true),
        () => run(t, false),
        timings,
      );
  return timings;
}

async function main() {
  const database = await createBenchDatabase({ prefix: "civic_policy" });
  process.env.DATABASE_URL = database.url;
  try {
    const handle = await getDbHandle();
    log("seeding the demo municipality");
    await seedDemo(handle.db);
    log(`filling ${REPORTS.toLocaleString("en")} synthetic reports`);
    await fillSyntheticReports({ db: handle.db, withSession: handle.withSession, target: REPORTS });
    while ((await foldClusterDeltas({ db: handle.db, batchSize: 500_000 })) > 0) {
      // Fold the fill's cluster changes, as the worker would.
    }
    await handle.db.execute(sql`vacuum analyze`);

    // Tiles: single reports at z15 over the densest tile, clusters at z12 and z10.
    const dense = await findDensestTile(handle.db, 15);
    const tiles = [
      dense,
      { z: 12, x: dense.x >> 3, y: dense.y >> 3 },
      { z: 10, x: dense.x >> 5, y: dense.y >> 5 },
    ];
    log("timing tiles");
    const tile = await tileTimings(handle, tiles);

    // The contact centre's agent and a utility operator of the demo.
    const agentRow = await queryOne<{ id: number }>(
      handle.db,
      sql`select u.id from users u join memberships m on m.user_id = u.id join organisations o on o.id = m.organisation_id
          where m.role = 'agent' and o.kind = 'contact_centre' order by u.id limit 1`,
    );
    const operatorRow = await queryOne<{ id: number; organisation_id: number }>(
      handle.db,
      sql`select m.user_id as id, m.organisation_id from memberships m where m.role = 'utility_operator' order by m.user_id limit 1`,
    );
    const agent = (await loadSessionUser(handle.db, agentRow!.id))!;
    const operator = (await loadSessionUser(handle.db, operatorRow!.id))!;
    const scope = { organisationId: operatorRow!.organisation_id };
    log("timing the staff queue");
    const queueOnce = (policy: boolean) =>
      policy
        ? asStaff(operator.claims, (db) => listStaffQueue({ db, user: operator, scope, locale: "en" }))
        : listStaffQueue({ db: handle.db, user: operator, scope, locale: "en" });
    for (let i = 0; i < 10; i++) await Promise.all([queueOnce(true), queueOnce(false)]);
    const queue = { on: [] as number[], off: [] as number[] };
    for (let round = 0; round < ROUNDS * 3; round++)
      await pair(
        round,
        () => queueOnce(true),
        () => queueOnce(false),
        queue,
      );
    const { on: queueOn, off: queueOff } = queue;

    log("timing filings");
    const file = (n: number) => ({
      serviceCode: "water_leak",
      position: [21.37 + (n % 50) / 5000, 43.928 + Math.floor(n / 50) / 5000] as [number, number],
      description: "Voda izbija (merenje pravila pristupa).",
      answers: { gas_smell: "no" },
      contact: { name: "Pozivalac", phone: "+381 35 123 456" },
      channel: "phone" as const,
      submissionKey: randomUUID(),
    });
    const filedBy = { userId: agent.id, organisationId: agent.organisationIds[0] ?? null };
    const batch = 20;
    let n = 0;
    const fileOnce = (policy: boolean) =>
      policy
        ? // As the intake route files it: the filing is the last work of its scope.
          asStaff(agent.claims, (db) =>
            fileReport({
              db,
              report: file(n++),
              filedBy,
              municipalityIds: agent.municipalityIds,
              endsScope: true,
            }),
          )
        : fileReport({ db: handle.db, report: file(n++), filedBy, municipalityIds: agent.municipalityIds });
    for (let i = 0; i < 10; i++) {
      await fileOnce(true);
      await fileOnce(false);
    }
    const filings = { on: [] as number[], off: [] as number[] };
    const fileBatch = (policy: boolean) => async () => {
      for (let i = 0; i < batch; i++) await fileOnce(policy);
    };
    for (let round = 0; round < ROUNDS; round++)
      await pair(round, fileBatch(true), fileBatch(false), filings);
    const { on: fileOn, off: fileOff } = filings;
    const perSecond = (ms: number[]) => (batch * ms.length * 1000) / ms.reduce((a, b) => a + b, 0);
    const p95 = (v: number[]) => Number(percentile(v, 95).toFixed(2));
    const p50 = (v: number[]) => Number(median(v).toFixed(2));
    const result = {
      reports: REPORTS,
      rounds: ROUNDS,
      // The shared machine's load while it ran (1, 5, 15 minutes): on and off alternate, so both see it.
      loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
      tileP95Ms: { policyOn: p95(tile.on), policyOff: p95(tile.off), ratio: p95(tile.on) / p95(tile.off) },
      staffQueueP95Ms: {
        policyOn: p95(queueOn),
        policyOff: p95(queueOff),
        ratio: p95(queueOn) / p95(queueOff),
      },
      mediansMs: {
        tile: { policyOn: p50(tile.on), policyOff: p50(tile.off) },
        staffQueue: { policyOn: p50(queueOn), policyOff: p50(queueOff) },
        filingBatch: { policyOn: p50(fileOn), policyOff: p50(fileOff), batch },
      },
      intakeFilingsPerSecond: {
        policyOn: Number(perSecond(fileOn).toFixed(1)),
        policyOff: Number(perSecond(fileOff).toFixed(1)),
        ratio: perSecond(fileOff) / perSecond(fileOn),
      },
      target: "each ratio ≤ 1.10 (overhead ≤ 10 %)",
    };
    const dir = path.join(__dirname, "results");
    fs.writeFileSync(path.join(dir, "access-policy.json"), `${JSON.stringify(result, null, 2)}\n`);
    const row = (name: string, on: number, off: number, ratio: number, unit: string) =>
      `| ${name} | ${on} ${unit} | ${off} ${unit} | ${ratio.toFixed(3)} | ${ratio <= 1.1 ? "met" : "missed"} |`;
    fs.writeFileSync(
      path.join(dir, "access-policy.md"),
      [
        `# Access policy overhead (${REPORTS.toLocaleString("en")} reports, ${ROUNDS} rounds, ${new Date().toISOString()})`,
        "",
        `Load average while it ran: ${result.loadAverage.join(", ")} (on and off alternate, so both see it).`,
        "",
        "| measure | policy on | policy off | ratio (cost on/off) | ≤ 1.10 |",
        "|---|---|---|---|---|",
        row(
          "tile statement p95",
          result.tileP95Ms.policyOn,
          result.tileP95Ms.policyOff,
          result.tileP95Ms.ratio,
          "ms",
        ),
        row(
          "staff queue p95",
          result.staffQueueP95Ms.policyOn,
          result.staffQueueP95Ms.policyOff,
          result.staffQueueP95Ms.ratio,
          "ms",
        ),
        row(
          "intake filings",
          result.intakeFilingsPerSecond.policyOn,
          result.intakeFilingsPerSecond.policyOff,
          result.intakeFilingsPerSecond.ratio,
          "/s",
        ),
        "",
        `Medians: tile ${result.mediansMs.tile.policyOn} / ${result.mediansMs.tile.policyOff} ms, ` +
          `staff queue ${result.mediansMs.staffQueue.policyOn} / ${result.mediansMs.staffQueue.policyOff} ms, ` +
          `${batch} filings ${result.mediansMs.filingBatch.policyOn} / ${result.mediansMs.filingBatch.policyOff} ms (on / off).`,
        "",
      ].join("\n"),
    );
    console.info(JSON.stringify(result, null, 2));
  } finally {
    await closeDb();
    await database.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
