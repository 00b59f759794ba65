/**
 * Checks the hash chains of every report's and permit's event log (npm run registry:verify):
 * exit 0 when all verify, 1 naming the first broken link of each broken chain.
 */
import { closeDb, getDb } from "../db/client";
import { verifyRegistry } from "../lib/registry/verify-registry";

async function main(): Promise<number> {
  const started = performance.now();
  const result = await verifyRegistry({ db: await getDb() });
  const ms = Math.round(performance.now() - started);
  await closeDb();
  for (const b of result.broken)
    console.error(
      `[registry] BROKEN ${b.table} ${b.table === "report_events" ? "report" : "permit"} ${b.subjectId}: first broken link is event ${b.eventId} (${b.problem})`,
    );
  console.info(
    `[registry] ${result.chains} chains, ${result.events} events checked in ${ms} ms; ${result.broken.length} broken`,
  );
  return result.broken.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(2);
  },
);
