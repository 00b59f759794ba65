import { closeDb, getDbHandle } from "../client";
import { seedDemo } from "../seed/seed-demo";

/** npm run db:seed — seeds the demo municipality; does nothing when it is already there. */
async function main(): Promise<void> {
  const handle = await getDbHandle();
  const started = Date.now();
  const result = await seedDemo(handle.db, { demoApiKey: handle.engine === "embedded" });
  console.info(
    result.created
      ? `[db] seeded ${result.reports} reports and ${result.permits} permit sites in ${((Date.now() - started) / 1000).toFixed(1)} s`
      : "[db] the demo municipality is already there; nothing changed",
  );
  await closeDb();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
