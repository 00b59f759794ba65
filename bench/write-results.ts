/**
 * bench/results/latest.json and latest.md: every figure next to its same-run baseline and its
 * target, MET or MISSED, and for a miss by how much and why (worked out from the figures).
 */
import fs from "node:fs";
import path from "node:path";
import type { FirstFeatures } from "./browser";
import type { LoadResult } from "./load";
import { MAX_CLUSTER_ZOOM } from "../lib/tiles/tile-grid";

type Latency = {
  block: string;
  endpointP50Ms: number;
  endpointP95Ms: number;
  rawP50Ms: number;
  rawP95Ms: number;
  ratioP50: number;
  non2xx: number;
};
type Size = { tile: string; reportsInTile: number; features: number; rawBytes: number; gzipBytes: number };

export type Check = {
  figure: string;
  value: string;
  baseline: string;
  target: string;
  met: boolean;
  /** For a miss: by how much, and why. */
  miss?: string;
};

type Input = {
  dir: string;
  environment: Record<string, unknown> & {
    cpus: number;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
    reports: number;
  };
  latency: Record<string, Latency>;
  throughput: Record<string, { uncached: LoadResult; cached: LoadResult; ratio: number }>;
  sizes: Record<string, Size>;
  duplicates: {
    lookups: number;
    meanCandidates: number;
    p50Ms: number;
    p95Ms: number;
    withoutIndexP50Ms: number;
    planUsesIndex: string;
  };
  intake: {
    seconds: number;
    reportsFiled: number;
    reportsPerSecond: number;
    p50Ms: number;
    p95Ms: number;
    non2xx: number;
    errors: number;
    plainInsertsPerSecond: number;
    plainInsertP95Ms: number;
    withoutHttpPerSecond: number;
    withoutHttpP95Ms: number;
  };
  embedded: {
    reports: number;
    tile: string;
    embeddedP50Ms: number;
    embeddedP95Ms: number;
    serverP50Ms: number;
    serverP95Ms: number;
    ratioP95: number;
  };
  browser: FirstFeatures | { error: string };
  small: number;
  large: number;
};

const n = (v: number) => v.toLocaleString("en");
const over = (value: number, limit: number) =>
  `by ${n(Number((value - limit).toFixed(2)))} (${(value / limit).toFixed(2)}× the limit)`;
const under = (value: number, floor: number) =>
  `by ${n(Number((floor - value).toFixed(1)))} (${((value / floor) * 100).toFixed(0)} % of the target)`;
const zoomOf = (key: string) => Number(key.slice(1));

export function buildChecks(input: Input): Check[] {
  const checks: Check[] = [];
  const load = input.environment.loadAverageAtStart[0]!;
  const shared = `the machine was shared (load average ${load.toFixed(2)} at the start on ${input.environment.cpus} cores)`;

  for (const [key, l] of Object.entries(input.latency)) {
    const z = zoomOf(key);
    const overhead = l.endpointP50Ms - l.rawP50Ms;
    const ratioMet = l.ratioP50 <= 1.3;
    checks.push({
      figure: `tile endpoint p50, ${key} (densest 4×4, concurrency 1, no cache)`,
      value: `${l.endpointP50Ms} ms`,
      baseline: `raw statement p50 ${l.rawP50Ms} ms (ratio ${l.ratioP50})`,
      target: "≤ 1.3 × raw",
      met: ratioMet,
      miss: ratioMet
        ? undefined
        : `${over(l.ratioP50, 1.3)}: HTTP, Next.js routing, the layer-version read and the response add ${overhead.toFixed(2)} ms per tile, a fixed cost that outweighs 30 % of a ${l.rawP50Ms} ms statement`,
    });
    const p95Met = l.endpointP95Ms <= 20;
    checks.push({
      figure: `tile endpoint p95, ${key}`,
      value: `${l.endpointP95Ms} ms`,
      baseline: `raw statement p95 ${l.rawP95Ms} ms`,
      target: "≤ 20 ms",
      met: p95Met,
      miss: p95Met
        ? undefined
        : `${over(l.endpointP95Ms, 20)}: ${l.rawP95Ms > 15 ? `the statement alone takes ${l.rawP95Ms} ms at p95 (${z > MAX_CLUSTER_ZOOM ? "single reports: every report in the tile is encoded" : "cluster counts"}); ` : ""}${shared}`,
    });
    const dbMet = l.rawP95Ms <= 10;
    const size = input.sizes[key];
    checks.push({
      figure: `DB time p95, ${key}`,
      value: `${l.rawP95Ms} ms`,
      baseline: `p50 ${l.rawP50Ms} ms`,
      target: "≤ 10 ms",
      met: dbMet,
      miss: dbMet
        ? undefined
        : `${over(l.rawP95Ms, 10)}: ${
            z > MAX_CLUSTER_ZOOM && size
              ? `z${z} draws single reports (clusters end at z${MAX_CLUSTER_ZOOM}) and the densest tile holds ${n(size.reportsInTile)} of them, each read from the heap (synthetic reports lie in random order, so nearly one page per report) and encoded by ST_AsMVT`
              : `the tile sums the stored counts of its cells`
          }${l.rawP95Ms > 2.5 * l.rawP50Ms ? `; p95 is ${(l.rawP95Ms / l.rawP50Ms).toFixed(1)}× p50, a spread that comes from waiting for the shared cores rather than from the statement's work — ${shared}` : ""}`,
    });
  }

  for (const [key, s] of Object.entries(input.sizes)) {
    const z = zoomOf(key);
    const why =
      z > MAX_CLUSTER_ZOOM
        ? `z${z} draws single reports (clusters end at z${MAX_CLUSTER_ZOOM}) and the densest z${z} tile holds ${n(s.reportsInTile)} public reports at ${n(input.environment.reports)} reports`
        : `z${z} draws clusters (at most 16×16 per tile)`;
    const featuresMet = s.features <= 4000;
    checks.push({
      figure: `densest tile features, ${key} (${s.tile})`,
      value: n(s.features),
      baseline: `${n(s.reportsInTile)} reports in the tile`,
      target: "≤ 4,000",
      met: featuresMet,
      miss: featuresMet ? undefined : `${over(s.features, 4000)}: ${why}`,
    });
    const gzipMet = s.gzipBytes <= 50 * 1024;
    checks.push({
      figure: `densest tile gzip size, ${key}`,
      value: `${n(Math.round(s.gzipBytes / 102.4) / 10)} KB`,
      baseline: `${n(Math.round(s.rawBytes / 102.4) / 10)} KB raw`,
      target: "≤ 50 KB",
      met: gzipMet,
      miss: gzipMet ? undefined : `${over(s.gzipBytes / 1024, 50)}: ${why}`,
    });
  }

  for (const [key, t] of Object.entries(input.throughput)) {
    const z = zoomOf(key);
    const targeted = z <= MAX_CLUSTER_ZOOM || z >= 14;
    const raw = input.latency[key]?.rawP50Ms;
    const uncachedMet = !targeted || t.uncached.perSecond >= 180;
    checks.push({
      figure: `uncached tiles/s, ${key} (concurrency 8)`,
      value: `${t.uncached.perSecond}/s (p95 ${t.uncached.p95Ms} ms)`,
      baseline:
        raw !== undefined
          ? `1 client: raw p50 ${raw} ms`
          : `${t.uncached.requests} requests, ${t.uncached.non2xx} not 2xx`,
      target: targeted ? "≥ 180/s" : "no target (single reports below z14)",
      met: uncachedMet,
      miss: uncachedMet
        ? undefined
        : `${under(t.uncached.perSecond, 180)}: two shared cores serve the load generator, Next.js and PostgreSQL at once${raw !== undefined ? `; at ${raw} ms of statement time per tile the database alone allows about ${Math.round((2 * 1000) / raw)}/s` : ""}`,
    });
    const cacheMet = t.ratio >= 10;
    checks.push({
      figure: `cached tiles/s, ${key} (concurrency 8, hot tiles)`,
      value: `${t.cached.perSecond}/s (p95 ${t.cached.p95Ms} ms)`,
      baseline: `uncached ${t.uncached.perSecond}/s (ratio ${t.ratio})`,
      target: "≥ 10 × uncached",
      met: cacheMet,
      miss: cacheMet
        ? undefined
        : `${under(t.ratio, 10)}: a cache hit still goes through Next.js routing and the layer-version read (one indexed row), and autocannon runs on the same two cores; those, not the cache, set the ceiling of about ${Math.round(t.cached.perSecond)}/s`,
    });
  }

  const d = input.duplicates;
  const dupMet = d.p95Ms <= 10;
  checks.push({
    figure: `duplicate lookup p95 (50 m, open reports, ${d.lookups} lookups; plan uses ${d.planUsesIndex})`,
    value: `${d.p95Ms} ms (p50 ${d.p50Ms} ms, ${d.meanCandidates} candidates on average)`,
    baseline: `without the index: p50 ${d.withoutIndexP50Ms} ms`,
    target: "≤ 10 ms",
    met: dupMet,
    miss: dupMet ? undefined : `${over(d.p95Ms, 10)}: ${shared}`,
  });

  const i = input.intake;
  const rateMet = i.reportsPerSecond >= 300;
  checks.push({
    figure: "report intake (duplicate check + POST /api/reports with routing), 8 clients",
    value: `${i.reportsPerSecond} reports/s (${n(i.reportsFiled)} in ${i.seconds} s; ${i.non2xx} not 2xx)`,
    baseline: `plain single-row INSERT into reports: ${i.plainInsertsPerSecond}/s (p95 ${i.plainInsertP95Ms} ms); the same filing without HTTP (8 in-process clients): ${i.withoutHttpPerSecond}/s`,
    target: "≥ 300 reports/s",
    met: rateMet,
    miss: rateMet
      ? undefined
      : `${under(i.reportsPerSecond, 300)}: each report is two HTTP requests and about twenty statements (municipality lookup, category, routing over service areas, calendar, report, contact, event, outbox messages, permit check, rate-limit counters, NOTIFY); without HTTP the same filing runs at ${i.withoutHttpPerSecond}/s, so ${i.withoutHttpPerSecond < 300 ? `the filing's own statements already stop it at ${i.withoutHttpPerSecond}/s (${(i.plainInsertsPerSecond / i.withoutHttpPerSecond).toFixed(0)}× the work of a plain insert), and HTTP through Next.js takes it the rest of the way down` : "HTTP through Next.js is what holds it back"}; two shared cores carry Next.js, PostgreSQL and the load generator at once`,
  });
  const intakeP95Met = i.p95Ms <= 50;
  checks.push({
    figure: "report intake p95 (duplicate check + POST together)",
    value: `${i.p95Ms} ms (p50 ${i.p50Ms} ms)`,
    baseline: `plain insert p95 ${i.plainInsertP95Ms} ms; without HTTP p95 ${i.withoutHttpP95Ms} ms`,
    target: "≤ 50 ms",
    met: intakeP95Met,
    miss: intakeP95Met
      ? undefined
      : `${over(i.p95Ms, 50)}: 8 clients queue on two shared cores; the transaction's statements run one after another`,
  });

  const e = input.embedded;
  const embeddedMet = e.embeddedP95Ms <= 10;
  checks.push({
    figure: `embedded engine (PGlite) z15 tile p95 at ${n(e.reports)} reports`,
    value: `${e.embeddedP95Ms} ms (p50 ${e.embeddedP50Ms} ms)`,
    baseline: `server p95 ${e.serverP95Ms} ms`,
    target: "≤ 10 ms",
    met: embeddedMet,
    miss: embeddedMet
      ? undefined
      : `${over(e.embeddedP95Ms, 10)}: PGlite is single-threaded WebAssembly PostgreSQL and its PostGIS has no ST_AsMVT, so the rows come back to JS and are encoded there (vt-pbf); p50 is ${e.embeddedP50Ms} ms, and the server's own p95 in the same run (${e.serverP95Ms} ms) shows how much of the tail the shared cores add`,
  });
  const ratioMet = e.ratioP95 <= 5;
  checks.push({
    figure: "embedded / server z15 p95",
    value: `${e.ratioP95}×`,
    baseline: `server p95 ${e.serverP95Ms} ms`,
    target: "≤ 5×",
    met: ratioMet,
    miss: ratioMet
      ? undefined
      : `${over(e.ratioP95, 5)}: WebAssembly PostgreSQL plus encoding in JS against native PostGIS encoding`,
  });

  const b = input.browser;
  if ("error" in b) {
    checks.push({
      figure: "browser: navigation to first rendered reports",
      value: "failed",
      baseline: "—",
      target: "≤ 2 s",
      met: false,
      miss: b.error,
    });
  } else {
    const met = b.medianMs <= 2000;
    checks.push({
      figure: `browser: navigation to first rendered reports (z15 at ${b.view}, median of ${b.runsMs.length})`,
      value: `${n(b.medianMs)} ms (${b.features} features drawn; runs ${b.runsMs.join(", ")} ms)`,
      baseline: `DB p95 of a z15 tile ${input.latency.z15?.rawP95Ms ?? "—"} ms`,
      target: "≤ 2,000 ms",
      met,
      miss: met
        ? undefined
        : `${over(b.medianMs, 2000)}: before the first tile is asked for, the page, MapLibre's bundle, its worker and the style load and the map initialises; then ${b.features} features are drawn by WebGL through SwiftShader (software rendering on the CPU) — all on the shared cores, beside the two app instances; ${shared}`,
    });
  }
  return checks;
}

function table(rows: string[][]): string {
  const [head, ...body] = rows;
  return [
    `| ${head!.join(" | ")} |`,
    `|${head!.map(() => "---").join("|")}|`,
    ...body.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

export function writeResults(input: Input): void {
  const checks = buildChecks(input);
  const { dir, ...data } = input;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "latest.json"), `${JSON.stringify({ ...data, checks }, null, 2)}\n`);
  const env = input.environment;
  const met = checks.filter((c) => c.met).length;
  const md = `# Benchmark results — the map at scale

\`npm run bench\` (bench/suite.ts), ${env.mode} run, ${String(env.date).slice(0, 16).replace("T", " ")} UTC.

| environment | |
|---|---|
| cores | ${env.cpus} × ${env.cpuModel}, ${env.memoryGb} GB |
| machine | **shared** with other users: load average ${env.loadAverageAtStart.join(" / ")} at the start, ${env.loadAverageAtEnd.join(" / ")} at the end (1/5/15 min) |
| PostgreSQL / PostGIS | ${env.postgres} / ${env.postgis} (throwaway database; ${env.databaseSettings}) |
| Node.js | ${env.node} |
| reports | ${n(env.reports)} on the server (${n(input.small)} for the embedded comparison); ${n(Number(env.clusterRows))} cluster rows |
| seeding | ${n(Number((env.fillRowsPerSecond as { server: number }).server))} rows/s on the server, ${n(Number((env.fillRowsPerSecond as { embedded: number }).embedded))} rows/s embedded (set-based INSERT … SELECT, triggers on) |

**${met} of ${checks.length} targets met.** Absolute times are noisy on a shared machine; the ratios compare
figures measured in the same run, on the same data.

${table([["figure", "value", "same-run baseline", "target", "verdict"], ...checks.map((c) => [c.figure, c.value, c.baseline, c.target, c.met ? "MET" : `**MISSED** ${c.miss ?? ""}`])])}

## How it is measured

- **Data**: synthetic reports around 28 real Serbian towns (Gaussian clusters, wider for larger towns,
  weighted by population; Belgrade the densest) plus 15 % spread over the country; the demo's category
  weights, a settled-heavy status mix and ages up to three years. The densest tile at each zoom is found
  by counting the reports per tile; its 4×4 block (one tile west and north, two east and south) is loaded.
- **Raw statement time**: \`queryTile\` (lib/tiles/get-tile.ts) — the very prepared ST_AsMVT statement the
  endpoint runs on a cache miss — through a pg pool like the app's, outside HTTP, one at a time.
- **Endpoint without cache**: a second app instance started with \`TILE_CACHE_MB=0\`, so every request reads
  the layer version, runs the statement and answers; the same 16 tiles are requested in turn. **Cached**:
  the normal instance (64 MB LRU), the same tiles after one warm-up pass. Both with autocannon over
  loopback; latencies of every response.
- **Duplicate lookup**: \`findDuplicateCandidates\` (lib/reports) for the 50 m water-leak category at
  positions next to existing reports in Ćuprija; its statement is run under \`EXPLAIN (FORMAT JSON)\` first
  and the bench stops if the plan does not use \`reports_location_geog_gix\`. The function offers open
  reports of any age (the open statuses bound it, not a 30-day window). Baseline: the same lookups with
  index and bitmap scans disabled.
- **Intake**: 8 autocannon clients, each filing by the citizen's path — \`GET /api/reports/nearby\` (the
  duplicate check) then \`POST /api/reports\` (multipart, submission key, contact email, category answers;
  routing, due date, audit event, outbox, permit check, rate-limit counters) — with a distinct
  \`X-Forwarded-For\` per submission, as many citizens would come; latency is the pair. Baseline:
  single-row INSERTs into \`reports\` by 8 concurrent clients through one pool.
- **Embedded**: PGlite in a throwaway directory with the same seeded ${n(input.small)} reports, the same
  z15 block through the same \`queryTile\` (rows encoded in JS there), against the server at ${n(input.small)}.
- **Browser**: Debian's Chromium with the e2e flags, a fresh context per run, \`/?at=lng,lat,15\` at the
  densest z15 tile on the instance without the tile cache; the time is \`performance.now()\` when
  \`queryRenderedFeatures\` first returns report features.
`;
  fs.writeFileSync(path.join(dir, "latest.md"), md);
  console.info(md);
}
