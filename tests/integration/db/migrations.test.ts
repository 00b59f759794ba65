import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/client";
import { openDatabase } from "../../../db/client";
import { appliedMigrationCount, journalMigrationCount } from "../../../db/migrate";
import { queryRows } from "../../../db/query";
import { databaseUrl } from "../../helpers/server-admin";
import { createEmptyServerDatabase, engine, openBlankDatabase } from "../../helpers/engine";

describe(`migrations on the ${engine} engine`, () => {
  let blank: Awaited<ReturnType<typeof openBlankDatabase>>;
  let handle: DbHandle;

  beforeAll(async () => {
    blank = await openBlankDatabase();
    handle = blank.handle;
  });

  afterAll(async () => {
    await blank?.dispose();
  });

  it("applies every migration to an empty database", async () => {
    expect(await appliedMigrationCount(handle)).toBe(journalMigrationCount());
    const tables = await queryRows<{ table_name: string }>(
      handle.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining([
        "attachments",
        "calendar_overrides",
        "category_groups",
        "districts",
        "gazetteer",
        "memberships",
        "outbox_messages",
        "rate_limit_hits",
        "report_followers",
        "municipalities",
        "organisations",
        "permits",
        "report_contacts",
        "report_events",
        "reports",
        "service_categories",
        "users",
      ]),
    );
  });

  it("declares geometry columns with their type and SRID: 4326 stored, 3857 derived for vector tiles", async () => {
    const columns = await queryRows<{ table: string; column: string; type: string; srid: number }>(
      handle.db,
      sql`select f_table_name as table, f_geometry_column as column, type, srid
          from geometry_columns where f_table_schema = 'public' order by 1, 2`,
    );
    expect(columns).toEqual([
      { table: "address_points", column: "geom", type: "POINT", srid: 4326 },
      { table: "consultations", column: "site", type: "MULTIPOLYGON", srid: 4326 },
      { table: "districts", column: "area", type: "MULTIPOLYGON", srid: 4326 },
      { table: "districts", column: "area_3857", type: "MULTIPOLYGON", srid: 3857 },
      { table: "gazetteer", column: "geom", type: "GEOMETRY", srid: 4326 },
      { table: "municipalities", column: "boundary", type: "MULTIPOLYGON", srid: 4326 },
      { table: "organisations", column: "service_area", type: "MULTIPOLYGON", srid: 4326 },
      { table: "permits", column: "site", type: "MULTIPOLYGON", srid: 4326 },
      { table: "permits", column: "site_3857", type: "MULTIPOLYGON", srid: 3857 },
      // The public projections keep the tables' types; a CASE leaves the shape's SRID undeclared.
      { table: "public_consultations", column: "site", type: "MULTIPOLYGON", srid: 4326 },
      { table: "public_permits", column: "site", type: "MULTIPOLYGON", srid: 4326 },
      { table: "public_permits", column: "site_3857", type: "MULTIPOLYGON", srid: 3857 },
      { table: "public_reports", column: "location", type: "POINT", srid: 4326 },
      { table: "public_reports", column: "location_3857", type: "POINT", srid: 3857 },
      { table: "public_reports", column: "shape", type: "GEOMETRY", srid: 0 },
      { table: "public_reports", column: "shape_3857", type: "GEOMETRY", srid: 0 },
      { table: "reports", column: "location", type: "POINT", srid: 4326 },
      { table: "reports", column: "location_3857", type: "POINT", srid: 3857 },
      { table: "reports", column: "public_location", type: "POINT", srid: 4326 },
      { table: "reports", column: "public_location_3857", type: "POINT", srid: 3857 },
      { table: "reports", column: "shape", type: "GEOMETRY", srid: 4326 },
      { table: "reports", column: "shape_3857", type: "GEOMETRY", srid: 3857 },
    ]);
  });

  it("indexes every geometry column with GiST", async () => {
    const indexes = await queryRows<{ indexdef: string }>(
      handle.db,
      sql`select indexdef from pg_indexes where schemaname = 'public' and indexdef ilike '%using gist%'`,
    );
    const defs = indexes.map((i) => i.indexdef).join("\n");
    for (const column of [
      "area",
      "boundary",
      "service_area",
      "site",
      "location",
      "area_3857",
      "site_3857",
      "location_3857",
      "shape_3857",
    ]) {
      expect(defs).toMatch(new RegExp(`gist \\(${column}\\)`));
    }
  });

  it("rejects a geometry of the wrong type or SRID", async () => {
    await expect(
      handle.db.execute(
        sql`insert into municipalities (code, name, boundary, boundary_source)
            values ('bad', '{}'::jsonb, ST_SetSRID(ST_MakePoint(20, 44), 4326), 'x')`,
      ),
    ).rejects.toThrow();
    await expect(
      handle.db.execute(
        sql`insert into municipalities (code, name, boundary, boundary_source)
            values ('bad', '{}'::jsonb, ST_Multi(ST_MakeEnvelope(0, 0, 1, 1, 3857)), 'x')`,
      ),
    ).rejects.toThrow();
  });

  it("is a no-op when run again", async () => {
    const again = await openDatabase(
      engine === "embedded" ? { dataDir: handle.location } : { databaseUrl: urlOf(handle), dataDir: "" },
    ).catch((err: Error) => err);
    if (engine === "embedded") {
      // The data directory is locked by the open handle: a second opener is refused, not let in.
      expect(again).toBeInstanceOf(Error);
      expect((again as Error).message).toMatch(/in use by process/);
    } else {
      const second = again as DbHandle;
      expect(await appliedMigrationCount(second)).toBe(journalMigrationCount());
      await second.close();
    }
  });

  it.runIf(engine === "server")(
    "lets two processes starting together migrate one database once",
    async () => {
      const fresh = await createEmptyServerDatabase();
      try {
        const url = fresh.url;
        const [a, b] = await Promise.all([
          openDatabase({ databaseUrl: url, dataDir: "" }),
          openDatabase({ databaseUrl: url, dataDir: "" }),
        ]);
        const rows = await queryRows<{ n: number }>(
          a.db,
          sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
        );
        expect(rows[0]!.n).toBe(journalMigrationCount());
        await Promise.all([a.close(), b.close()]);
      } finally {
        await fresh.dispose();
      }
    },
  );
});

function urlOf(handle: DbHandle): string {
  return databaseUrl(handle.location.split("/").pop()!);
}
