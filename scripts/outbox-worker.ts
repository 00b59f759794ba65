/**
 * Runs the notifications worker alone (npm run worker): against DATABASE_URL next to any number
 * of app processes, or against the embedded DATA_DIR while the app is stopped.
 */
import { closeDb, getDb } from "../db/client";
import { getEnv } from "../lib/env";
import { configuredTransport, startBackgroundWork } from "../lib/notifications/background-worker";

async function main(): Promise<void> {
  const db = await getDb();
  const transport = await configuredTransport();
  const pollMs = Math.max(100, getEnv().OUTBOX_POLL_MS || 1_000);
  const worker = startBackgroundWork({ db, transport, pollMs });
  console.info(`[outbox] worker running (${transport.name}), polling every ${pollMs} ms`);
  const keepAlive = setInterval(() => {}, 60_000);
  const shutdown = async () => {
    clearInterval(keepAlive);
    await worker.stop();
    await closeDb();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
