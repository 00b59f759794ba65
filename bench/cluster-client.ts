/**
 * Clients for the cluster tests (`npm run test:cluster`): citizens filing through nginx the way
 * the web form does, each from an address of its own (the per-address submission limit would
 * otherwise stop a load test from one machine after ten reports), retrying a failed filing with
 * the same submission key as the form's offline queue does.
 */
import http from "node:http";
import { randomUUID } from "node:crypto";
import { Client } from "pg";

export type Cluster = {
  nginx: string;
  apps: string[];
  patroni: { name: string; rest: string; dataDir: string; port: number }[];
  databaseUrl: string;
  readDatabaseUrl: string;
};

/** The cluster `scripts/cluster/up.sh` started, from the same environment (ports.sh). */
export function clusterFromEnv(): Cluster {
  const env = process.env;
  const dir = env.CLUSTER_DIR ?? "/tmp/civic-cluster";
  return {
    nginx: `http://127.0.0.1:${env.NGINX_PORT ?? 3224}`,
    apps: [env.APP1_PORT ?? "3234", env.APP2_PORT ?? "3235"].map((p) => `http://127.0.0.1:${p}`),
    patroni: [
      {
        name: "pg1",
        rest: `http://127.0.0.1:${env.REST1_PORT ?? 8620}`,
        dataDir: `${dir}/pg/pg1`,
        port: Number(env.PG1_PORT ?? 5620),
      },
      {
        name: "pg2",
        rest: `http://127.0.0.1:${env.REST2_PORT ?? 8621}`,
        dataDir: `${dir}/pg/pg2`,
        port: Number(env.PG2_PORT ?? 5621),
      },
    ],
    databaseUrl: env.CLUSTER_DATABASE_URL ?? "postgres://civic:civic-local@127.0.0.1:5600/civic",
    readDatabaseUrl: env.CLUSTER_READ_DATABASE_URL ?? "postgres://civic:civic-local@127.0.0.1:5601/civic",
  };
}

let addressCounter = 0;
/** A fresh loopback source address per request: 127.1.0.1, 127.1.0.2, … (all of 127/8 is local). */
function nextLocalAddress(): string {
  addressCounter = (addressCounter % 65_000) + 1;
  return `127.1.${addressCounter >> 8}.${addressCounter & 255}`;
}

export type HttpAnswer = { status: number; body: string; headers: http.IncomingHttpHeaders };

export function request(input: {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  timeoutMs?: number;
  localAddress?: string;
  /** Connections to reuse (keep-alive, as nginx keeps them to the app); a new one per request without. */
  agent?: http.Agent;
}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      input.url,
      {
        method: input.method ?? "GET",
        headers: input.body
          ? { ...input.headers, "content-length": String(Buffer.byteLength(input.body)) }
          : input.headers,
        localAddress: input.localAddress,
        agent: input.agent ?? false,
        timeout: input.timeoutMs ?? 40_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            headers: res.headers,
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    if (input.body) req.write(input.body);
    req.end();
  });
}

/** One filing as the web form sends it (multipart with a `data` part). */
export async function postReport(input: {
  base: string;
  description: string;
  submissionKey: string;
  position?: [number, number];
  /**
   * The client's address as the proxy in front of the app passes it (X-Forwarded-For), over the
   * proxy's kept-alive connections (`agent`); without it, a loopback address of its own per request.
   */
  forwardedFor?: string;
  agent?: http.Agent;
}): Promise<HttpAnswer> {
  const boundary = `----civic${randomUUID()}`;
  const data = JSON.stringify({
    serviceCode: "pothole",
    position: input.position ?? [21.369 + Math.random() * 0.01, 43.927 + Math.random() * 0.005],
    description: input.description,
    submissionKey: input.submissionKey,
  });
  const body = `--${boundary}\r\ncontent-disposition: form-data; name="data"\r\n\r\n${data}\r\n--${boundary}--\r\n`;
  return request({
    url: `${input.base}/api/reports`,
    method: "POST",
    headers: {
      "content-type": `multipart/form-data; boundary=${boundary}`,
      ...(input.forwardedFor ? { "x-forwarded-for": input.forwardedFor } : {}),
    },
    body,
    ...(input.forwardedFor ? { agent: input.agent } : { localAddress: nextLocalAddress() }),
  });
}

export type Filing = { key: string; description: string; code: string; ackedAt: number; latencyMs: number };
export type FilingLoad = {
  acked: Filing[];
  /** Every failed attempt (network error or 5xx), by time; each was retried with the same key. */
  failures: { at: number; reason: string }[];
  stop: () => Promise<void>;
};

/**
 * `clients` citizens filing back to back until stopped. A failed attempt is retried after 250 ms
 * with the same submission key; a filing counts as acknowledged only on 200/201.
 */
export function startFilingLoad(input: { base: string; clients: number; tag: string }): FilingLoad {
  const load: FilingLoad = { acked: [], failures: [], stop: async () => {} };
  let running = true;
  const client = async (i: number) => {
    for (let n = 0; running; n++) {
      const key = randomUUID();
      const description = `${input.tag} client ${i} filing ${n}`;
      const started = Date.now();
      for (;;) {
        let reason: string;
        try {
          const answer = await postReport({ base: input.base, description, submissionKey: key });
          if (answer.status === 200 || answer.status === 201) {
            const code = (JSON.parse(answer.body) as { trackingCode: string }).trackingCode;
            load.acked.push({ key, description, code, ackedAt: Date.now(), latencyMs: Date.now() - started });
            break;
          }
          reason = `HTTP ${answer.status} ${answer.body.slice(0, 120)}`;
          if (answer.status < 500) throw new Error(`filing refused: ${reason}`);
        } catch (err) {
          if ((err as Error).message.startsWith("filing refused")) throw err;
          reason = (err as Error).message;
        }
        load.failures.push({ at: Date.now(), reason });
        if (!running && Date.now() - started > 60_000) return;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  };
  const all = Promise.all(Array.from({ length: input.clients }, (_, i) => client(i)));
  load.stop = async () => {
    running = false;
    await all;
  };
  return load;
}

export async function withPg<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Checks what the database holds against what the clients were told. */
export async function auditFilings(input: {
  databaseUrl: string;
  tag: string;
  acked: Filing[];
}): Promise<{ acknowledged: number; lost: number; duplicates: number; stored: number }> {
  const rows = await withPg(
    input.databaseUrl,
    async (c) =>
      (
        await c.query<{ description: string; n: number }>(
          `select description, count(*)::int as n from reports where description like $1 group by description`,
          [`${input.tag} %`],
        )
      ).rows,
  );
  const stored = new Map(rows.map((r) => [r.description, r.n]));
  const lost = input.acked.filter((f) => !stored.has(f.description)).length;
  const duplicates = rows.reduce((sum, r) => sum + (r.n - 1), 0);
  return { acknowledged: input.acked.length, lost, duplicates, stored: rows.length };
}

export async function patroniCluster(rest: string): Promise<{
  members: { name: string; role: string; state: string; lag?: number | string }[];
}> {
  const answer = await request({ url: `${rest}/cluster`, timeoutMs: 3_000 });
  return JSON.parse(answer.body);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
