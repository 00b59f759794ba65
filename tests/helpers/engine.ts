import fs from "node:fs";
import path from "node:path";
import { randomBytes, randomUUID } from "node:crypto";
import { openDatabase, type DbHandle } from "../../db/client";
import { testDataRoot } from "./paths";
import { databaseUrl, quoteIdent, withAdminClient } from "./server-admin";

export const engine = (process.env.TEST_ENGINE ?? "embedded") as "embedded" | "server";

/**
 * An empty, never-migrated database on the engine under test, opened (and so migrated) through
 * the app's own client. For tests of the migration path itself; the caller disposes of it.
 */
export async function openBlankDatabase(): Promise<{ handle: DbHandle; dispose: () => Promise<void> }> {
  if (engine === "embedded") {
    const dir = path.join(testDataRoot, "blank", randomUUID(), "pglite");
    const handle = await openDatabase({ dataDir: dir });
    return {
      handle,
      dispose: async () => {
        await handle.close();
        fs.rmSync(path.dirname(dir), { recursive: true, force: true });
      },
    };
  }
  const name = `civic_blank_${randomBytes(5).toString("hex")}`;
  await withAdminClient((c) => c.query(`create database ${quoteIdent(name)}`));
  const handle = await openDatabase({ databaseUrl: databaseUrl(name), dataDir: "" });
  return {
    handle,
    dispose: async () => {
      await handle.close();
      await withAdminClient((c) => c.query(`drop database if exists ${quoteIdent(name)} with (force)`));
    },
  };
}

/** An empty database on the server, not opened: for racing several openers against it. */
export async function createEmptyServerDatabase(): Promise<{ url: string; dispose: () => Promise<void> }> {
  const name = `civic_empty_${randomBytes(5).toString("hex")}`;
  await withAdminClient((c) => c.query(`create database ${quoteIdent(name)}`));
  return {
    url: databaseUrl(name),
    dispose: async () => {
      await withAdminClient((c) => c.query(`drop database if exists ${quoteIdent(name)} with (force)`));
    },
  };
}
