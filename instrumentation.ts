/**
 * Runs once when a server process starts: migrate (and seed an empty embedded database) before
 * the first request, so nobody waits on it mid-click.
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
  }
}
