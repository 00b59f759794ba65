import { closeDb, getDbHandle } from "../client";
import { appliedMigrationCount } from "../migrate";

/** npm run db:migrate — applies pending migrations to DATABASE_URL, or to the embedded DATA_DIR. */
async function main(): Promise<void> {
  const handle = await getDbHandle();
  console.info(
    `[db] ${handle.engine} database at ${handle.location}: ${await appliedMigrationCount(handle)} migrations applied`,
  );
  await closeDb();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
