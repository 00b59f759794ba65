import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDb } from "../../db/client";
import { resetEnvCache } from "../../lib/env";
import { databaseUrl, quoteIdent, withAdminClient } from "./server-admin";

/** Each test file: its own database on the server, copied from the migrated template. */
const name = `civic_t_${randomBytes(5).toString("hex")}`;

beforeAll(async () => {
  const template = inject("serverTemplate");
  await withAdminClient((c) => c.query(`create database ${quoteIdent(name)} template ${quoteIdent(template)}`));
  process.env.DATABASE_URL = databaseUrl(name);
  process.env.SEED_DEMO = "never";
  resetEnvCache();
});

afterAll(async () => {
  await closeDb();
  await withAdminClient((c) => c.query(`drop database if exists ${quoteIdent(name)} with (force)`));
});
