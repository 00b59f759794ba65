import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as bulkAssign } from "../../../app/api/staff/reports/bulk/route";
import { getDb } from "../../../db/client";
import { queryRows } from "../../../db/query";
import * as t from "../../../db/schema";
import { loadSessionUser } from "../../../lib/auth/staff-user";
import { fileReport } from "../../../lib/reports/file-report";
import { listFieldQueue } from "../../../lib/reports/list-field-queue";
import { engine } from "../../helpers/engine";
import { sessionCookie, staffRequest } from "../../helpers/session";
import { buildWorkflowWorld } from "../../helpers/world";

describe(`the field list and bulk assignment on the ${engine} engine`, () => {
  let world: Awaited<ReturnType<typeof buildWorkflowWorld>>;

  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 20.1, south: 42.1 });
  });

  async function staffUser(role: t.Membership["role"], organisationId: number) {
    const db = await getDb();
    const [u] = await db
      .insert(t.users)
      .values({ email: `${role}-${Date.now()}-${Math.random()}@x.example`, name: role })
      .returning();
    await db
      .insert(t.memberships)
      .values({ userId: u!.id, municipalityId: world.municipality.id, organisationId, role });
    return (await loadSessionUser(db, u!.id))!;
  }

  it("orders a crew's open reports nearest first from where they stand, with distances in metres", async () => {
    const db = await getDb();
    const [x, y] = world.inside;
    const far = await fileReport({
      db,
      report: { serviceCode: world.category.serviceCode, position: [x + 0.02, y], description: "daleko" },
    });
    const near = await fileReport({
      db,
      report: { serviceCode: world.category.serviceCode, position: [x + 0.001, y], description: "blizu" },
    });
    const mid = await fileReport({
      db,
      report: { serviceCode: world.category.serviceCode, position: [x + 0.01, y], description: "sredina" },
    });
    const crew = await staffUser("utility_operator", world.water.id);
    const items = await listFieldQueue({ db, user: crew, position: [x, y], locale: "en" });
    const codes = items.map((i) => i.code);
    expect(codes.indexOf(near.trackingCode)).toBeLessThan(codes.indexOf(mid.trackingCode));
    expect(codes.indexOf(mid.trackingCode)).toBeLessThan(codes.indexOf(far.trackingCode));
    const nearItem = items.find((i) => i.code === near.trackingCode)!;
    expect(nearItem.distanceMetres).toBe(Math.round(0.001 * 111_320 * Math.cos((y * Math.PI) / 180)));
    const other = await staffUser("utility_operator", world.roads.id);
    expect(
      (await listFieldQueue({ db, user: other, position: [x, y], locale: "en" })).map((i) => i.code),
    ).not.toContain(near.trackingCode);
  });

  it("refuses an empty or malformed bulk request and a position that is not a number, changing nothing", async () => {
    const { GET: field } = await import("../../../app/api/staff/field/route");
    const agent = await staffUser("agent", world.contactCentre.id);
    const cookie = await sessionCookie(agent);
    const before = await queryRows<{ n: number }>(
      await getDb(),
      sql`select count(*)::int as n from report_events`,
    );
    for (const body of [
      { items: [], organisationId: world.roads.id },
      { items: [{ id: "x", expectedVersion: 1 }], organisationId: world.roads.id },
      {},
    ]) {
      const res = await bulkAssign(
        staffRequest("/api/staff/reports/bulk", { method: "POST", cookie, body }),
        { params: Promise.resolve({}) },
      );
      expect(res.status).toBe(422);
    }
    expect(
      await queryRows<{ n: number }>(await getDb(), sql`select count(*)::int as n from report_events`),
    ).toEqual(before);
    const crew = await staffUser("utility_operator", world.water.id);
    const bad = await field(
      staffRequest("/api/staff/field?lng=east&lat=44", { cookie: await sessionCookie(crew) }),
      { params: Promise.resolve({}) },
    );
    expect(bad.status).toBe(400);
  });

  it("assigns many reports at once, leaving the ones that changed meanwhile", async () => {
    const db = await getDb();
    const a = await fileReport({
      db,
      report: { serviceCode: world.category.serviceCode, position: world.inside, description: "a" },
    });
    const b = await fileReport({
      db,
      report: { serviceCode: world.category.serviceCode, position: world.inside, description: "b" },
    });
    await db.execute(sql`update reports set version = version + 1 where id = ${b.id}`);
    const agent = await staffUser("agent", world.contactCentre.id);
    const res = await bulkAssign(
      staffRequest("/api/staff/reports/bulk", {
        method: "POST",
        cookie: await sessionCookie(agent),
        body: {
          items: [
            { id: a.id, expectedVersion: 1 },
            { id: b.id, expectedVersion: 1 },
          ],
          organisationId: world.roads.id,
        },
      }),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(200);
    const { results } = await res.json();
    expect(results).toEqual([
      { id: a.id, ok: true, version: 2 },
      { id: b.id, ok: false, code: "conflict", messageKey: "versionConflict" },
    ]);
    const rows = await queryRows<{ id: number; assigned_organisation_id: number }>(
      db,
      sql`select id, assigned_organisation_id from reports where id in (${a.id}, ${b.id}) order by id`,
    );
    expect(rows.map((r) => r.assigned_organisation_id)).toEqual([world.roads.id, world.water.id]);
  });
});
