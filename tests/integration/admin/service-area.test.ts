import { sql } from "drizzle-orm";
import type { Polygon, Position } from "geojson";
import { beforeAll, describe, expect, it } from "vitest";
import { PUT as putArea } from "../../../app/api/admin/organisations/[id]/service-area/route";
import { POST as checkArea } from "../../../app/api/admin/organisations/[id]/service-area/check/route";
import { getDb } from "../../../db/client";
import { queryRows } from "../../../db/query";
import { loadAdminScope } from "../../../lib/admin/admin-scope";
import { setServiceArea } from "../../../lib/admin/set-service-area";
import { isAppError } from "../../../lib/errors";
import { routeReport } from "../../../lib/routing/route-report";
import { buildAdminWorld, callAs, serviceAreaOf } from "../../helpers/admin-world";
import { box } from "../../helpers/builders";
import { engine } from "../../helpers/engine";

const W = 23;
const S = 42;

/** A ring of `n` points on a circle inside the test municipality (n + 1 positions, closed). */
function circle(n: number, centre: Position = [W + 0.05, S + 0.05], radius = 0.02): Polygon {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    ring.push([centre[0]! + radius * Math.cos(a), centre[1]! + radius * Math.sin(a)]);
  }
  ring.push(ring[0]!);
  return { type: "Polygon", coordinates: [ring] };
}

describe(`service areas on the ${engine} engine`, () => {
  let world: Awaited<ReturnType<typeof buildAdminWorld>>;
  const north = box(W + 0.01, S + 0.05, W + 0.09, S + 0.09);

  beforeAll(async () => {
    world = await buildAdminWorld({ west: W, south: S });
  });

  const check = (area: unknown, user = world.admin, id = world.water.id) =>
    callAs(checkArea, user, {
      method: "POST",
      path: `/api/admin/organisations/${id}/service-area/check`,
      id,
      body: { area },
    });

  it("accepts a Polygon, a MultiPolygon, a Feature and a FeatureCollection of polygons, as text or as JSON, and reports vertices and size", async () => {
    const polygon = await check(north);
    expect(polygon.status).toBe(200);
    expect(polygon.body).toMatchObject({
      area: { type: "MultiPolygon", coordinates: [north.coordinates] },
      vertices: 5,
    });
    // 0.08° × 0.04° at 42° N is about 6.6 km × 4.4 km.
    expect(polygon.body.areaSquareMetres as number).toBeGreaterThan(25_000_000);
    expect(polygon.body.areaSquareMetres as number).toBeLessThan(35_000_000);
    const feature = await check(
      JSON.stringify({ type: "Feature", properties: { name: "sever" }, geometry: north }),
    );
    expect(feature.status).toBe(200);
    const south = box(W + 0.01, S + 0.01, W + 0.04, S + 0.04);
    const collection = await check({
      type: "FeatureCollection",
      features: [north, south].map((g) => ({ type: "Feature", properties: {}, geometry: g })),
    });
    expect(collection.status).toBe(200);
    expect((collection.body.area as { coordinates: unknown[] }).coordinates).toHaveLength(2);
    expect(collection.body.vertices).toBe(10);
  });

  it("refuses bad areas with a localized reason: self-intersecting, empty, outside the municipality, too many vertices, wrong type, malformed JSON", async () => {
    const bowtie: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [W + 0.01, S + 0.01],
          [W + 0.05, S + 0.05],
          [W + 0.05, S + 0.01],
          [W + 0.01, S + 0.05],
          [W + 0.01, S + 0.01],
        ],
      ],
    };
    const cases: Array<[unknown, string, string]> = [
      [bowtie, "self_intersecting", "The outline crosses itself. Draw it without crossing lines."],
      [
        { type: "MultiPolygon", coordinates: [] },
        "empty",
        "The area is empty: it has no polygon or no surface.",
      ],
      [
        { type: "FeatureCollection", features: [] },
        "empty",
        "The area is empty: it has no polygon or no surface.",
      ],
      // Zero area: every corner on one line.
      [
        {
          type: "Polygon",
          coordinates: [
            [
              [W + 0.01, S + 0.01],
              [W + 0.02, S + 0.02],
              [W + 0.03, S + 0.03],
              [W + 0.01, S + 0.01],
            ],
          ],
        },
        "empty",
        "The area is empty: it has no polygon or no surface.",
      ],
      [
        box(W + 0.05, S + 0.05, W + 0.2, S + 0.09),
        "outside_area",
        "The shape reaches outside the municipality.",
      ],
      [circle(10_001), "too_many_vertices", "The shape has too many points (at most 10,000)."],
      [
        {
          type: "LineString",
          coordinates: [
            [W + 0.01, S + 0.01],
            [W + 0.02, S + 0.02],
          ],
        },
        "wrong_type",
        "A service area must be one or more polygons. Accepted: Polygon, MultiPolygon, Feature, FeatureCollection; points and lines are not.",
      ],
      [
        {
          type: "FeatureCollection",
          features: [
            { type: "Feature", properties: {}, geometry: north },
            {
              type: "Feature",
              properties: {},
              geometry: { type: "Point", coordinates: [W + 0.05, S + 0.05] },
            },
          ],
        },
        "wrong_type",
        "A service area must be one or more polygons. Accepted: Polygon, MultiPolygon, Feature, FeatureCollection; points and lines are not.",
      ],
      [
        { type: "GeometryCollection", geometries: [north] },
        "wrong_type",
        "A service area must be one or more polygons. Accepted: Polygon, MultiPolygon, Feature, FeatureCollection; points and lines are not.",
      ],
      [
        '{"type": "Polygon", "coordinates": [[[23.01, 42.01],',
        "malformed_json",
        "The file is not well-formed and cannot be read. Export it again from the GIS program.",
      ],
      [
        {
          type: "Polygon",
          coordinates: [
            [
              [W + 0.01, S + 0.01],
              [W + 0.02, S + 0.02],
              [W + 0.03, S + 0.01],
              [W + 0.02, S],
            ],
          ],
        },
        "ring_not_closed",
        "The area's outline is not closed.",
      ],
    ];
    for (const [area, reason, message] of cases) {
      const res = await check(area);
      expect(res.status, `${reason} ${JSON.stringify(area).slice(0, 120)}`).toBe(422);
      expect(res.body.error?.details?.reason, JSON.stringify(area).slice(0, 80)).toBe(reason);
      expect(res.body.error?.message).toBe(message);
    }
    // Exactly at the limit is fine.
    expect((await check(circle(9_999))).status).toBe(200);
  });

  it("saves an area, routes new reports by it, clears it to the whole municipality, and records each change", async () => {
    const res = await callAs(putArea, world.admin, {
      method: "PUT",
      path: `/api/admin/organisations/${world.water.id}/service-area`,
      id: world.water.id,
      body: { area: north },
    });
    expect(res.status).toBe(200);
    expect(await serviceAreaOf(world.water.id)).toEqual({
      type: "MultiPolygon",
      coordinates: [north.coordinates],
    });
    const db = await getDb();
    const route = (position: Position) =>
      routeReport({
        db,
        municipalityId: world.municipality.id,
        responsibleKind: "utility_company",
        responsibleSector: "water",
        position,
      });
    expect(await route([W + 0.05, S + 0.07])).toMatchObject({
      organisationId: world.water.id,
      reason: "service_area",
    });
    expect(await route([W + 0.05, S + 0.02])).toMatchObject({
      organisationId: null,
      reason: "no_organisation",
    });

    const cleared = await callAs(putArea, world.admin, {
      method: "PUT",
      path: `/api/admin/organisations/${world.water.id}/service-area`,
      id: world.water.id,
      body: { area: null },
    });
    expect(cleared.status).toBe(200);
    expect(await serviceAreaOf(world.water.id)).toBeNull();
    expect(await route([W + 0.05, S + 0.02])).toMatchObject({ organisationId: world.water.id });
    const audit = await queryRows<{ action: string; actor_user_id: number; after: { serviceArea: unknown } }>(
      db,
      sql`select action, actor_user_id, after from admin_audit where entity = 'service_area' and entity_id = ${world.water.id} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(["updated", "cleared"]);
    expect(audit[0]!.actor_user_id).toBe(world.admin.id);
    expect(audit[0]!.after.serviceArea).toMatchObject({ type: "MultiPolygon" });
    expect(audit[1]!.after.serviceArea).toBeNull();
  });

  it("changes nothing on bad input", async () => {
    await setServiceArea({
      db: await getDb(),
      scope: await loadAdminScope({ db: await getDb(), user: world.admin }),
      actorUserId: world.admin.id,
      organisationId: world.roads.id,
      geojson: north,
    });
    const before = await serviceAreaOf(world.roads.id);
    const auditBefore = await queryRows<{ n: number }>(
      await getDb(),
      sql`select count(*)::int as n from admin_audit`,
    );
    for (const area of [
      "not json",
      { type: "Point", coordinates: [W, S] },
      box(W - 1, S, W + 0.05, S + 0.05),
      {},
    ]) {
      const res = await callAs(putArea, world.admin, {
        method: "PUT",
        path: `/api/admin/organisations/${world.roads.id}/service-area`,
        id: world.roads.id,
        body: { area },
      });
      expect(res.status).toBe(422);
    }
    const missing = await callAs(putArea, world.admin, {
      method: "PUT",
      path: `/api/admin/organisations/${world.roads.id}/service-area`,
      id: world.roads.id,
      body: {},
    });
    expect(missing.status).toBe(422);
    expect(await serviceAreaOf(world.roads.id)).toEqual(before);
    expect(
      await queryRows<{ n: number }>(await getDb(), sql`select count(*)::int as n from admin_audit`),
    ).toEqual(auditBefore);
  });

  it("lets an organisation's admin change their own organisation's area only, and nobody without the permission", async () => {
    const own = await callAs(putArea, world.waterAdmin, {
      method: "PUT",
      path: `/api/admin/organisations/${world.water.id}/service-area`,
      id: world.water.id,
      body: { area: north },
    });
    expect(own.status).toBe(200);
    const roadsBefore = await serviceAreaOf(world.roads.id);
    const other = await callAs(putArea, world.waterAdmin, {
      method: "PUT",
      path: `/api/admin/organisations/${world.roads.id}/service-area`,
      id: world.roads.id,
      body: { area: null },
    });
    expect(other.status).toBe(404);
    const agent = await callAs(putArea, world.agent, {
      method: "PUT",
      path: `/api/admin/organisations/${world.roads.id}/service-area`,
      id: world.roads.id,
      body: { area: null },
    });
    expect(agent.status).toBe(403);
    const anonymous = await callAs(putArea, null, {
      method: "PUT",
      path: `/api/admin/organisations/${world.roads.id}/service-area`,
      id: world.roads.id,
      body: { area: null },
    });
    expect(anonymous.status).toBe(401);
    const crossSite = await callAs(putArea, world.admin, {
      method: "PUT",
      path: `/api/admin/organisations/${world.roads.id}/service-area`,
      id: world.roads.id,
      body: { area: null },
      origin: "https://evil.example",
    });
    expect(crossSite.status).toBe(403);
    expect(await serviceAreaOf(world.roads.id)).toEqual(roadsBefore);
    expect(roadsBefore).not.toBeNull();
  });

  it("keeps the lib's error a typed AppError", async () => {
    const err = await setServiceArea({
      db: await getDb(),
      scope: await loadAdminScope({ db: await getDb(), user: world.admin }),
      actorUserId: world.admin.id,
      organisationId: world.water.id,
      geojson: "{",
    }).catch((e: unknown) => e);
    expect(isAppError(err) && err.messageKey).toBe("geometry_malformed_json");
  });
});
