// npm start: build when the sources are newer than the last build, then serve the app (serve.mjs).
// The server migrates the database and seeds an empty embedded one on start (instrumentation.ts).
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const buildId = path.join(root, ".next", "BUILD_ID");
const sources = [
  "app",
  "components",
  "lib",
  "db",
  "messages",
  "public",
  "next.config.mjs",
  "package.json",
  "instrumentation.ts",
];

function newestMtime(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
const sourcesAt = Math.max(...sources.map(newestMtime));
if (builtAt < sourcesAt) {
  console.info(
    builtAt ? "[start] sources changed since the last build; building…" : "[start] first start; building…",
  );
  const built = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const port = process.env.PORT ?? "3000";
const env = {
  NEXT_TELEMETRY_DISABLED: "1",
  ...process.env,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
};
// Further arguments go to the app server, scripts/serve.mjs (the benchmarks bind to loopback with
// `-H 127.0.0.1`).
const server = spawn(
  process.execPath,
  [path.join(root, "scripts", "serve.mjs"), "-p", port, ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: "inherit",
    env,
  },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
