/**
 * Kill the primary: while 8 clients file reports through nginx, `kill -9` the postmaster of the
 * Patroni leader. Patroni promotes the synchronous standby, HAProxy follows, the app retries the
 * filings that were cut. Counts acknowledged reports missing afterwards, duplicates, and the
 * seconds during which filings failed; waits for the old primary to rejoin as the synchronous
 * standby so the next run starts from the same shape.
 */
import fs from "node:fs";
import {
  auditFilings,
  patroniCluster,
  request,
  sleep,
  startFilingLoad,
  type Cluster,
} from "./cluster-client";

export type FailoverRun = {
  run: number;
  killed: string;
  promoted: string;
  acknowledged: number;
  lost: number;
  duplicates: number;
  /** From the first failed attempt to the last one (0 when none failed: the app's retries hid it). */
  secondsFailing: number;
  /** The longest a single acknowledged filing took, retries included. */
  longestFilingSeconds: number;
  /** From the kill to the new leader answering /primary. */
  secondsToNewLeader: number;
  failedAttempts: number;
};

export async function leader(cluster: Cluster): Promise<Cluster["patroni"][number] | undefined> {
  for (const node of cluster.patroni) {
    const answer = await request({ url: `${node.rest}/primary`, timeoutMs: 2_000 }).catch(() => null);
    if (answer?.status === 200) return node;
  }
  return undefined;
}

/** Waits until there is a leader and a streaming synchronous standby. */
export async function waitHealthy(cluster: Cluster, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const state = await patroniCluster(cluster.patroni[0]!.rest).catch(() => null);
    const members = state?.members ?? [];
    const hasLeader = members.some((m) => m.role === "leader" && m.state === "running");
    const hasSync = members.some(
      (m) => m.role === "sync_standby" && (m.state === "streaming" || m.state === "running"),
    );
    if (hasLeader && hasSync) return;
    await sleep(500);
  }
  throw new Error("the cluster did not get back a leader and a synchronous standby in time");
}

export async function runFailover(cluster: Cluster, run: number): Promise<FailoverRun> {
  await waitHealthy(cluster);
  const old = await leader(cluster);
  if (!old) throw new Error("no leader before the kill");
  const tag = `failover-${Date.now()}-run${run}`;
  const load = startFilingLoad({ base: cluster.nginx, clients: 8, tag });
  await sleep(5_000);
  const pid = Number(fs.readFileSync(`${old.dataDir}/postmaster.pid`, "utf8").split("\n")[0]);
  const killedAt = Date.now();
  process.kill(pid, "SIGKILL");
  console.info(`[failover ${run}] kill -9 ${old.name}'s postmaster (pid ${pid})`);
  let promoted: Cluster["patroni"][number] | undefined;
  while (!promoted || promoted.name === old.name) {
    if (Date.now() - killedAt > 90_000) throw new Error("no new leader within 90 s");
    await sleep(250);
    promoted = await leader(cluster);
  }
  const secondsToNewLeader = (Date.now() - killedAt) / 1000;
  console.info(`[failover ${run}] ${promoted.name} leads after ${secondsToNewLeader.toFixed(1)} s`);
  // Load keeps running until filings have succeeded for a while on the new primary.
  const ackedBefore = load.acked.length;
  while (load.acked.length < ackedBefore + 40 && Date.now() - killedAt < 90_000) await sleep(250);
  await sleep(3_000);
  await load.stop();
  const audit = await auditFilings({ databaseUrl: cluster.databaseUrl, tag, acked: load.acked });
  const failing = load.failures.map((f) => f.at);
  const result: FailoverRun = {
    run,
    killed: old.name,
    promoted: promoted.name,
    acknowledged: audit.acknowledged,
    lost: audit.lost,
    duplicates: audit.duplicates,
    secondsFailing: failing.length ? (Math.max(...failing) - Math.min(...failing)) / 1000 : 0,
    longestFilingSeconds: Math.max(0, ...load.acked.map((f) => f.latencyMs)) / 1000,
    secondsToNewLeader,
    failedAttempts: load.failures.length,
  };
  if (load.failures.length) {
    const reasons = new Map<string, number>();
    for (const f of load.failures)
      reasons.set(f.reason.slice(0, 60), (reasons.get(f.reason.slice(0, 60)) ?? 0) + 1);
    console.info(`[failover ${run}] failed attempts:`, Object.fromEntries(reasons));
  }
  console.info(`[failover ${run}]`, JSON.stringify(result));
  return result;
}
