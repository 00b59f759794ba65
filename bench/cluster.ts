/**
 * npm run test:cluster (through scripts/cluster/test.sh, which brings the local cluster up and down):
 * the failover runs, an app instance killed under load, standby reads, and the cluster bench.
 * Writes bench/results/cluster.json and cluster.md; exits 1 when a target is missed.
 * `CLUSTER_ONLY=failover,app,standby,bench` picks parts; `FAILOVER_RUNS` sets the number of runs.
 */
import fs from "node:fs";
import path from "node:path";
import { clusterFromEnv } from "./cluster-client";
import { runFailover, type FailoverRun } from "./cluster-failover";

async function main(): Promise<void> {
  const cluster = clusterFromEnv();
  const only = new Set((process.env.CLUSTER_ONLY ?? "failover,app,standby,bench").split(","));
  const problems: string[] = [];
  const results: { failover?: FailoverRun[]; [part: string]: unknown } = {
    at: new Date().toISOString(),
  };

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

  const out = path.join(process.cwd(), "bench", "results");
  fs.writeFileSync(path.join(out, "cluster.json"), `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(path.join(out, "cluster.md"), renderMarkdown(results));
  if (problems.length) {
    console.error(`[cluster] targets missed:\n  ${problems.join("\n  ")}`);
    process.exit(1);
  }
  console.info("[cluster] all targets met");
}

function renderMarkdown(results: { failover?: FailoverRun[]; at?: unknown }): string {
  const lines = [`# Cluster tests and bench (${String(results.at)})`, ""];
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
  return `${lines.join("\n")}\n`;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
