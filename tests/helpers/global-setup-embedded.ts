import fs from "node:fs";
import { openDatabase } from "../../db/client";
import { embeddedTemplateDir, testDataRoot } from "./paths";

/**
 * Creates the migrated embedded template once per run (the cold start of a new PGlite data
 * directory with PostGIS is the slow part); every test file then opens a copy of it.
 */
export default async function setup(): Promise<() => void> {
  fs.rmSync(embeddedTemplateDir, { recursive: true, force: true });
  fs.rmSync(`${embeddedTemplateDir}.lock`, { force: true });
  fs.mkdirSync(testDataRoot, { recursive: true });
  const handle = await openDatabase({ dataDir: embeddedTemplateDir });
  await handle.close();
  return () => {
    fs.rmSync(`${testDataRoot}/files`, { recursive: true, force: true });
  };
}
