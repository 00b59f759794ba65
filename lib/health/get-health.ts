import "server-only";
import { getDbHandle } from "../../db/client";
import { getCapabilities } from "../../db/capabilities";
import { appliedMigrationCount, journalMigrationCount } from "../../db/migrate";

export type Health =
  | {
      ok: true;
      engine: "embedded" | "server";
      postgresVersion: string;
      postgisVersion: string;
      supportsMvt: boolean;
      migrations: { applied: number; expected: number };
    }
  | { ok: false; reason: string };

/** Whether the database answers, on which engine, and whether its schema is current. */
export async function getHealth(): Promise<Health> {
  try {
    const handle = await getDbHandle();
    const capabilities = await getCapabilities(handle);
    const applied = await appliedMigrationCount(handle);
    const expected = journalMigrationCount();
    if (applied < expected) {
      return { ok: false, reason: `migrations pending: ${applied} of ${expected} applied` };
    }
    return { ok: true, ...capabilities, migrations: { applied, expected } };
  } catch (err) {
    return { ok: false, reason: `database unreachable: ${(err as Error).message}` };
  }
}
