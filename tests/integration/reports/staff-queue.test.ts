import { sessionUserOf } from "../../helpers/session";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import type { SessionUser } from "../../../lib/auth/staff-user";
import { listStaffQueue } from "../../../lib/reports/list-staff-queue";
import { buildCategory, buildReport } from "../../helpers/builders";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";

describe(`one organisation's queue on the ${engine} engine`, () => {
  it("shows a utility company only the open reports routed to it, and the desk any company's", async () => {
    const db = await getDb();
    const world = await buildWorkflowWorld({ west: 21.6, south: 43.6 });
    const roadsCategory = await buildCategory({ municipalityId: world.municipality.id, sector: "roads" });
    const water = await buildReport({
      municipalityId: world.municipality.id,
      categoryId: world.category.id,
      position: world.inside,
      status: "assigned",
    });
    const roads = await buildReport({
      municipalityId: world.municipality.id,
      categoryId: roadsCategory.id,
      position: world.inside,
      status: "assigned",
    });
    const done = await buildReport({
      municipalityId: world.municipality.id,
      categoryId: world.category.id,
      position: world.inside,
      status: "closed",
    });
    await db.execute(
      sql`update reports set assigned_organisation_id = ${world.water.id} where id in (${water.id}, ${done.id})`,
    );
    await db.execute(
      sql`update reports set assigned_organisation_id = ${world.roads.id} where id = ${roads.id}`,
    );

    const m = world.municipality.id;
    const operator: SessionUser = sessionUserOf({
      id: world.lead.id,
      memberships: [{ role: "utility_operator", organisationId: world.water.id, municipalityId: m }],
    });
    const outsider: SessionUser = sessionUserOf({
      id: world.lead.id,
      memberships: [{ role: "utility_operator", organisationId: world.roads.id, municipalityId: m }],
    });
    const agent: SessionUser = sessionUserOf({
      id: world.lead.id,
      memberships: [{ role: "agent", organisationId: world.contactCentre.id, municipalityId: m }],
    });
    const codes = async (user: SessionUser) =>
      (await listStaffQueue({ db, user, scope: { organisationId: world.water.id }, locale: "en" })).map(
        (i) => i.id,
      );

    expect(await codes(operator)).toEqual([water.id]);
    expect(await codes(outsider)).toEqual([]);
    expect(await codes(agent)).toEqual([water.id]);
    const found = await listStaffQueue({
      db,
      user: operator,
      scope: { organisationId: world.water.id },
      locale: "en",
      search: water.trackingCode.slice(0, 6).toLowerCase(),
    });
    expect(found.map((i) => i.id)).toEqual([water.id]);
    const none = await listStaffQueue({
      db,
      user: operator,
      scope: { organisationId: world.water.id },
      locale: "en",
      search: "%",
    });
    expect(none.map((i) => i.id)).toEqual([]);
  });
});
