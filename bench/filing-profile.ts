/**
 * npm run bench:filing — where a filing's time goes, and what it costs against a plain insert, in
 * one run on a PostgreSQL server: a throwaway database on the local server (bench-database.ts;
 * BENCH_DATABASE_URL: an existing empty one instead), seeded with the demo.
 *  1. Profile: 40 filings one after another, every statement timed at the driver, grouped by step.
 *  2. Rates, 8 in-process clients for BENCH_SECONDS each: a plain single-row INSERT into reports,
 *     then the filing (fileReport: the report the web form's POST sends, counted against the same
 *     per-address limit the route counts); the ratio is the filing's cost in plain inserts. Each kind
 *     runs in BENCH_ROUNDS interleaved rounds (after an unmeasured warm-up of each path), so the
 *     other load of a shared machine falls on all of them alike.
 *  3. The filing through HTTP with 8 clients (POST /api/reports as the web form sends it, each
 *     with its own submission key and client address), as a share of the in-process rate: the app
 *     started on the same database (bench/app-server.ts, BENCH_APP_PORT, default 3225), or the one at
 *     BENCH_HTTP_URL; BENCH_HTTP=0 skips it.
 * Writes bench/results/filing-profile[-BENCH_LABEL].json and .md.
 */
import fs from "node:fs";
import { Agent } from "node:http";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { Client } from "pg";
import { openDatabase } from "../db/client";
import { queryOne } from "../db/query";
import { seedDemo } from "../db/seed/seed-demo";
import { submissionLimits } from "../lib/abuse/rate-limit";
import { fileReport } from "../lib/reports/file-report";
import { percentile } from "./measure";
import { postReport } from "./cluster-client";
import { startApp, type AppServer } from "./app-server";
import { createBenchDatabase } from "./bench-database";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const CUPRIJA: [number, number] = [21.369, 43.927];
const position = (i: number): [number, number] => [
  CUPRIJA[0] + (((i * 7919) % 1000) / 1000 - 0.5) * 0.016,
  CUPRIJA[1] + (((i * 104729) % 1000) / 1000 - 0.5) * 0.012,
];

/** A client address of its own for filing i (the per-address limit counts each apart). */
const clientAddress = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

type Timed = { text: string; values: unknown[]; ms: number };
let recording: Timed[] | null = null;
// Every statement through node-postgres, timed from send to answer (profiling runs one at a time).
const originalQuery = Client.prototype.query;
Client.prototype.query = function patched(this: Client, ...args: unknown[]) {
  const first = args[0] as string | { text?: string };
  const text = typeof first === "string" ? first : (first?.text ?? "");
  // A config object may carry its values, or they follow it (Pool.query passes them on that way).
  const values =
    (typeof first === "object" ? (first as { values?: unknown[] })?.values : undefined) ??
    (Array.isArray(args[1]) ? (args[1] as unknown[]) : []);
  const started = performance.now();
  const log = recording;
  const done = () => log?.push({ text, values, ms: performance.now() - started });
  // Pool.query calls with a callback; drizzle's transactions with a promise.
  const last = args.length - 1;
  if (log && typeof args[last] === "function") {
    const callback = args[last] as (...a: unknown[]) => unknown;
    args[last] = (...a: unknown[]) => {
      done();
      return callback(...a);
    };
  }
  const result = (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  if (log && result && typeof (result as Promise<unknown>).then === "function") {
    void (result as Promise<unknown>).then(done, done);
  }
  return result;
} as typeof Client.prototype.query;

/** A readable name for a statement: its verb and main table, or the function it calls. */
function step(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  const call = /select (\w+)\(/i.exec(t);
  if (/^(begin|commit|rollback)/i.test(t)) return t.split(" ")[0]!.toLowerCase();
  // A statement of data-modifying CTEs: the tables it writes, in order.
  const writes = [...t.matchAll(/\binsert into "?(\w+)"?/gi)].map((w) => w[1]!);
  if (/^with/i.test(t) && writes.length > 1)
    return `insert ${[...new Set(writes)].join(" + ")}${/pg_notify/i.test(t) ? " + notify" : ""}`;
  if (/pg_notify/i.test(t)) return "notify";
  const context = /\bm as \( ?select id, is_training from municipalities/i.test(t);
  if (context)
    return "select filing context (key, municipality, category, owners, district, calendar, permits, rate limits)";
  const m = /^(insert into|update|delete from) "?(\w+)"?/i.exec(t);
  if (m) return `${m[1]!.toLowerCase()} ${m[2]}`;
  const from = /from "?(\w+)"?/i.exec(t);
  if (/^with|^select/i.test(t))
    return `select ${call?.[1] && call[1] !== "id" ? `${call[1]}() ` : ""}${from?.[1] ?? ""}`.trim();
  return t.slice(0, 40);
}

type ExplainJson = {
  "Planning Time": number;
  "Execution Time": number;
  Triggers?: { "Trigger Name": string; Relation: string; Time: number; Calls: number }[];
};
type Explained = {
  step: string;
  planningMs: number;
  executionMs: number;
  triggers: { trigger: string; calls: number; ms: number }[];
};

async function main(): Promise<void> {
  const database = await createBenchDatabase({ prefix: "civic_filing" });
  try {
    await run(database.url);
  } finally {
    await database.drop();
  }
}

async function run(url: string): Promise<void> {
  const handle = await openDatabase({ databaseUrl: url, dataDir: "" });
  const db = handle.db;
  await seedDemo(db, { demoApiKey: false });
  // The filing the web form's POST makes (postReport below sends the same report), counted against
  // the same limit the route counts for it: the client's address, a different one per filing.
  const file = (i: number, submissionKey = randomUUID()) =>
    fileReport({
      db,
      report: {
        serviceCode: "pothole",
        position: position(i),
        description: "Profil prijave.",
        submissionKey,
      },
      rateLimits: [{ rule: submissionLimits.perIp, key: clientAddress(i) }],
    });
  for (let i = 0; i < 5; i++) await file(i); // warm: prepared plans, caches

  // 1. Profile.
  const runs = 40;
  const perStep = new Map<string, { n: number; ms: number }>();
  const totals: number[] = [];
  for (let i = 0; i < runs; i++) {
    recording = [];
    const started = performance.now();
    await file(1_000 + i);
    totals.push(performance.now() - started);
    await new Promise((r) => setImmediate(r));
    for (const s of recording) {
      const name = step(s.text);
      const entry = perStep.get(name) ?? { n: 0, ms: 0 };
      entry.n++;
      entry.ms += s.ms;
      perStep.set(name, entry);
    }
    recording = null;
  }
  const profile = [...perStep.entries()]
    .map(([name, e]) => ({
      step: name,
      perFiling: e.n / runs,
      msPerFiling: Number((e.ms / runs).toFixed(2)),
    }))
    .sort((a, b) => b.msPerFiling - a.msPerFiling);
  const statements = profile.reduce((s, p) => s + p.perFiling, 0);

  // Where each statement of one more filing spends its time, triggers included (EXPLAIN ANALYZE in
  // transactions that are rolled back; the deferred tile-version trigger runs at commit, not here).
  recording = [];
  const explainKey = randomUUID();
  const explainFiled = await file(2_000, explainKey);
  await new Promise((r) => setImmediate(r));
  // Again with a tracking code and key of its own, so the write writes (and its triggers fire).
  const fresh = new Map<unknown, unknown>([
    [explainFiled.trackingCode, "XPLN-XPLN"],
    [explainKey, randomUUID()],
  ]);
  const captured = recording
    .filter((s) => !/^(begin|commit|rollback)/i.test(s.text.trim()))
    .map((s) => ({ ...s, values: s.values.map((v) => (fresh.has(v) ? fresh.get(v) : v)) }));
  recording = null;
  const explained: Explained[] = [];
  const explainer = new Client({ connectionString: url });
  await explainer.connect();
  try {
    for (const s of captured) {
      // The third run of each: the first ones on a new connection also fill its caches.
      let plan: ExplainJson | undefined;
      for (let run = 0; run < 3; run++) {
        await explainer.query("begin");
        [plan] = (
          await explainer.query<{ "QUERY PLAN": ExplainJson[] }>(
            `explain (analyze, format json) ${s.text}`,
            s.values,
          )
        ).rows[0]!["QUERY PLAN"];
        await explainer.query("rollback");
      }
      explained.push({
        step: step(s.text),
        planningMs: Number(plan!["Planning Time"].toFixed(2)),
        executionMs: Number(plan!["Execution Time"].toFixed(2)),
        triggers: (plan!.Triggers ?? []).map((t) => ({
          trigger: `${t["Trigger Name"]} (${t.Relation})`,
          calls: t.Calls,
          ms: Number(t.Time.toFixed(3)),
        })),
      });
    }
  } finally {
    await explainer.end();
  }

  // 2. Rates in this process.
  const category = await queryOne<{ id: number; municipality_id: number }>(
    db,
    sql`select id, municipality_id from service_categories where service_code = 'pothole' limit 1`,
  );
  type Tally = { count: number; seconds: number; latencies: number[] };
  const tally = (): Tally => ({ count: 0, seconds: 0, latencies: [] });
  let k = 0; // one counter for every round: positions and client addresses never repeat
  const run = async (into: Tally, seconds: number, work: (i: number) => Promise<unknown>) => {
    const until = Date.now() + seconds * 1000;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (Date.now() < until) {
          const t0 = performance.now();
          await work(++k);
          into.latencies.push(performance.now() - t0);
          into.count++;
        }
      }),
    );
    into.seconds += (Date.now() - started) / 1000;
  };
  const summary = (t: Tally) => ({
    perSecond: Number((t.count / t.seconds).toFixed(1)),
    p95Ms: Number(percentile(t.latencies, 95).toFixed(1)),
  });
  const insertPlain = (i: number) =>
    db.execute(sql`insert into reports (tracking_code, municipality_id, category_id, location, description, status, channel)
      values (${`INS-${randomUUID()}`}, ${category!.municipality_id}, ${category!.id},
              ST_SetSRID(ST_MakePoint(${position(i)[0]}, ${position(i)[1]}), 4326), 'plain insert', 'received', 'phone')`);

  // 3. Through HTTP: the app on this database (or the one given).
  let app: AppServer | null = null;
  let post: ((i: number) => Promise<void>) | null = null;
  if (process.env.BENCH_HTTP !== "0") {
    const base =
      process.env.BENCH_HTTP_URL ??
      (app = await startApp({
        port: Number(process.env.BENCH_APP_PORT ?? 3225),
        databaseUrl: url,
        logFile: path.join(os.tmpdir(), `civic-filing-bench-${process.pid}.log`),
      })).url;
    // Kept-alive connections, as the nginx in front of the app keeps them (deploy/nginx).
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    post = (i: number) =>
      postReport({
        agent,
        base,
        description: "Profil prijave (HTTP).",
        submissionKey: randomUUID(),
        position: position(200_000 + i),
        // A citizen per filing: the per-address limit (10 in 10 minutes) counts each apart.
        forwardedFor: clientAddress(200_000 + i),
      }).then((answer) => {
        if (answer.status !== 201) throw new Error(`HTTP ${answer.status}: ${answer.body.slice(0, 200)}`);
      });
  }
  const plain = tally();
  const filed = tally();
  const viaHttp = tally();
  try {
    // Warm both paths under load (the JIT, the pools), unmeasured.
    await run(tally(), 2, (i) => file(100_000 + i));
    if (post) await run(tally(), 2, post);
    // Interleaved rounds, so a change in the machine's other load falls on every kind alike.
    for (let round = 0; round < ROUNDS; round++) {
      await run(plain, SECONDS / ROUNDS, insertPlain);
      await run(filed, SECONDS / ROUNDS, (i) => file(100_000 + i));
      if (post) await run(viaHttp, SECONDS / ROUNDS, post);
    }
  } finally {
    await app?.stop();
  }
  const plainInsert = summary(plain);
  const inProcess = summary(filed);
  const http = post ? summary(viaHttp) : null;
  await handle.close();

  const result = {
    at: new Date().toISOString(),
    label: process.env.BENCH_LABEL ?? "",
    filingMsMedian: Number(percentile(totals, 50).toFixed(2)),
    statementsPerFiling: Number(statements.toFixed(1)),
    profile,
    explained,
    plainInsert,
    inProcess,
    http,
    filingCostInPlainInserts: Number((plainInsert.perSecond / inProcess.perSecond).toFixed(1)),
    httpShareOfInProcess: http ? Number((http.perSecond / inProcess.perSecond).toFixed(2)) : null,
  };
  console.info(JSON.stringify(result, null, 2));
  const out = path.join(process.cwd(), "bench", "results");
  const name = `filing-profile${result.label ? `-${result.label}` : ""}`;
  fs.writeFileSync(path.join(out, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(
    path.join(out, `${name}.md`),
    [
      `# Filing profile${result.label ? ` (${result.label})` : ""} — ${result.at}`,
      "",
      `One filing (fileReport, server engine, one at a time): median ${result.filingMsMedian} ms, ${result.statementsPerFiling} statements.`,
      "",
      "| step | statements per filing | ms per filing |",
      "|---|---|---|",
      ...profile.map((p) => `| ${p.step} | ${p.perFiling} | ${p.msPerFiling} |`),
      "",
      "EXPLAIN ANALYZE of one filing's statements (rolled back; deferred triggers run at commit):",
      "",
      "| statement | planning ms | execution ms | triggers (calls, ms) |",
      "|---|---|---|---|",
      ...explained.map(
        (e) =>
          `| ${e.step} | ${e.planningMs} | ${e.executionMs} | ${e.triggers.map((t) => `${t.trigger} ×${t.calls} ${t.ms}`).join("; ") || "—"} |`,
      ),
      "",
      `8 in-process clients, ${SECONDS} s each in ${ROUNDS} interleaved rounds: plain single-row INSERT ${plainInsert.perSecond}/s (p95 ${plainInsert.p95Ms} ms); filing ${inProcess.perSecond}/s (p95 ${inProcess.p95Ms} ms) → **${result.filingCostInPlainInserts}×** a plain insert (target ≤ 8×).`,
      http
        ? `Through HTTP (8 clients): ${http.perSecond}/s (p95 ${http.p95Ms} ms) → **${Math.round(result.httpShareOfInProcess! * 100)} %** of in-process (target ≥ 80 %).`
        : "",
      "",
    ].join("\n"),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
