import { VectorTile } from "@mapbox/vector-tile";
import { PbfReader } from "pbf";
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as bulkAssign } from "../../../app/api/staff/reports/bulk/route";
import { GET as open311Get } from "../../../app/open311/v2/[resource]/route";
import { getDb, getDbHandle } from "../../../db/client";
import { queryOne, queryRows } from "../../../db/query";
import { loadSessionUser, type SessionUser } from "../../../lib/auth/staff-user";
import { actorOfUser } from "../../../lib/auth/actor";
import { resolveJurisdiction } from "../../../lib/open311/services";
import { getPublicMunicipality } from "../../../lib/places/get-municipality";
import { fileReport } from "../../../lib/reports/file-report";
import { getStaffReport } from "../../../lib/reports/get-staff-report";
import { listPublicReports } from "../../../lib/reports/list-public-reports";
import { noFilters } from "../../../lib/reports/public-filters";
import { getTile } from "../../../lib/tiles/get-tile";
import { createTrainingMunicipality } from "../../../lib/training/create-training-municipality";
import { performReportAction } from "../../../lib/workflow/perform-report-action";
import { engine } from "../../helpers/engine";
import { sessionCookie } from "../../helpers/session";
import { buildWorkflowWorld } from "../../helpers/world";

const outboxCount = async () =>
  (await queryOne<{ n: number }>(await getDb(), sql`select count(*)::int as n from outbox_messages`))!.n;

function tileOf(lng: number, lat: number, z: number) {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return {
    z,
    x: Math.floor(((lng + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  };
}

describe(`training mode on the ${engine} engine`, () => {
  let world: Awaited<ReturnType<typeof buildWorkflowWorld>>;
  let training: Awaited<ReturnType<typeof createTrainingMunicipality>>;
  let trainee: SessionUser;
  let realReportId: number;

  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 19.8, south: 45.2 });
    const db = await getDb();
    for (let i = 0; i < 3; i++) {
      const filed = await fileReport({
        db,
        report: {
          serviceCode: world.category.serviceCode,
          position: [world.inside[0] + i * 0.001, world.inside[1]],
          description: `Stvarna prijava ${i}`,
          contact: { name: "Pravi Građanin", email: `pravi${i}@mail.example` },
        },
      });
      realReportId = filed.id;
    }
    // A local community around the reports, to be copied with the municipality.
    await db.execute(
      sql`insert into districts (municipality_id, code, name, area)
          values (${world.municipality.id}, 'centar', ${JSON.stringify({ "sr-Latn": "Centar", "sr-Cyrl": "Центар", en: "Centre" })}::jsonb,
                  ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(${world.inside[0]}, ${world.inside[1]}), 4326), 0.01)))`,
    );
    training = await createTrainingMunicipality({
      db,
      fromCode: world.municipality.code,
      trainees: [
        {
          email: `trainee-${world.municipality.code}@town.example`,
          name: "Polaznik Obuke",
          role: "agent",
          organisationCode: "contact-centre",
        },
      ],
      baseUrl: "http://localhost:3000",
    });
    const user = await queryOne<{ id: number }>(
      db,
      sql`select id from users where email = ${`trainee-${world.municipality.code}@town.example`}`,
    );
    trainee = (await loadSessionUser(db, user!.id))!;
  });

  it("copies the municipality with demo reports that carry no personal data and are not public", async () => {
    const db = await getDb();
    expect(training).toMatchObject({
      code: `${world.municipality.code}-trening`,
      demoReports: 3,
      invitations: [{ link: expect.stringContaining("/invite/") }],
    });
    const demo = await queryRows<{ is_public: boolean; contacts: number }>(
      db,
      sql`select r.is_public, (select count(*)::int from report_contacts c where c.report_id = r.id) as contacts from reports r where r.municipality_id = ${training.municipalityId}`,
    );
    expect(demo).toHaveLength(3);
    expect(demo.every((r) => !r.is_public && r.contacts === 0)).toBe(true);
    expect(trainee.municipalityIds).toEqual([training.municipalityId]);
  });

  it("copies the local communities, and the demo reports sit in them as in the real municipality", async () => {
    const db = await getDb();
    const districts = await queryRows<{ code: string; same_area: boolean }>(
      db,
      sql`select t.code, ST_Equals(t.area, r.area) as same_area
          from districts t join districts r on r.code = t.code and r.municipality_id = ${world.municipality.id}
          where t.municipality_id = ${training.municipalityId} order by t.code`,
    );
    const real = await queryOne<{ n: number }>(
      db,
      sql`select count(*)::int as n from districts where municipality_id = ${world.municipality.id}`,
    );
    expect(real!.n).toBeGreaterThan(0);
    expect(districts).toHaveLength(real!.n);
    expect(districts.every((d) => d.same_area)).toBe(true);
    const placed = await queryOne<{ n: number; with_district: number }>(
      db,
      sql`select count(*)::int as n, count(r.district_id)::int as with_district
          from reports r join districts d on ST_Covers(d.area, r.location) and d.municipality_id = r.municipality_id
          where r.municipality_id = ${training.municipalityId}`,
    );
    expect(placed!.n).toBeGreaterThan(0);
    expect(placed!.with_district).toBe(placed!.n);
  });

  it("files a trainee's report in training, sends nothing, and keeps citizens' reports out of training", async () => {
    const db = await getDb();
    const before = await outboxCount();
    const practice = await fileReport({
      db,
      report: {
        serviceCode: world.category.serviceCode,
        position: world.inside,
        description: "Vežba: curenje vode.",
        channel: "phone",
        contact: { email: "vezba@mail.example" },
      },
      municipalityIds: trainee.municipalityIds,
      filedBy: { userId: trainee.id, organisationId: trainee.organisationIds[0] ?? null },
    });
    const row = await queryOne<{ municipality_id: number; is_public: boolean }>(
      db,
      sql`select municipality_id, is_public from reports where id = ${practice.id}`,
    );
    expect(row).toEqual({ municipality_id: training.municipalityId, is_public: false });
    // The trainee takes the procedure further: still nothing leaves.
    await performReportAction({
      db,
      reportId: practice.id,
      expectedVersion: 1,
      actor: actorOfUser(trainee),
      action: {
        type: "assign",
        organisationId: (await queryOne<{ id: number }>(
          db,
          sql`select id from organisations where municipality_id = ${training.municipalityId} and code = 'roads'`,
        ))!.id,
      },
    });
    expect(await outboxCount()).toBe(before);

    const citizen = await fileReport({
      db,
      report: {
        serviceCode: world.category.serviceCode,
        position: world.inside,
        description: "Prava prijava građanina.",
        contact: { email: "gradjanin@mail.example" },
      },
    });
    const citizenRow = await queryOne<{ municipality_id: number }>(
      db,
      sql`select municipality_id from reports where id = ${citizen.id}`,
    );
    expect(citizenRow?.municipality_id).toBe(world.municipality.id);
    expect(await outboxCount()).toBeGreaterThan(before);
  });

  it("does not let a trainee see or change real reports", async () => {
    const db = await getDb();
    expect(await getStaffReport({ db, id: realReportId, user: trainee, locale: "en" })).toBeNull();
    const res = await bulkAssign(
      new NextRequest("http://localhost/api/staff/reports/bulk?lang=en", {
        method: "POST",
        body: JSON.stringify({
          items: [{ id: realReportId, expectedVersion: 1 }],
          organisationId: world.roads.id,
        }),
        headers: {
          cookie: await sessionCookie(trainee),
          origin: "http://localhost",
          host: "localhost",
          "content-type": "application/json",
        },
      }),
      { params: Promise.resolve({}) },
    );
    expect((await res.json()).results).toEqual([
      { id: realReportId, ok: false, code: "not_found", messageKey: "reportNotFound" },
    ]);
    const real = await queryOne<{ owner: number; version: number }>(
      db,
      sql`select assigned_organisation_id as owner, version from reports where id = ${realReportId}`,
    );
    expect(real).toEqual({ owner: world.water.id, version: 1 });
  });

  it("keeps training out of the public map, the tiles, Open311 and the public pages", async () => {
    const db = await getDb();
    const [w, s] = world.inside.map((v) => v - 0.05) as [number, number];
    const map = await listPublicReports({ db, bbox: [w, s, w + 0.1, s + 0.1], locale: "en" });
    const mapCodes = map.features.map((f) => f.properties.code);
    const trainingCodes = (
      await queryRows<{ code: string }>(
        db,
        sql`select tracking_code as code from reports where municipality_id = ${training.municipalityId}`,
      )
    ).map((r) => r.code);
    expect(mapCodes.length).toBeGreaterThanOrEqual(4);
    expect(mapCodes.filter((c) => trainingCodes.includes(c))).toEqual([]);

    const { z, x, y } = tileOf(world.inside[0], world.inside[1], 14);
    const tile = await getTile({
      handle: await getDbHandle(),
      layer: "reports",
      z,
      x,
      y,
      filters: noFilters,
      encoder: "js",
    });
    const layer = new VectorTile(new PbfReader(tile.body)).layers.reports;
    const tileCodes = Array.from({ length: layer?.length ?? 0 }, (_, i) =>
      String(layer!.feature(i).properties.id),
    );
    expect(tileCodes.length).toBeGreaterThan(0);
    expect(tileCodes.filter((c) => trainingCodes.includes(c))).toEqual([]);

    expect(await resolveJurisdiction(db, training.code)).toBeNull();
    const open311 = await open311Get(
      new NextRequest(`http://localhost/open311/v2/requests.json?jurisdiction_id=${training.code}`),
      { params: Promise.resolve({ resource: "requests.json" }) },
    );
    expect(open311.status).toBe(404);
    expect((await getPublicMunicipality({ db, code: training.code }))?.code).not.toBe(training.code);
  });
});
