import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../db/client";
import { databaseUrl, quoteIdent, withAdminClient } from "./server-admin";

declare module "vitest" {
  export interface ProvidedContext {
    serverTemplate: string;
  }
}

/** A migrated template database on the server; each test file gets a database copied from it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const template = `civic_tpl_${randomBytes(4).toString("hex")}`;
  await withAdminClient((c) => c.query(`create database ${quoteIdent(template)}`));
  const handle = await openDatabase({ databaseUrl: databaseUrl(template), dataDir: "" });
  await handle.close();
  project.provide("serverTemplate", template);
  return async () => {
    await withAdminClient((c) => c.query(`drop database if exists ${quoteIdent(template)} with (force)`));
  };
}
