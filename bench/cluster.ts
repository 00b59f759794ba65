/**
 * npm run test:cluster (through scripts/cluster/test.sh, which brings the local cluster up and down):
 * the failover runs, an app instance killed under load, standby reads, and the cluster bench.
 * Writes bench/results/cluster.json and cluster.md; exits 1 when a target is missed.
 * `CLUSTER_ONLY=failover,app,standby,bench` picks parts; `FAILOVER_RUNS` sets the number of runs.
 */
import fs from "node:fs";
import path from "node:path";
import { clusterFromEnv } from "./cluster-client";
import { runAppKill, type AppKillResult } from "./cluster-app-kill";
import { runClusterBench, type ClusterBench } from "./cluster-bench";
import { runFailover, waitHealthy, type FailoverRun } from "./cluster-failover";
import { runStandbyReads, type StandbyResult } from "./cluster-standby";

type Results = {
  at: string;
  failover?: FailoverRun[];
  appKill?: AppKillResult;
  standby?: StandbyResult;
  bench?: ClusterBench;
  seconds?: number;
};

async function main(): Promise<void> {
  const cluster = clusterFromEnv();
  const only = new Set((process.env.CLUSTER_ONLY ?? "failover,app,standby,bench").split(","));
  const problems: string[] = [];
  const results: Results = { at: new Date().toISOString() };
  const started = Date.now();
  const root = process.cwd();

  if (only.has("failover")) {
    const runs: FailoverRun[] = [];
    for (let run = 1; run <= Number(process.env.FAILOVER_RUNS ?? 3); run++) {
      runs.push(await runFailover(cluster, run));
    }
    results.failover = runs;
    for (const r of runs) {
      if (r.lost > 0) problems.push(`run ${r.run}: ${r.lost} acknowledged filings lost`);
      if (r.duplicates > 0) problems.push(`run ${r.run}: ${r.duplicates} duplicates`);
      if (r.secondsFailing > 30) problems.push(`run ${r.run}: filings failed for ${r.secondsFailing} s`);
    }
  }

  if (only.has("app")) {
    await waitHealthy(cluster);
    const r = await runAppKill(cluster, root);
    results.appKill = r;
    if (r.lost > 0 || r.duplicates > 0) problems.push(`app kill: ${r.lost} lost, ${r.duplicates} duplicates`);
    if (r.missedEventsDelivered < r.missedEventsExpected)
      problems.push(
        `app kill: the reconnected stream got ${r.missedEventsDelivered} of ${r.missedEventsExpected} missed events`,
      );
  }

  if (only.has("standby")) {
    await waitHealthy(cluster);
    const r = await runStandbyReads(cluster, Number(process.env.READ_MAX_LAG_SECONDS ?? 5));
    results.standby = r;
    if (!r.tileMatchesPrimary)
      problems.push("standby: the tile read from the standby differs from the primary's");
    if (!r.ownReportVisibleAtOnce) problems.push("standby: the citizen did not see their own report at once");
  }

  if (only.has("bench")) {
    await waitHealthy(cluster);
    results.bench = await runClusterBench(cluster, root);
  }

  results.seconds = Math.round((Date.now() - started) / 1000);
  const out = path.join(process.cwd(), "bench", "results");
  fs.writeFileSync(path.join(out, "cluster.json"), `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(path.join(out, "cluster.md"), renderMarkdown(results));
  if (problems.length) {
    console.error(`[cluster] targets missed:\n  ${problems.join("\n  ")}`);
    process.exit(1);
  }
  console.info("[cluster] all targets met");
}

function renderMarkdown(results: Results): string {
  const lines = [
    `# Cluster tests and bench (${results.at}, ${results.seconds} s)`,
    "",
    "Local cluster from `npm run cluster:up`: Patroni (Raft) with a primary and a synchronous standby",
    "(PostgreSQL 15 + PostGIS), HAProxy, two app instances (production build), the outbox worker and",
    "nginx, all on one 2-core machine. Produced by `npm run test:cluster`.",
    "",
  ];
  if (results.failover) {
    lines.push(
      "## Kill -9 of the primary's postmaster, 8 clients filing through nginx",
      "",
      "| run | killed → promoted | acknowledged | lost | duplicates | seconds failing | longest filing (s) | new leader after (s) | failed attempts |",
      "|---|---|---|---|---|---|---|---|---|",
      ...results.failover.map(
        (r) =>
          `| ${r.run} | ${r.killed} → ${r.promoted} | ${r.acknowledged} | ${r.lost} | ${r.duplicates} | ${r.secondsFailing.toFixed(1)} | ${r.longestFilingSeconds.toFixed(1)} | ${r.secondsToNewLeader.toFixed(1)} | ${r.failedAttempts} |`,
      ),
      "",
    );
  }
  if (results.appKill) {
    const r = results.appKill;
    lines.push(
      "## Kill -9 of one app instance under the same load",
      "",
      `Acknowledged ${r.acknowledged}, lost ${r.lost}, duplicates ${r.duplicates}, failed attempts ${r.failedAttempts} (each retried with its key).`,
      `A live stream of the killed instance reconnected through nginx with Last-Event-ID and received ${r.missedEventsDelivered} of the ${r.missedEventsExpected} changes it had missed.`,
      "",
    );
  }
  if (results.standby) {
    const r = results.standby;
    lines.push(
      "## Standby reads",
      "",
      `Tile from the standby equals the primary's after the lag bound: ${r.tileMatchesPrimary ? "yes" : "NO"}; app connections on the standby: ${r.appConnectionsOnStandby}.`,
      `The citizen who filed saw the report on the map ${r.ownReportVisibleAtOnce ? "at once" : "NOT at once"} (${r.ownReportMsAfterAck} ms after the acknowledgement).`,
      "",
    );
  }
  if (results.bench) {
    const b = results.bench;
    const row = (
      name: string,
      r: { perSecond: number; p50Ms: number; p95Ms: number; requests: number; errors: number },
    ) => `| ${name} | ${r.perSecond} | ${r.p50Ms} | ${r.p95Ms} | ${r.requests} | ${r.errors} |`;
    lines.push(
      "## Bench",
      "",
      "| measure | per second | p50 ms | p95 ms | requests | errors |",
      "|---|---|---|---|---|---|",
      row("tiles, cached by nginx (200 hot tiles, 16 clients)", b.tilesCachedNginx),
      row("tiles, uncached by the app (distinct tiles, 8 clients)", b.tilesUncachedApp),
      row("filing through nginx, two app instances (8 clients)", b.filingTwoInstances),
      row("filing through nginx, one app instance (8 clients)", b.filingOneInstance),
      "",
      `Cached through nginx over uncached through the app: **${b.cachedOverUncached}×** (target ≥ 20×).`,
      "",
    );
  }
  return `${lines.join("\n")}\n`;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
