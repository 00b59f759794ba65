import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "../../../app/api/staff/field/reports/route";
import { getDb } from "../../../db/client";
import { queryOne } from "../../../db/query";
import * as t from "../../../db/schema";
import { loadSessionUser, type SessionUser } from "../../../lib/auth/staff-user";
import { engine } from "../../helpers/engine";
import { sessionCookie } from "../../helpers/session";
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
});
