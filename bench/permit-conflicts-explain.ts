/**
 * The conflict query's plan on a PostgreSQL + PostGIS server, for the record: 20,000 synthetic
 * permits over Ćuprija plus the demo's 30, then EXPLAIN (ANALYZE, BUFFERS) of the exact statement
 * lib/permits runs when a permit is registered or changed. Give it an empty database (it is filled):
 *
 *   BENCH_DATABASE_URL=postgres://…/empty_db npx tsx --conditions=react-server bench/permit-conflicts-explain.ts
 *
 * Writes bench/results/permit-conflicts-explain-<engine>.txt. Without BENCH_DATABASE_URL it runs on
 * the embedded engine in a throwaway directory.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { MultiPolygon } from "geojson";
import { openDatabase } from "../db/client";
import { queryOne, queryRows } from "../db/query";
import { seedDemo } from "../db/seed/seed-demo";
import { permitConflictsSql } from "../lib/permits/find-permit-conflicts";

const PERMITS = Number(process.env.BENCH_PERMITS ?? 20_000);

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "permit-explain-"));
  const handle = await openDatabase({
    databaseUrl: process.env.BENCH_DATABASE_URL,
    dataDir: path.join(dataDir, "pglite"),
  });
  try {
    const { db } = handle;
    await seedDemo(db, { today: new Date("2026-11-20T10:00:00Z") });
    const m = await queryOne<{ id: number }>(db, sql`select id from municipalities order by id limit 1`);
    // Synthetic 20–80 m rectangles over the town and its villages, periods spread over two years.
    await db.execute(sql`
      insert into permits (municipality_id, reference, kind, status, holder_name, works_description, site, valid_from, valid_to)
      select ${m!.id}, 'BENCH-' || i,
             (array['construction','excavation','street_occupancy','event'])[1 + (i % 4)]::permit_kind,
             (array['applied','under_review','granted','active','completed','refused','revoked'])[1 + (i % 7)]::permit_status,
             'Bench d.o.o.', 'synthetic',
             ST_Multi(ST_MakeEnvelope(x, y, x + 0.0003 + random() * 0.0007, y + 0.0002 + random() * 0.0005, 4326)),
             d, d + (7 + (random() * 100)::int)
      from (select i, 21.30 + random() * 0.16 as x, 43.86 + random() * 0.12 as y,
                   date '2025-12-01' + (random() * 700)::int as d
            from generate_series(1, ${PERMITS}) i) s`);
    await db.execute(sql`analyze permits`);
    const site: MultiPolygon = {
      type: "MultiPolygon",
      // About 400 m × 330 m in the town centre: a long excavation, so the answer has a few rows.
      coordinates: [
        [
          [
            [21.363, 43.929],
            [21.368, 43.929],
            [21.368, 43.932],
            [21.363, 43.932],
            [21.363, 43.929],
          ],
        ],
      ],
    };
    const query = permitConflictsSql({
      municipalityId: m!.id,
      kind: "excavation",
      site,
      validFrom: "2026-11-20",
      validTo: "2026-12-10",
    });
    const plan = await queryRows<{ "QUERY PLAN": string }>(
      db,
      sql`explain (analyze, buffers, costs) ${query}`,
    );
    const total = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from permits`);
    const versions = await queryOne<{ pg: string; postgis: string }>(
      db,
      sql`select version() as pg, postgis_full_version() as postgis`,
    );
    const text = [
      `engine: ${handle.engine}`,
      `server: ${versions!.pg}`,
      `postgis: ${versions!.postgis.split(" ").slice(0, 2).join(" ")}`,
      `permits in the table: ${total!.n}`,
      "",
      ...plan.map((r) => r["QUERY PLAN"]),
      "",
    ].join("\n");
    const out = path.join(__dirname, "results", `permit-conflicts-explain-${handle.engine}.txt`);
    fs.writeFileSync(out, text);
    console.info(text);
    console.info(`written to ${path.relative(process.cwd(), out)}`);
  } finally {
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
