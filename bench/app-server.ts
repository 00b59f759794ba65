/**
 * The app as the benchmarks load it: `scripts/start.mjs` (builds when the sources are newer than
 * the last build, then `next start`) on a loopback port against the benchmark database, stopped
 * with its whole process group at the end.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type AppServer = { url: string; port: number; stop: () => Promise<void> };

export async function startApp(input: {
  port: number;
  databaseUrl: string;
  env?: Record<string, string>;
  logFile: string;
  timeoutMs?: number;
}): Promise<AppServer> {
  const root = path.join(__dirname, "..");
  const log = fs.openSync(input.logFile, "a");
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(root, "scripts", "start.mjs"), "-H", "127.0.0.1"],
    {
      cwd: root,
      // Its own process group, so stopping it also stops the next-server it starts.
      detached: true,
      stdio: ["ignore", log, log],
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(input.port),
        DATABASE_URL: input.databaseUrl,
        SEED_DEMO: "never",
        // The benchmark folds the cluster changes itself; no worker competes for the cores.
        OUTBOX_POLL_MS: "0",
        MAP_STYLE_URL: "bundled",
        NEXTAUTH_SECRET: randomBytes(24).toString("hex"),
        NEXTAUTH_URL: `http://127.0.0.1:${input.port}`,
        ...input.env,
      },
    },
  );
  const url = `http://127.0.0.1:${input.port}`;
  let exited = false;
  child.on("exit", () => (exited = true));
  const stop = async () => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    const deadline = Date.now() + 10_000;
    while (!exited && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (!exited) process.kill(-child.pid, "SIGKILL");
    fs.closeSync(log);
  };
  const deadline = Date.now() + (input.timeoutMs ?? 300_000);
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the app on port ${input.port} exited; see ${input.logFile}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return { url, port: input.port, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`the app on port ${input.port} did not answer /api/health in time; see ${input.logFile}`);
}
