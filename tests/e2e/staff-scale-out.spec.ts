import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";
import pg from "pg";
import { signIn } from "./pages/staff-pages";

/**
 * Scale-out: two app processes behind one PostGIS share nothing in memory that matters. A report
 * filed through one appears live in a staff queue open on the other (LISTEN/NOTIFY), the session
 * signed in on one is valid on the other (JWT), and the other's tiles change at once (layer
 * versions in the database). Needs the PostgreSQL server, as CI provides (TEST_DATABASE_URL).
 */
const serverUrl = process.env.TEST_DATABASE_URL;
test.skip(!serverUrl, "needs TEST_DATABASE_URL: two app instances share one PostgreSQL server");
test.use({ viewport: { width: 1280, height: 900 } });

const root = path.resolve(__dirname, "..", "..");
const ports = [3311, 3312];
let database = "";
const instances: ChildProcess[] = [];
const logs: string[] = [];

async function admin<T>(fn: (c: pg.Client) => Promise<T>, db?: string): Promise<T> {
  const url = new URL(serverUrl!);
  if (db) url.pathname = `/${db}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function startInstance(port: number, shared: string): Promise<void> {
  // A server left on the port would answer the health check in this instance's place.
  const taken = await fetch(`http://127.0.0.1:${port}/api/health`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`port ${port} is already in use`);
  const url = new URL(serverUrl!);
  url.pathname = `/${database}`;
  const child = spawn(
    process.execPath,
    [
      // The app server `npm start` runs (scripts/serve.mjs).
      path.join(root, "scripts", "serve.mjs"),
      "-H",
      "127.0.0.1",
      "-p",
      String(port),
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: url.toString(),
        SEED_DEMO: "always",
        NEXTAUTH_SECRET: "scale-out-shared-secret-0123456789",
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        UPLOAD_DIR: path.join(shared, "uploads"),
        OUTBOX_DIR: path.join(shared, "outbox"),
        OPEN_DATA_DIR: path.join(shared, "open-data"),
        MAP_STYLE_URL: "bundled",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  for (const stream of [child.stdout!, child.stderr!])
    stream.on("data", (d: Buffer) => logs.push(`[${port}] ${d.toString()}`));
  instances.push(child);
  for (let i = 0; i < 240; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`instance on ${port} did not become healthy:\n${logs.join("")}`);
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  database = `civic_scale_${Date.now()}`;
  await admin((c) => c.query(`create database ${database}`));
  await admin((c) => c.query("create extension if not exists postgis"), database);
  const shared = fs.mkdtempSync(path.join(os.tmpdir(), "civic-scale-"));
  // The first migrates and seeds; the second finds it done.
  await startInstance(ports[0]!, shared);
  await startInstance(ports[1]!, shared);
});

test.afterAll(async () => {
  // Open event streams keep a gracefully stopping server waiting: stop, then make sure.
  for (const child of instances) child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 2_000));
  for (const child of instances) if (child.exitCode === null) child.kill("SIGKILL");
  await admin((c) => c.query(`drop database if exists ${database} with (force)`));
});

test("a report filed through one instance reaches a staff queue and the tiles served by the other", async ({
  browser,
}) => {
  const [a, b] = ports.map((p) => `http://127.0.0.1:${p}`);
  const position: [number, number] = [21.3701, 43.9301];
  const tilePath = "/api/tiles/reports/15/18713/11910.mvt";
  const before = await fetch(`${b}${tilePath}`);
  const etag = before.headers.get("etag");

  const context = await browser.newContext({ baseURL: a });
  const page = await context.newPage();
  // Signed in on A; the JWT cookie is valid on B, which holds no session state of its own.
  await signIn(page, "admin@cuprija.example", "demo-admin");
  await page.goto(`${b}/staff/queue?scope=all`);
  await expect(page.getByTestId("live-updates")).toHaveAttribute("data-connected", "true");
  const updates = Number(await page.getByTestId("live-updates").getAttribute("data-updates"));

  const filed = await context.request.post(`${a}/api/reports?lang=en`, {
    multipart: {
      data: JSON.stringify({
        serviceCode: "pothole",
        position,
        description: "Rupa, prijavljena preko instance A.",
        contact: {},
      }),
    },
    headers: { "x-forwarded-for": "198.18.7.7" },
  });
  expect(filed.status(), await filed.text()).toBe(201);
  const code = (await filed.json()).trackingCode as string;

  // B heard of it through PostgreSQL and refreshed its queue without a reload.
  await expect
    .poll(async () => Number(await page.getByTestId("live-updates").getAttribute("data-updates")), {
      timeout: 20_000,
    })
    .toBeGreaterThan(updates);
  const opened = await context.request.get(`${b}/reports/${code}`);
  expect(opened.status()).toBe(200);

  const after = await fetch(`${b}${tilePath}`, { headers: etag ? { "if-none-match": etag } : {} });
  expect(after.status).toBe(200);
  expect(after.headers.get("etag")).not.toBe(etag);
  await context.close();
});
