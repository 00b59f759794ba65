import { VectorTile } from "@mapbox/vector-tile";
import { PbfReader } from "pbf";
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getTileRoute } from "../../../app/api/tiles/[layer]/[z]/[x]/[y]/route";
import { getDb, getDbHandle } from "../../../db/client";
import { getCapabilities } from "../../../db/capabilities";
import { queryOne, queryRows } from "../../../db/query";
import * as t from "../../../db/schema";
import { noFilters, RECENTLY_RESOLVED_DAYS, type PublicFilters } from "../../../lib/reports/public-filters";
import { listPublicReports } from "../../../lib/reports/list-public-reports";
import { foldClusterDeltas } from "../../../lib/tiles/fold-cluster-deltas";
import { getTile } from "../../../lib/tiles/get-tile";
import { statusGroupOf, type ReportStatus } from "../../../lib/workflow/states";
import { buildCategory, buildReport } from "../../helpers/builders";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";

/** The tile (z, x, y) that contains a point. */
function tileOf(lng: number, lat: number, z: number): [number, number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lng + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return [z, x, y];
}

function centreOfTile(z: number, x: number, y: number): [number, number] {
  const n = 2 ** z;
  const lng = ((x + 0.5) / n) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * (y + 0.5)) / n))) * 180) / Math.PI;
  return [lng, lat];
}

function decode(body: Buffer) {
  return new VectorTile(new PbfReader(body));
}

function features(body: Buffer, layer: string) {
  const tile = decode(body);
  const l = tile.layers[layer];
  if (!l) return [];
  return Array.from({ length: l.length }, (_, i) => {
    const f = l.feature(i);
    return { properties: f.properties, geometry: f.loadGeometry(), type: f.type };
  });
}

const secret = {
  name: "Skrivena Prijaviteljka",
  email: "skrivena.tile@mail.example",
  phone: "+381 65 4443322",
};

describe(`Vector tiles on the ${engine} engine`, () => {
  let world: Awaited<ReturnType<typeof buildWorkflowWorld>>;
  let hidden: Awaited<ReturnType<typeof buildCategory>>;
  // The centre of a zoom-15 tile, so every planted point lies well inside it.
  const origin = centreOfTile(...tileOf(21.205, 43.205, 15));
  const tile = (
    filters: PublicFilters = noFilters,
    z = 15,
    layer = "reports",
    extra: { encoder?: "js" } = {},
  ) => getDbHandle().then((handle) => getTile({ handle, layer, ...xyz(z), filters, ...extra }));
  const xyz = (z: number) => {
    const [zz, x, y] = tileOf(origin[0], origin[1], z);
    return { z: zz, x, y };
  };

  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 21.15, south: 43.15 });
    hidden = await buildCategory({ municipalityId: world.municipality.id, isPublic: false });
    const statuses: ReportStatus[] = [
      "received",
      "assigned",
      "in_progress",
      "resolved",
      "closed",
      "duplicate",
    ];
    for (const [i, status] of statuses.entries()) {
      await buildReport({
        municipalityId: world.municipality.id,
        categoryId: world.category.id,
        position: [origin[0] + i * 0.0002, origin[1] + i * 0.0001],
        status,
        contact: secret,
        description: `Opis koji nije za karte ${i}`,
      });
    }
    await buildReport({
      municipalityId: world.municipality.id,
      categoryId: hidden.id,
      position: origin,
      contact: secret,
    });
    await buildReport({
      municipalityId: world.municipality.id,
      categoryId: world.category.id,
      position: origin,
      isPublic: false,
      contact: secret,
    });
  });

  it("gives each public report as a point with only the attributes the map styles need", async () => {
    const points = features((await tile()).body, "reports");
    expect(points).toHaveLength(6);
    for (const p of points) {
      expect(Object.keys(p.properties).sort()).toEqual(["age", "category", "id", "status_group"]);
      expect(p.properties.category).toBe(world.category.serviceCode);
      expect(p.properties.age).toBe("week");
      expect(p.type).toBe(1);
    }
    expect(points.map((p) => p.properties.status_group).sort()).toEqual([
      "closed",
      "closed",
      "in_progress",
      "open",
      "open",
      "resolved",
    ]);
  });

  it("never carries the reporter's contact, the description, non-public reports or non-public categories", async () => {
    for (const z of [9, 11, 13, 15]) {
      const { body } = await tile(noFilters, z);
      const text = body.toString("latin1") + body.toString("utf8");
      for (const value of [secret.name, secret.email, secret.phone, "Skrivena", "Opis koji"])
        expect(text).not.toContain(value);
    }
    const points = features((await tile()).body, "reports");
    expect(points.every((p) => p.properties.category === world.category.serviceCode)).toBe(true);
  });

  it("draws clusters with counts by status group at low zoom, and they follow a status change", async () => {
    const db = await getDb();
    const counts = async () => {
      const clusters = features((await tile(noFilters, 10)).body, "clusters");
      return clusters.reduce(
        (sum, c) => ({
          count: sum.count + Number(c.properties.count),
          open: sum.open + Number(c.properties.open),
          resolved: sum.resolved + Number(c.properties.resolved),
        }),
        { count: 0, open: 0, resolved: 0 },
      );
    };
    expect(await counts()).toEqual({ count: 6, open: 2, resolved: 1 });
    const before = (await tile(noFilters, 10)).etag;
    await db.execute(
      sql`update reports set status = 'resolved' where municipality_id = ${world.municipality.id} and status = 'received'`,
    );
    expect(await counts()).toEqual({ count: 6, open: 1, resolved: 2 });
    expect((await tile(noFilters, 10)).etag).not.toBe(before);
    const pending = await queryOne<{ n: number }>(
      db,
      sql`select count(*)::int as n from report_cluster_deltas`,
    );
    expect(pending!.n).toBeGreaterThan(0);
    await foldClusterDeltas({ db });
    expect(
      (await queryOne<{ n: number }>(db, sql`select count(*)::int as n from report_cluster_deltas`))!.n,
    ).toBe(0);
    expect(await counts()).toEqual({ count: 6, open: 1, resolved: 2 });
    await db.execute(sql`update reports set status = 'received' where municipality_id = ${world.municipality.id} and status = 'resolved' and id = (
      select min(id) from reports where municipality_id = ${world.municipality.id} and status = 'resolved')`);
  });

  it("clusters through z13 (past the finest band, one cluster per band cell) and draws single reports from z14", async () => {
    for (const z of [12, 13]) {
      const { body } = await tile(noFilters, z);
      expect(features(body, "reports")).toEqual([]);
      const clusters = features(body, "clusters");
      expect(clusters.reduce((n, c) => n + Number(c.properties.count), 0)).toBe(6);
    }
    const close = (await tile(noFilters, 14)).body;
    expect(features(close, "clusters")).toEqual([]);
    expect(features(close, "reports")).toHaveLength(6);
  });

  it("keeps the stored counts equal to a recount from the reports at every band, per municipality", async () => {
    const db = await getDb();
    await foldClusterDeltas({ db });
    const mismatches = await queryRows(
      db,
      sql`with recount as (
            select b as band, floor((ST_X(location_3857) + 20037508.342789244) / (40075016.68557849 / (2 ^ b) / 16))::int as cell_x,
                   floor((20037508.342789244 - ST_Y(location_3857)) / (40075016.68557849 / (2 ^ b) / 16))::int as cell_y,
                   municipality_id, category_id, report_status_group(status::text) as status_group, count(*)::int as reports
            from reports cross join unnest(array[6, 9, 11]) b where is_public group by 1, 2, 3, 4, 5, 6)
          select * from recount r full join (select * from report_clusters where reports <> 0 and category_id <> 0) k
            using (band, cell_x, cell_y, municipality_id, category_id, status_group)
          where r.reports is distinct from k.reports`,
    );
    expect(mismatches).toEqual([]);
    // Category 0: every public category together, what the unfiltered map reads.
    const allCategories = await queryRows(
      db,
      sql`with recount as (
            select b as band, floor((ST_X(r.location_3857) + 20037508.342789244) / (40075016.68557849 / (2 ^ b) / 16))::int as cell_x,
                   floor((20037508.342789244 - ST_Y(r.location_3857)) / (40075016.68557849 / (2 ^ b) / 16))::int as cell_y,
                   r.municipality_id, report_status_group(r.status::text) as status_group, count(*)::int as reports
            from reports r join service_categories c on c.id = r.category_id cross join unnest(array[6, 9, 11]) b
            where r.is_public and c.is_public group by 1, 2, 3, 4, 5)
          select * from recount r full join (select * from report_clusters where reports <> 0 and category_id = 0) k
            using (band, cell_x, cell_y, municipality_id, status_group)
          where r.reports is distinct from k.reports`,
    );
    expect(allCategories).toEqual([]);
  });

  it("takes a category's reports into or out of the unfiltered clusters when it is made public or private", async () => {
    const db = await getDb();
    const sum = async () =>
      features((await tile(noFilters, 10)).body, "clusters").reduce(
        (n, c) => n + Number(c.properties.count),
        0,
      );
    const before = await sum();
    await db.execute(sql`update service_categories set is_public = true where id = ${hidden.id}`);
    expect(await sum()).toBe(before + 1);
    await db.execute(sql`update service_categories set is_public = false where id = ${hidden.id}`);
    expect(await sum()).toBe(before);
  });

  it("applies the category, status and period filters at every zoom", async () => {
    const db = await getDb();
    await buildReport({
      municipalityId: world.municipality.id,
      categoryId: world.category.id,
      position: [origin[0] + 0.0003, origin[1]],
      status: "received",
    });
    const old = await buildReport({
      municipalityId: world.municipality.id,
      categoryId: world.category.id,
      position: [origin[0] + 0.0004, origin[1]],
      status: "received",
    });
    await db
      .update(t.reports)
      .set({ createdAt: new Date(Date.now() - 40 * 86_400_000) })
      .where(sql`id = ${old.id}`);
    const open = { ...noFilters, statusGroups: ["open" as const] };
    expect(features((await tile(open)).body, "reports")).toHaveLength(4);
    const recent = { ...noFilters, periodDays: 30 };
    expect(features((await tile(recent)).body, "reports")).toHaveLength(7);
    const sum = async (filters: PublicFilters) =>
      features((await tile(filters, 10)).body, "clusters").reduce(
        (n, c) => n + Number(c.properties.count),
        0,
      );
    expect(await sum(noFilters)).toBe(8);
    expect(await sum(open)).toBe(4);
    expect(await sum(recent)).toBe(7);
    expect(await sum({ ...noFilters, categories: ["nothing_here"] })).toBe(0);
    const ages = features((await tile()).body, "reports").map((p) => p.properties.age);
    expect(ages.filter((a) => a === "year")).toHaveLength(1);
  });

  it("shows the current reports: every unfinished one and those finished in the last 30 days, at every zoom", async () => {
    const db = await getDb();
    const inWorld = (status: ReportStatus) =>
      sql`municipality_id = ${world.municipality.id} and status = ${status}`;
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
    // Resolved 40 days ago: past; closed three days ago: current; a duplicate last changed 60 days ago: past.
    await db
      .update(t.reports)
      .set({ resolvedAt: daysAgo(40), closedAt: null })
      .where(inWorld("resolved"));
    await db
      .update(t.reports)
      .set({ resolvedAt: null, closedAt: daysAgo(3) })
      .where(inWorld("closed"));
    await db
      .update(t.reports)
      .set({ resolvedAt: null, closedAt: null, updatedAt: daysAgo(60) })
      .where(inWorld("duplicate"));
    const current = { ...noFilters, recentlyFinishedDays: RECENTLY_RESOLVED_DAYS };
    const all = features((await tile()).body, "reports");
    const now = features((await tile(current)).body, "reports");
    expect(now).toHaveLength(all.length - 2);
    expect(now.map((p) => p.properties.status_group)).not.toContain("resolved");
    expect(now.filter((p) => p.properties.status_group === "closed")).toHaveLength(1);
    const sum = async (filters: PublicFilters, z: number) =>
      features((await tile(filters, z)).body, "clusters").reduce((n, c) => n + Number(c.properties.count), 0);
    // z10 reads the maintained counts plus the month's finished reports; a period makes it count live.
    for (const z of [6, 10, 13]) expect(await sum(current, z)).toBe((await sum(noFilters, z)) - 2);
    expect(await sum({ ...current, periodDays: 365 }, 10)).toBe(all.length - 2);
    const closedNow = features((await tile({ ...current, statusGroups: ["closed"] }, 10)).body, "clusters");
    expect(closedNow.reduce((n, c) => n + Number(c.properties.closed), 0)).toBe(1);
    // The list beside the map holds the same reports.
    const listed = await listPublicReports({
      db,
      bbox: [origin[0] - 0.01, origin[1] - 0.01, origin[0] + 0.01, origin[1] + 0.01],
      locale: "en",
      filters: current,
    });
    expect(listed.features.map((f) => f.properties.code).sort()).toEqual(
      now.map((p) => p.properties.id).sort(),
    );
  });

  it("gives the same features and attributes whether PostGIS or JS encodes the tile", async () => {
    for (const [z, layer, source] of [
      [15, "reports", "reports"],
      [10, "reports", "clusters"],
      [6, "reports", "clusters"],
    ] as const) {
      const database = features((await tile(noFilters, z, layer)).body, source);
      const js = features((await tile(noFilters, z, layer, { encoder: "js" })).body, source);
      const key = (f: (typeof js)[number]) => JSON.stringify(Object.entries(f.properties).sort());
      expect(database.map(key).sort()).toEqual(js.map(key).sort());
      const position = new Map(js.map((f) => [key(f), f.geometry[0]![0]!]));
      for (const f of database) {
        const other = position.get(key(f))!;
        expect(Math.abs(other.x - f.geometry[0]![0]!.x)).toBeLessThanOrEqual(1);
        expect(Math.abs(other.y - f.geometry[0]![0]!.y)).toBeLessThanOrEqual(1);
      }
    }
    const mvt = (await getCapabilities(await getDbHandle())).supportsMvt;
    expect(mvt).toBe(engine === "server");
  });

  it("serves districts and works sites with public fields only", async () => {
    const db = await getDb();
    const [permit] = await db
      .insert(t.permits)
      .values({
        municipalityId: world.municipality.id,
        reference: "350-1/2026",
        kind: "excavation",
        status: "active",
        holderName: "Petar Privatnik",
        holderIsCompany: false,
        worksDescription: "Iskop za vodovod",
        site: {
          type: "MultiPolygon",
          coordinates: [
            [
              [
                [21.2, 43.2],
                [21.21, 43.2],
                [21.21, 43.21],
                [21.2, 43.21],
                [21.2, 43.2],
              ],
            ],
          ],
        },
        validFrom: "2026-01-01",
        validTo: "2099-12-31",
      })
      .returning();
    expect(permit).toBeDefined();
    const sites = features((await tile(noFilters, 13, "permits")).body, "permits");
    expect(sites.map((s) => s.properties)).toEqual([
      {
        id: "350-1/2026",
        kind: "excavation",
        status: "active",
        valid_from: "2026-01-01",
        valid_to: "2099-12-31",
      },
    ]);
    expect((await tile(noFilters, 13, "permits")).body.toString("utf8")).not.toContain("Privatnik");
    const areas = features((await tile(noFilters, 10, "districts")).body, "districts");
    expect(areas.every((a) => a.type === 3)).toBe(true);
  });

  it("agrees with the procedure's status groups in SQL", async () => {
    const rows = await queryRows<{ status: ReportStatus; grp: string }>(
      await getDb(),
      sql`select s as status, report_status_group(s) as grp from unnest(enum_range(null::report_status)::text[]) s`,
    );
    for (const row of rows) expect(row.grp).toBe(statusGroupOf[row.status]);
  });

  it("answers over HTTP with an ETag, 304 for an unchanged layer, and a localized 400 or 404 for bad requests", async () => {
    const { z, x, y } = xyz(15);
    const request = (path: string, headers: Record<string, string> = {}) =>
      new NextRequest(new URL(path, "http://localhost"), { headers });
    const ctx = (layer: string, zz: string, xx: string, yy: string) => ({
      params: Promise.resolve({ layer, z: zz, x: xx, y: yy }),
    });
    const first = await getTileRoute(
      request(`/api/tiles/reports/${z}/${x}/${y}.mvt`),
      ctx("reports", String(z), String(x), `${y}.mvt`),
    );
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/vnd.mapbox-vector-tile");
    const etag = first.headers.get("etag")!;
    const again = await getTileRoute(
      request(`/api/tiles/reports/${z}/${x}/${y}.mvt`, { "if-none-match": etag }),
      ctx("reports", String(z), String(x), `${y}.mvt`),
    );
    expect(again.status).toBe(304);
    await buildReport({
      municipalityId: world.municipality.id,
      categoryId: world.category.id,
      position: origin,
    });
    const changed = await getTileRoute(
      request(`/api/tiles/reports/${z}/${x}/${y}.mvt`, { "if-none-match": etag }),
      ctx("reports", String(z), String(x), `${y}.mvt`),
    );
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);

    const bad = await getTileRoute(
      request(`/api/tiles/reports/23/0/0.mvt?lang=en`),
      ctx("reports", "23", "0", "0.mvt"),
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/zoom 0–22/);
    const outside = await getTileRoute(
      request(`/api/tiles/reports/2/4/0.mvt`),
      ctx("reports", "2", "4", "0.mvt"),
    );
    expect(outside.status).toBe(400);
    const layer = await getTileRoute(
      request(`/api/tiles/contacts/2/0/0.mvt?lang=sr-Latn`),
      ctx("contacts", "2", "0", "0.mvt"),
    );
    expect(layer.status).toBe(404);
    expect((await layer.json()).error.message).toMatch(/sloj/);
    const filter = await getTileRoute(
      request(`/api/tiles/reports/2/0/0.mvt?status=lost`),
      ctx("reports", "2", "0", "0.mvt"),
    );
    expect(filter.status).toBe(400);
  });
});
