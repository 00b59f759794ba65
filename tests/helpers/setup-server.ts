import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDb } from "../../db/client";
import { resetEnvCache } from "../../lib/env";
import { databaseUrl, quoteIdent, withAdminClient } from "./server-admin";
import { testDataRoot } from "./paths";

/** Each test file: its own database on the server, copied from the migrated template. */
const name = `civic_t_${randomBytes(5).toString("hex")}`;
const files = path.join(testDataRoot, "files", name);

beforeAll(async () => {
  const template = inject("serverTemplate");
  await withAdminClient((c) =>
    c.query(`create database ${quoteIdent(name)} template ${quoteIdent(template)}`),
  );
  process.env.DATABASE_URL = databaseUrl(name);
  process.env.SEED_DEMO = "never";
  // Tests write and read a tile straight after: versions from the table, not from NOTIFY
  // (tests/integration/tiles/layer-versions.test.ts covers the NOTIFY path).
  process.env.TILE_VERSIONS ??= "query";
  // Files the code under test writes stay inside this file's directory.
  process.env.UPLOAD_DIR = path.join(files, "uploads");
  process.env.OUTBOX_DIR = path.join(files, "outbox");
  process.env.OPEN_DATA_DIR = path.join(files, "open-data");
  resetEnvCache();
});

afterAll(async () => {
  await closeDb();
  fs.rmSync(files, { recursive: true, force: true });
  await withAdminClient((c) => c.query(`drop database if exists ${quoteIdent(name)} with (force)`));
});
