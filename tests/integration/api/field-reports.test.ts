import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "../../../app/api/staff/field/reports/route";
import { getDb } from "../../../db/client";
import { queryOne, queryRows } from "../../../db/query";
import * as t from "../../../db/schema";
import { loadSessionUser, type SessionUser } from "../../../lib/auth/staff-user";
import { engine } from "../../helpers/engine";
import { sessionCookie } from "../../helpers/session";
import { buildCategory } from "../../helpers/builders";
import { buildWorkflowWorld } from "../../helpers/world";

function multipart(data: unknown, cookie: string, locale = "en") {
  const form = new FormData();
  form.set("data", JSON.stringify(data));
  return new NextRequest(`http://localhost/api/staff/field/reports?lang=${locale}`, {
    method: "POST",
    body: form,
    headers: { cookie, origin: "http://localhost", host: "localhost" },
  });
}

describe(`filing from the field on the ${engine} engine`, () => {
  let world: Awaited<ReturnType<typeof buildWorkflowWorld>>;
  let inspector: SessionUser;
  let cookie: string;

  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 22.3, south: 43.3 });
    const db = await getDb();
    const [user] = await db
      .insert(t.users)
      .values({ email: "terenac@utility.example", name: "Teren Terenac", locale: "en" })
      .returning();
    await db.insert(t.memberships).values({
      userId: user!.id,
      municipalityId: world.municipality.id,
      organisationId: world.water.id,
      role: "utility_operator",
    });
    inspector = (await loadSessionUser(db, user!.id))!;
    cookie = await sessionCookie(inspector);
  });

  it("files at the crew's position as channel field, with the crew member on the first event, once per submission key", async () => {
    const data = {
      serviceCode: world.category.serviceCode,
      position: world.inside,
      description: "Zatečeno na terenu.",
      submissionKey: crypto.randomUUID(),
    };
    const first = await POST(multipart(data, cookie), { params: Promise.resolve({}) });
    expect(first.status).toBe(201);
    const again = await POST(multipart(data, cookie), { params: Promise.resolve({}) });
    expect(again.status).toBe(200);
    const code = (await first.json()).trackingCode;
    expect((await again.json()).trackingCode).toBe(code);
    const row = await queryOne<{ channel: string; actor_user_id: number; n: number }>(
      await getDb(),
      sql`select r.channel, e.actor_user_id, (select count(*)::int from reports where tracking_code = ${code}) as n
          from reports r join report_events e on e.report_id = r.id and e.kind = 'created' where r.tracking_code = ${code}`,
    );
    expect(row).toEqual({ channel: "field", actor_user_id: inspector.id, n: 1 });
  });

  it("refuses a point outside the served area with a localized message and files nothing", async () => {
    const db = await getDb();
    const before = (await queryOne<{ n: number }>(db, sql`select count(*)::int as n from reports`))!.n;
    const res = await POST(
      multipart(
        { serviceCode: world.category.serviceCode, position: [0.5, 0.5], description: "Negde daleko." },
        cookie,
        "sr-Latn",
      ),
      {
        params: Promise.resolve({}),
      },
    );
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toMatch(/opštin|područj/i);
    expect((await queryOne<{ n: number }>(db, sql`select count(*)::int as n from reports`))!.n).toBe(before);
  });
  /** What a filing wrote beside the report: its created event, permit links and Open311 forwards. */
  const writtenFor = async (code: string) =>
    queryOne<{
      organisation_id: number;
      events: number;
      permits: number;
      forwards: number;
      forward_messages: number;
    }>(
      await getDb(),
      sql`select r.assigned_organisation_id as organisation_id,
                 (select count(*)::int from report_events e where e.report_id = r.id and e.kind = 'created') as events,
                 (select count(*)::int from report_permits p where p.report_id = r.id) as permits,
                 (select count(*)::int from report_forwards f where f.report_id = r.id) as forwards,
                 (select count(*)::int from outbox_messages o
                   where o.channel = 'open311' and (o.payload->>'reportId')::int = r.id) as forward_messages
          from reports r where r.tracking_code = ${code}`,
    );

  it("files a problem another organisation handles, which leaves the crew's own work", async () => {
    // A water crew sees a pothole: the roads utility gets it, and the crew cannot open it afterwards.
    const pothole = await buildCategory({ municipalityId: world.municipality.id, sector: "roads" });
    const res = await POST(
      multipart(
        { serviceCode: pothole.serviceCode, position: world.inside, description: "Udarna rupa kod šahta." },
        cookie,
      ),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(201);
    const written = await writtenFor((await res.json()).trackingCode);
    expect(written).toMatchObject({ organisation_id: world.roads.id, events: 1 });
  });

  it("links a filing next to a permitted works site to the permit, and forwards it to the owner's Open311 system", async () => {
    const db = await getDb();
    const [w, s] = world.inside;
    await db.insert(t.permits).values({
      municipalityId: world.municipality.id,
      reference: `352-${world.municipality.id}/2026`,
      kind: "excavation",
      status: "active",
      holderName: "Vodovod d.o.o.",
      holderIsCompany: true,
      worksDescription: "Zamena cevi",
      site: {
        type: "MultiPolygon",
        coordinates: [
          [
            [
              [w - 0.001, s - 0.001],
              [w + 0.001, s - 0.001],
              [w + 0.001, s + 0.001],
              [w - 0.001, s + 0.001],
              [w - 0.001, s - 0.001],
            ],
          ],
        ],
      },
      validFrom: "2026-01-01",
      validTo: "2099-12-31",
    });
    // The holder's contact, which only the permits office reads: the crew's filing still tells them.
    const [permit] = await db
      .select({ id: t.permits.id })
      .from(t.permits)
      .where(sql`${t.permits.reference} = ${`352-${world.municipality.id}/2026`}`);
    await db.insert(t.permitApplicants).values({
      permitId: permit!.id,
      name: "Vodovod d.o.o.",
      email: `holder-${permit!.id}@works.example`,
      locale: "en",
    });
    const [endpoint] = await db
      .insert(t.open311Endpoints)
      .values({
        municipalityId: world.municipality.id,
        organisationId: world.water.id,
        name: "Radni nalozi vodovoda",
        baseUrl: "https://work-orders.water.example/open311",
        apiKey: "k",
      })
      .returning();
    await db
      .insert(t.open311ForwardRules)
      .values({ categoryId: world.category.id, endpointId: endpoint!.id, externalServiceCode: "LEAK" });
    const res = await POST(
      multipart(
        {
          serviceCode: world.category.serviceCode,
          position: world.inside,
          description: "Curi pored iskopa.",
        },
        cookie,
      ),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(201);
    const written = await writtenFor((await res.json()).trackingCode);
    expect(written).toEqual({
      organisation_id: world.water.id,
      events: 1,
      permits: 1,
      forwards: 1,
      forward_messages: 1,
    });
    const holderNotice = await queryRows<{ locale: string; template: string }>(
      db,
      sql`select locale, template from outbox_messages where recipient = ${`holder-${permit!.id}@works.example`}`,
    );
    expect(holderNotice).toEqual([{ locale: "en", template: "permit_report_linked" }]);
  });
});
