/**
 * The cluster bench (same run as the failover tests): tiles through nginx's micro-cache against
 * tiles the app must make (distinct, never-requested tiles: a database query and an encoding
 * each), and filings through nginx with two app instances against one.
 */
import http from "node:http";
import path from "node:path";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { percentile } from "./measure";
import { request, sleep, startFilingLoad, type Cluster } from "./cluster-client";

export type Rate = { requests: number; perSecond: number; p50Ms: number; p95Ms: number; errors: number };

/** `connections` keep-alive clients asking for `urls` in turn (shared cursor) for `seconds`. */
export async function hammer(input: {
  urls: string[];
  connections: number;
  seconds: number;
  once?: boolean;
}): Promise<Rate> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: input.connections });
  const latencies: number[] = [];
  let errors = 0;
  let cursor = 0;
  const until = Date.now() + input.seconds * 1000;
  const started = Date.now();
  const get = (url: string) =>
    new Promise<number>((resolve) => {
      const t0 = process.hrtime.bigint();
      const req = http.get(url, { agent, headers: { "accept-encoding": "gzip" } }, (res) => {
        res.resume();
        res.on("end", () =>
          resolve(res.statusCode === 200 ? Number(process.hrtime.bigint() - t0) / 1e6 : -1),
        );
      });
      req.on("error", () => resolve(-1));
    });
  await Promise.all(
    Array.from({ length: input.connections }, async () => {
      while (Date.now() < until) {
        if (input.once && cursor >= input.urls.length) return;
        const url = input.urls[cursor++ % input.urls.length]!;
        const ms = await get(url);
        if (ms < 0) errors++;
        else latencies.push(ms);
      }
    }),
  );
  agent.destroy();
  const seconds = (Date.now() - started) / 1000;
  return {
    requests: latencies.length,
    perSecond: Math.round(latencies.length / seconds),
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    errors,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Tiles of the demo town at zoom 14–17: `count` distinct addresses. */
function townTiles(count: number, offset = 0): string[] {
  const out: string[] = [];
  const lng = 21.37;
  const lat = 43.93;
  for (let z = 14; z <= 17 && out.length < count + offset; z++) {
    const n = 2 ** z;
    const cx = Math.floor(((lng + 180) / 360) * n);
    const rad = (lat * Math.PI) / 180;
    const cy = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
    const r = z - 12;
    for (let dx = -r * 4; dx <= r * 4; dx++)
      for (let dy = -r * 4; dy <= r * 4; dy++) out.push(`/api/tiles/reports/${z}/${cx + dx}/${cy + dy}.mvt`);
  }
  return out.slice(offset, offset + count);
}

export type ClusterBench = {
  tilesCachedNginx: Rate;
  tilesUncachedApp: Rate;
  cachedOverUncached: number;
  filingTwoInstances: Rate;
  filingOneInstance: Rate;
};

export async function runClusterBench(cluster: Cluster, root: string): Promise<ClusterBench> {
  // 200 hot tiles, asked once through nginx to fill its cache, then for 8 s by 16 clients.
  const hot = townTiles(200).map((p) => `${cluster.nginx}${p}`);
  await hammer({ urls: hot, connections: 4, seconds: 30, once: true });
  const tilesCachedNginx = await hammer({ urls: hot, connections: 16, seconds: 8 });
  // Distinct tiles the app has never made, straight to one instance: every one a query.
  const cold = townTiles(3_000, 200).map((p, i) => `${cluster.apps[i % 2]}${p}?category=pothole`);
  const tilesUncachedApp = await hammer({ urls: cold, connections: 8, seconds: 8, once: true });
  console.info(
    `[bench] tiles: nginx cached ${tilesCachedNginx.perSecond}/s, app uncached ${tilesUncachedApp.perSecond}/s`,
  );

  const filing = async (tag: string): Promise<Rate> => {
    const load = startFilingLoad({ base: cluster.nginx, clients: 8, tag });
    const from = Date.now() + 2_000; // warm-up
    await sleep(12_000);
    const until = Date.now();
    await load.stop();
    const window = load.acked.filter((f) => f.ackedAt >= from && f.ackedAt <= until);
    const latencies = window.map((f) => f.latencyMs);
    return {
      requests: window.length,
      perSecond: round(window.length / ((until - from) / 1000)),
      p50Ms: round(percentile(latencies, 50)),
      p95Ms: round(percentile(latencies, 95)),
      errors: load.failures.length,
    };
  };
  const filingTwoInstances = await filing(`bench-two-${Date.now()}`);
  // One instance: the second is stopped, nginx sends everything to the first.
  const second = cluster.apps[1]!;
  const port = new URL(second).port;
  const pidFile = path.join(process.env.CLUSTER_DIR ?? "/tmp/civic-cluster", "pids", `app-${port}.pid`);
  process.kill(-Number(fs.readFileSync(pidFile, "utf8")), "SIGTERM");
  await sleep(2_000);
  const filingOneInstance = await filing(`bench-one-${Date.now()}`);
  execFileSync("bash", [path.join(root, "scripts/cluster/start-app.sh"), port], { stdio: "inherit" });
  for (let i = 0; i < 120; i++) {
    if ((await request({ url: `${second}/api/health`, timeoutMs: 2_000 }).catch(() => null))?.status === 200)
      break;
    await sleep(1_000);
  }
  console.info(
    `[bench] filing: two instances ${filingTwoInstances.perSecond}/s, one ${filingOneInstance.perSecond}/s`,
  );
  return {
    tilesCachedNginx,
    tilesUncachedApp,
    cachedOverUncached: round(tilesCachedNginx.perSecond / Math.max(1, tilesUncachedApp.perSecond)),
    filingTwoInstances,
    filingOneInstance,
  };
}
