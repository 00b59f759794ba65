import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getCategories } from "../../../app/api/categories/route";
import { POST as postIntake } from "../../../app/api/staff/intake/route";
import { POST as postOpen311 } from "../../../app/open311/v2/[resource]/route";
import { getDb } from "../../../db/client";
import { queryOne } from "../../../db/query";
import * as t from "../../../db/schema";
import { loadSessionUser } from "../../../lib/auth/staff-user";
import { AppError } from "../../../lib/errors";
import { hashApiKey } from "../../../lib/open311/post-request";
import { getPublicMunicipality, getStaffMunicipality } from "../../../lib/places/get-municipality";
import { fileReport } from "../../../lib/reports/file-report";
import { engine } from "../../helpers/engine";
import { sessionCookie } from "../../helpers/session";
import { buildWorkflowWorld } from "../../helpers/world";

const KEY = "several-municipalities-key";
const SHARED_CODE = "water_leak_shared";

function open311(form: Record<string, string>) {
  return new NextRequest(new URL("/open311/v2/requests.json?locale=en", "http://localhost"), {
    method: "POST",
    body: new URLSearchParams(form).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
}

describe(`several municipalities in one deployment on the ${engine} engine`, () => {
  // Two neighbours sharing the edge at longitude 21.1, offering the same service code.
  let west: Awaited<ReturnType<typeof buildWorkflowWorld>>;
  let east: Awaited<ReturnType<typeof buildWorkflowWorld>>;

  beforeAll(async () => {
    west = await buildWorkflowWorld({ west: 21.0, south: 44.6 });
    east = await buildWorkflowWorld({ west: 21.1, south: 44.6 });
    const db = await getDb();
    for (const world of [west, east]) {
      await db
        .update(t.serviceCategories)
        .set({ serviceCode: SHARED_CODE })
        .where(sql`id = ${world.category.id}`);
    }
    // The east town keeps a different service standard, so the due date shows whose category was used.
    await db
      .update(t.serviceCategories)
      .set({ slaWorkingDays: 7 })
      .where(sql`id = ${east.category.id}`);
    await db.insert(t.apiClients).values({ name: "Several municipalities client", keyHash: hashApiKey(KEY) });
  });

  it("routes a report to the municipality whose boundary contains the point, with that municipality's category and organisation", async () => {
    const now = new Date("2026-11-16T09:00:00Z"); // Monday
    const inEast = await fileReport({
      db: await getDb(),
      now,
      report: { serviceCode: SHARED_CODE, position: east.inside, description: "Curi voda kod škole." },
    });
    const row = await queryOne<{ municipality_id: number; category_id: number }>(
      await getDb(),
      sql`select municipality_id, category_id from reports where id = ${inEast.id}`,
    );
    expect(row).toEqual({ municipality_id: east.municipality.id, category_id: east.category.id });
    expect(inEast.assignedOrganisationId).toBe(east.water.id);
    // Seven working days from a Monday: Wednesday of the next week.
    expect(inEast.dueAt.toISOString().slice(0, 10)).toBe("2026-11-25");

    const inWest = await fileReport({
      db: await getDb(),
      now,
      report: { serviceCode: SHARED_CODE, position: west.inside, description: "Curi voda." },
    });
    expect(inWest.assignedOrganisationId).toBe(west.water.id);
    expect(inWest.dueAt.toISOString().slice(0, 10)).toBe("2026-11-18");
  });

  it("refuses a point in no served municipality with the localized outside-the-area error", async () => {
    const error = await fileReport({
      db: await getDb(),
      report: { serviceCode: SHARED_CODE, position: [21.5, 44.65], description: "Daleko." },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "unprocessable", messageKey: "outsideServedAreaNearest" });
  });

  it("offers the categories of the municipality under the point", async () => {
    const db = await getDb();
    await db
      .update(t.serviceCategories)
      .set({ active: false })
      .where(sql`id = ${west.category.id}`);
    try {
      const atEast = await getCategories(
        new NextRequest(
          `http://localhost/api/categories?lng=${east.inside[0]}&lat=${east.inside[1]}&lang=en`,
        ),
        { params: Promise.resolve({}) },
      );
      const eastCodes = (await atEast.json()).groups.flatMap(
        (g: { categories: Array<{ serviceCode: string }> }) => g.categories.map((c) => c.serviceCode),
      );
      expect(eastCodes).toEqual([SHARED_CODE]);
      const atWest = await getCategories(
        new NextRequest(
          `http://localhost/api/categories?lng=${west.inside[0]}&lat=${west.inside[1]}&lang=en`,
        ),
        { params: Promise.resolve({}) },
      );
      expect((await atWest.json()).groups).toEqual([]);
      const outside = await getCategories(
        new NextRequest(`http://localhost/api/categories?lng=21.5&lat=44.65&lang=en`),
        { params: Promise.resolve({}) },
      );
      expect(outside.status).toBe(422);
      expect((await outside.json()).error.message).toBe("The point is outside the area served here.");
    } finally {
      await db
        .update(t.serviceCategories)
        .set({ active: true })
        .where(sql`id = ${west.category.id}`);
    }
  });

  it("routes an Open311 post by its point; a named jurisdiction must contain the point", async () => {
    const base = {
      api_key: KEY,
      service_code: SHARED_CODE,
      lat: String(east.inside[1]),
      long: String(east.inside[0]),
      description: "Open311 u istočnoj opštini",
    };
    const res = await postOpen311(open311(base), { params: Promise.resolve({ resource: "requests.json" }) });
    expect(res.status).toBe(200);
    const [{ service_request_id: code }] = await res.json();
    const row = await queryOne<{ municipality_id: number }>(
      await getDb(),
      sql`select municipality_id from reports where tracking_code = ${code}`,
    );
    expect(row?.municipality_id).toBe(east.municipality.id);

    const before = await queryOne<{ n: number }>(await getDb(), sql`select count(*)::int as n from reports`);
    const wrong = await postOpen311(
      open311({ ...base, description: "drugi", jurisdiction_id: west.municipality.code }),
      {
        params: Promise.resolve({ resource: "requests.json" }),
      },
    );
    expect(wrong.status).toBe(400);
    expect((await wrong.json())[0].description).toBe(
      "The location is not inside the jurisdiction named in jurisdiction_id.",
    );
    const after = await queryOne<{ n: number }>(await getDb(), sql`select count(*)::int as n from reports`);
    expect(after?.n).toBe(before?.n);
  });

  it("lets contact-centre staff file only inside the municipalities they work for", async () => {
    const db = await getDb();
    const [user] = await db
      .insert(t.users)
      .values({ email: "agent.west@town.example", name: "Agent Zapad", locale: "en" })
      .returning();
    await db.insert(t.memberships).values({
      userId: user!.id,
      municipalityId: west.municipality.id,
      organisationId: west.contactCentre.id,
      role: "agent",
    });
    const agent = (await loadSessionUser(db, user!.id))!;
    const cookie = await sessionCookie(agent);
    const call = (position: [number, number]) =>
      postIntake(
        new NextRequest("http://localhost/api/staff/intake?lang=en", {
          method: "POST",
          body: JSON.stringify({
            serviceCode: SHARED_CODE,
            position,
            description: "Telefonom prijavljeno.",
            channel: "phone",
          }),
          headers: {
            cookie,
            origin: "http://localhost",
            host: "localhost",
            "content-type": "application/json",
          },
        }),
        { params: Promise.resolve({}) },
      );
    const own = await call(west.inside);
    expect(own.status).toBe(201);
    const other = await call(east.inside);
    expect(other.status).toBe(403);
    expect((await other.json()).error.message).toBe("The point is in a municipality you do not work for.");

    expect((await getStaffMunicipality({ db, municipalityIds: agent.municipalityIds }))?.code).toBe(
      west.municipality.code,
    );
  });

  it("opens public pages on the municipality named in the link, else on the first one set up", async () => {
    const db = await getDb();
    expect((await getPublicMunicipality({ db, code: east.municipality.code }))?.id).toBe(
      east.municipality.id,
    );
    expect((await getPublicMunicipality({ db, code: "no-such-town" }))?.id).toBe(west.municipality.id);
    expect((await getPublicMunicipality({ db }))?.id).toBe(west.municipality.id);
  });
});
