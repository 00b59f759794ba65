// The app as the e2e tests see it: the production build on a fresh embedded database of its own.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = path.join(root, ".test-data", "e2e", "pglite");
fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
const server = spawn(process.execPath, [next, "start", "-H", "127.0.0.1", "-p", process.env.PORT ?? "3210"], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    DATA_DIR: dataDir,
    OUTBOX_DIR: path.join(path.dirname(dataDir), "outbox"),
    UPLOAD_DIR: path.join(path.dirname(dataDir), "uploads"),
    OPEN_DATA_DIR: path.join(path.dirname(dataDir), "open-data"),
    DATABASE_URL: "",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: `http://127.0.0.1:${process.env.PORT ?? "3210"}`,
    // The public basemap is unreachable here, as in CI: the tests exercise the bundled fallback.
    MAP_STYLE_URL: process.env.E2E_MAP_STYLE_URL ?? "https://tiles.openfreemap.org/styles/positron",
    MAP_STYLE_TIMEOUT_MS: "3000",
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
