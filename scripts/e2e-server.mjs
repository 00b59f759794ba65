// The app as the e2e tests see it: the production build on a fresh embedded database of its own.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = path.join(root, ".test-data", "e2e", "pglite");
fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });

// The edge of the system, faked: a local SMTP server that writes every mail it gets to a folder the
// tests read (sign-in links, receipts).
const { SMTPServer } = await import("smtp-server");
const mailDir = path.join(path.dirname(dataDir), "mail");
fs.mkdirSync(mailDir, { recursive: true });
let mails = 0;
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    const chunks = [];
    stream.on("data", (c) => chunks.push(c));
    stream.on("end", () => {
      const to = session.envelope.rcptTo.map((r) => r.address).join(",");
      fs.writeFileSync(
        path.join(mailDir, `${String(++mails).padStart(5, "0")}-${to.replace(/[^a-z0-9@.-]/gi, "_")}.eml`),
        Buffer.concat(chunks),
      );
      callback();
    });
  },
});
await new Promise((resolve) => sink.listen(0, "127.0.0.1", resolve));
const smtpPort = sink.server.address().port;

// The same app server as `npm start` (serve.mjs), so the outside-client tests see what production sends.
const serve = path.join(root, "scripts", "serve.mjs");
const server = spawn(process.execPath, [serve, "-H", "127.0.0.1", "-p", process.env.PORT ?? "3210"], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    DATA_DIR: dataDir,
    OUTBOX_DIR: path.join(path.dirname(dataDir), "outbox"),
    UPLOAD_DIR: path.join(path.dirname(dataDir), "uploads"),
    OPEN_DATA_DIR: path.join(path.dirname(dataDir), "open-data"),
    DATABASE_URL: "",
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    OUTBOX_POLL_MS: "1000",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: `http://127.0.0.1:${process.env.PORT ?? "3210"}`,
    // The public basemap is unreachable here, as in CI: the tests exercise the bundled fallback.
    MAP_STYLE_URL: process.env.E2E_MAP_STYLE_URL ?? "https://tiles.openfreemap.org/styles/positron",
    MAP_STYLE_TIMEOUT_MS: "3000",
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => {
  sink.close();
  process.exit(code ?? 0);
});
