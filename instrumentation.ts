/**
 * Runs once when a server process starts: migrate (and seed an empty embedded database) before
 * the first request, so nobody waits on it mid-click; then start the notifications worker and the
 * overdue escalation in this process.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { prepareDatabase } = await import("./db/bootstrap");
  try {
    await prepareDatabase();
  } catch (err) {
    // The server still starts: /api/health reports the reason and pages show an error.
    console.error("[db] could not prepare the database:", err);
    return;
  }
  const { getEnv } = await import("./lib/env");
  const pollMs = getEnv().OUTBOX_POLL_MS;
  if (pollMs > 0) {
    const { getDb } = await import("./db/client");
    const { configuredTransport, startBackgroundWork } =
      await import("./lib/notifications/background-worker");
    const transport = await configuredTransport();
    startBackgroundWork({ db: await getDb(), transport, pollMs });
    console.info(`[outbox] delivering notifications by ${transport.name} every ${pollMs} ms`);
  }
}
