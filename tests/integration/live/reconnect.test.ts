import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb, getDbHandle } from "../../../db/client";
import { resetEnvCache } from "../../../lib/env";
import { listReportChangesSince } from "../../../lib/live/report-changes";
import { fileReport } from "../../../lib/reports/file-report";
import { getLayerVersion } from "../../../lib/tiles/layer-versions";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";

async function until(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Cuts this database's LISTEN connections the way a failover does. */
async function cutListeners(): Promise<number> {
  const db = await getDb();
  const result = await db.execute(
    sql`select pg_terminate_backend(pid) as cut from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and query ilike 'LISTEN %'`,
  );
  return (result as unknown as { rows: unknown[] }).rows.length;
}

describe(`catching up after a lost connection on the ${engine} engine`, () => {
  afterAll(() => {
    delete process.env.TILE_VERSIONS;
    resetEnvCache();
  });

  it("lists the changes a reconnecting client missed, from a little before its last event, in its municipalities only", async () => {
    const world = await buildWorkflowWorld({ west: 20.6, south: 44.6 });
    const db = await getDb();
    const before = new Date(Date.now() - 60_000).toISOString();
    const filed = await fileReport({
      db,
      report: { serviceCode: world.category.serviceCode, position: world.inside, description: "Propušteno." },
    });
    const missed = await listReportChangesSince({
      db,
      since: before,
      municipalityIds: [world.municipality.id],
    });
    expect(missed.map((c) => c.code)).toContain(filed.trackingCode);
    const change = missed.find((c) => c.code === filed.trackingCode)!;
    expect(change).toMatchObject({
      reportId: filed.id,
      status: "received",
      municipalityId: world.municipality.id,
    });
    // The event id a client sends back: a change stamped at that very moment is replayed too.
    const again = await listReportChangesSince({
      db,
      since: change.updatedAt,
      municipalityIds: [world.municipality.id],
    });
    expect(again.map((c) => c.code)).toContain(filed.trackingCode);
    expect(await listReportChangesSince({ db, since: before, municipalityIds: [-1] })).toEqual([]);
    expect(await listReportChangesSince({ db, since: "not a time" })).toEqual([]);
  });

  it.skipIf(engine === "embedded")(
    "reopens a LISTEN whose connection was cut, subscribes again and says so",
    async () => {
      const handle = await getDbHandle();
      const heard: string[] = [];
      let reconnects = 0;
      const stop = await handle.listen("civic_reconnect_test", (p) => heard.push(p), {
        onReconnect: () => reconnects++,
      });
      try {
        const db = await getDb();
        await db.execute(sql`select pg_notify('civic_reconnect_test', 'before')`);
        await until(() => heard.includes("before"));
        expect(await cutListeners()).toBeGreaterThan(0);
        await until(() => reconnects === 1);
        await db.execute(sql`select pg_notify('civic_reconnect_test', 'after')`);
        await until(() => heard.includes("after"));
      } finally {
        await stop();
      }
    },
  );

  it.skipIf(engine === "embedded")(
    "keeps tile layer versions in memory, follows each bump by NOTIFY, and re-reads them after a reconnect",
    async () => {
      process.env.TILE_VERSIONS = "notify";
      resetEnvCache();
      const world = await buildWorkflowWorld({ west: 20.7, south: 44.7 });
      const handle = await getDbHandle();
      const db = handle.db;
      const read = async () =>
        Number(
          (
            (await db.execute(
              sql`select version from tile_layer_versions where layer = 'reports'`,
            )) as unknown as {
              rows: { version: string }[];
            }
          ).rows[0]!.version,
        );
      expect(await getLayerVersion(handle, "reports")).toBe(await read());
      const file = () =>
        fileReport({
          db,
          report: {
            serviceCode: world.category.serviceCode,
            position: world.inside,
            description: "Verzija.",
          },
        });
      await file();
      const bumped = await read();
      await until(async () => (await getLayerVersion(handle, "reports")) === bumped);
      // While the listener is cut, a bump is announced to nobody; the reconnect reads it.
      await cutListeners();
      await file();
      const missed = await read();
      await until(async () => (await getLayerVersion(handle, "reports")) === missed);
    },
  );
});
