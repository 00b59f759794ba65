/**
 * Kill one app instance under load: nginx routes the filings to the other one, and a staff screen
 * whose live stream (server-sent events) ran on the killed instance reconnects through nginx with
 * Last-Event-ID and receives every change it missed. The instance is started again afterwards.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { auditFilings, request, sleep, startFilingLoad, type Cluster } from "./cluster-client";

export type AppKillResult = {
  acknowledged: number;
  lost: number;
  duplicates: number;
  failedAttempts: number;
  /** Reports filed while the stream was down that the reconnected stream delivered / should have. */
  missedEventsDelivered: number;
  missedEventsExpected: number;
};

/** Signs in with the demo credentials (next-auth): returns the Cookie header for later requests. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await request({ url: `${base}/api/auth/csrf` });
  const jar = cookies(csrf.headers["set-cookie"]);
  const token = (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken;
  const answer = await request({
    url: `${base}/api/auth/callback/credentials`,
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ csrfToken: token, email, password, json: "true" }).toString(),
  });
  const session = cookies(answer.headers["set-cookie"]);
  if (!session.includes("session-token")) throw new Error(`sign-in failed: HTTP ${answer.status}`);
  return `${jar}; ${session}`;
}

function cookies(setCookie: string[] | undefined): string {
  return (setCookie ?? []).map((c) => c.split(";")[0]).join("; ");
}

type SseEvent = { id?: string; event?: string; data: string };

/** A server-sent events client: collects events until closed; `ended` settles when the stream ends. */
export function openEventStream(input: { url: string; cookie: string; lastEventId?: string }) {
  const events: SseEvent[] = [];
  let req: http.ClientRequest;
  const ended = new Promise<void>((resolve) => {
    req = http.get(
      input.url,
      {
        headers: {
          cookie: input.cookie,
          accept: "text/event-stream",
          ...(input.lastEventId ? { "last-event-id": input.lastEventId } : {}),
        },
        agent: false,
      },
      (res) => {
        let buffer = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          buffer += chunk;
          let cut: number;
          while ((cut = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const event: SseEvent = { data: "" };
            for (const line of block.split("\n")) {
              if (line.startsWith("id: ")) event.id = line.slice(4);
              else if (line.startsWith("event: ")) event.event = line.slice(7);
              else if (line.startsWith("data: ")) event.data += line.slice(6);
            }
            if (event.event) events.push(event);
          }
        });
        res.on("end", resolve);
        res.on("error", () => resolve());
      },
    );
    req.on("error", () => resolve());
  });
  return { events, ended, close: () => req.destroy() };
}

export async function runAppKill(cluster: Cluster, root: string): Promise<AppKillResult> {
  const [victim, survivor] = cluster.apps as [string, string];
  const cookie = await signIn(survivor, "agent@cuprija.example", "demo-agent");
  const tag = `appkill-${Date.now()}`;
  // The staff screen's stream runs on the instance about to die.
  const first = openEventStream({ url: `${victim}/api/staff/events`, cookie });
  await sleep(1_000);
  const load = startFilingLoad({ base: cluster.nginx, clients: 8, tag });
  await sleep(3_000);
  const lastSeen = first.events.filter((e) => e.event === "report").at(-1);
  if (!lastSeen?.id) throw new Error("the stream on the first instance delivered no event");
  const port = new URL(victim).port;
  const pidFile = path.join(process.env.CLUSTER_DIR ?? "/tmp/civic-cluster", "pids", `app-${port}.pid`);
  const pid = Number(fs.readFileSync(pidFile, "utf8"));
  process.kill(-pid, "SIGKILL");
  const killedAt = Date.now();
  console.info(`[app kill] kill -9 of the instance on :${port} (group ${pid})`);
  await first.ended;
  // Filings continue on the survivor; the browser reconnects after its retry interval (3 s).
  await sleep(3_000);
  const lastId = first.events.filter((e) => e.event === "report").at(-1)!.id!;
  const second = openEventStream({ url: `${cluster.nginx}/api/staff/events`, cookie, lastEventId: lastId });
  await sleep(4_000);
  await load.stop();
  await sleep(1_500);
  second.close();
  const audit = await auditFilings({ databaseUrl: cluster.databaseUrl, tag, acked: load.acked });
  // Every report acknowledged after the last event the first stream delivered must reach the second.
  const seenFirst = new Set(first.events.map((e) => (JSON.parse(e.data) as { code: string }).code));
  const seenSecond = new Set(second.events.map((e) => (JSON.parse(e.data) as { code: string }).code));
  const expected = load.acked.filter((f) => !seenFirst.has(f.code));
  const delivered = expected.filter((f) => seenSecond.has(f.code)).length;
  console.info(
    `[app kill] ${load.acked.length} filings acknowledged, ${load.failures.length} failed attempts since ${((Date.now() - killedAt) / 1000).toFixed(0)} s; stream caught up ${delivered}/${expected.length}`,
  );
  // Bring the instance back for what follows.
  execFileSync("bash", [path.join(root, "scripts/cluster/start-app.sh"), port], { stdio: "inherit" });
  for (let i = 0; i < 120; i++) {
    const health = await request({ url: `${victim}/api/health`, timeoutMs: 2_000 }).catch(() => null);
    if (health?.status === 200) break;
    await sleep(1_000);
  }
  return {
    acknowledged: audit.acknowledged,
    lost: audit.lost,
    duplicates: audit.duplicates,
    failedAttempts: load.failures.length,
    missedEventsDelivered: delivered,
    missedEventsExpected: expected.length,
  };
}
