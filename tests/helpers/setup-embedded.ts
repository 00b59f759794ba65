import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { closeDb } from "../../db/client";
import { resetEnvCache } from "../../lib/env";
import { embeddedTemplateDir, testDataRoot } from "./paths";

/** Each test file: a private copy of the migrated template, opened through the app's own client. */
const dir = path.join(testDataRoot, "files", randomUUID(), "pglite");

beforeAll(() => {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  fs.cpSync(embeddedTemplateDir, dir, { recursive: true });
  process.env.DATA_DIR = dir;
  process.env.DATABASE_URL = "";
  process.env.SEED_DEMO = "never";
  // Files the code under test writes stay inside this file's directory.
  process.env.UPLOAD_DIR = path.join(path.dirname(dir), "uploads");
  process.env.OUTBOX_DIR = path.join(path.dirname(dir), "outbox");
  process.env.OPEN_DATA_DIR = path.join(path.dirname(dir), "open-data");
  resetEnvCache();
});

afterAll(async () => {
  await closeDb();
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
});
