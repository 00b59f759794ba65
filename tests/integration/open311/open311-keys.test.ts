import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as decideRoute } from "../../../app/api/admin/open311-keys/[id]/route";
import { POST as requestRoute } from "../../../app/api/open311-keys/route";
import { POST as open311Post } from "../../../app/open311/v2/[resource]/route";
import { getDb } from "../../../db/client";
import { queryOne } from "../../../db/query";
import * as t from "../../../db/schema";
import { loadSessionUser } from "../../../lib/auth/staff-user";
import { unsealMessage } from "../../../lib/notifications/sealed-link";
import { hashApiKey } from "../../../lib/open311/post-request";
import { engine } from "../../helpers/engine";
import { sessionCookie, staffRequest } from "../../helpers/session";
import { buildWorkflowWorld } from "../../helpers/world";

let ipCount = 0;
/** Each test asks from an address of its own, so the per-address limit counts only its own requests. */
function keyRequest(body: unknown, init: { ip?: string; raw?: string; origin?: string } = {}) {
  const headers = new Headers({
    host: "localhost",
    origin: init.origin ?? "http://localhost",
    "content-type": "application/json",
    "x-forwarded-for": init.ip ?? `203.0.113.${++ipCount}`,
  });
  return new NextRequest(new URL("/api/open311-keys?lang=en", "http://localhost"), {
    method: "POST",
    headers,
    body: init.raw ?? JSON.stringify(body),
  });
}

const noParams = { params: Promise.resolve({}) };

describe(`Open311 keys: developers ask, administrators decide (${engine} engine)`, () => {
  let world: Awaited<ReturnType<typeof buildWorkflowWorld>>;
  let cookie: string;

  const application = () => ({
    name: "Milica Programer",
    email: `dev-${randomUUID().slice(0, 8)}@apps.example`,
    application: `Gradska prijava ${randomUUID().slice(0, 6)}`,
    purpose: "A phone app for citizens of Ćuprija that files potholes and leaks with a photo.",
  });

  const requestsOf = async (email: string) =>
    (await getDb()).select().from(t.open311KeyRequests).where(eq(t.open311KeyRequests.email, email));
  const counts = async () =>
    (await queryOne<Record<string, number>>(
      await getDb(),
      sql`select (select count(*) from open311_key_requests)::int as requests,
                 (select count(*) from api_clients)::int as clients,
                 (select count(*) from outbox_messages)::int as messages`,
    ))!;

  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 19.2, south: 45.1 });
    const db = await getDb();
    await db.insert(t.memberships).values({
      userId: world.lead.id,
      municipalityId: world.municipality.id,
      organisationId: world.contactCentre.id,
      role: "admin",
    });
    cookie = await sessionCookie((await loadSessionUser(db, world.lead.id))!);
  });

  it("stores a developer's request as waiting and answers 201 with its id", async () => {
    const body = application();
    const res = await requestRoute(keyRequest(body), noParams);
    expect(res.status).toBe(201);
    const answer = (await res.json()) as { id: number; status: string };
    const [stored] = await requestsOf(body.email);
    expect(stored).toMatchObject({
      id: answer.id,
      status: "pending",
      application: body.application,
      locale: "en",
    });
  });

  it("answers a repeated request with the same id and keeps one row", async () => {
    const body = application();
    const first = (await (await requestRoute(keyRequest(body), noParams)).json()) as { id: number };
    const again = await requestRoute(keyRequest({ ...body, email: body.email.toUpperCase() }), noParams);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: number }).id).toBe(first.id);
    expect(await requestsOf(body.email)).toHaveLength(1);
  });

  it.each([
    { case: "an address that is not an e-mail", patch: { email: "not-an-address" }, fields: ["email"] },
    { case: "a purpose too short to judge", patch: { purpose: "app" }, fields: ["purpose"] },
    {
      case: "missing name and application",
      patch: { name: "", application: " " },
      fields: ["name", "application"],
    },
  ])("refuses $case with 422 naming the fields and saves nothing", async ({ patch, fields }) => {
    const before = await counts();
    const res = await requestRoute(keyRequest({ ...application(), ...patch }), noParams);
    expect(res.status).toBe(422);
    const error = (
      (await res.json()) as { error: { message: string; details: { fields: { path: string }[] } } }
    ).error;
    expect(error.details.fields.map((f) => f.path).sort()).toEqual(fields.sort());
    expect(await counts()).toEqual(before);
  });

  it("refuses a control character with 422 naming the field, a body over 16 KB with 413, and a foreign origin with 403", async () => {
    const before = await counts();
    const nul = await requestRoute(keyRequest({ ...application(), application: "Prijava\u0000" }), noParams);
    expect(nul.status).toBe(422);
    expect(await nul.text()).toMatch(/application.*control character|control character.*application/);
    const big = await requestRoute(keyRequest({ ...application(), purpose: "x".repeat(20_000) }), noParams);
    expect(big.status).toBe(413);
    const foreign = await requestRoute(keyRequest(application(), { origin: "http://[bad" }), noParams);
    expect(foreign.status).toBe(403);
    const notJson = await requestRoute(keyRequest(null, { raw: "{name" }), noParams);
    expect(notJson.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it("limits requests from one address (429) without saving the refused one", async () => {
    const ip = "198.51.100.77";
    for (let i = 0; i < 5; i++)
      expect((await requestRoute(keyRequest(application(), { ip }), noParams)).status).toBe(201);
    const before = await counts();
    const refused = await requestRoute(keyRequest(application(), { ip }), noParams);
    expect(refused.status).toBe(429);
    expect(await counts()).toEqual(before);
  });

  it("approves: opens a client by the key's hash, e-mails the key sealed, audits, and the key posts to Open311", async () => {
    const body = application();
    const { id } = (await (await requestRoute(keyRequest(body), noParams)).json()) as { id: number };
    const res = await decideRoute(
      staffRequest(`/api/admin/open311-keys/${id}?lang=en`, {
        method: "POST",
        cookie,
        body: { decision: "approve" },
      }),
      { params: Promise.resolve({ id: String(id) }) },
    );
    expect(res.status, await res.clone().text()).toBe(200);
    const db = await getDb();
    const [stored] = await requestsOf(body.email);
    expect(stored).toMatchObject({ status: "approved", decidedBy: world.lead.id });
    const [client] = await db.select().from(t.apiClients).where(eq(t.apiClients.id, stored!.apiClientId!));
    const [message] = await db
      .select()
      .from(t.outboxMessages)
      .where(eq(t.outboxMessages.messageKey, `open311-key-request-${id}-approved`));
    expect(message).toMatchObject({ recipient: body.email, template: "open311_key_approved" });
    // What the database holds: neither the row nor the message carries a key that would be accepted.
    const key = /o311_[A-Za-z0-9_-]{32}/.exec(
      unsealMessage({ body: message!.body, payload: message!.payload }).body,
    )?.[0];
    expect(key).toBeDefined();
    expect(hashApiKey(key!)).toBe(client!.keyHash);
    const stored311 = JSON.stringify(
      await db.select().from(t.open311KeyRequests).where(eq(t.open311KeyRequests.id, id)),
    );
    expect(
      `${message!.body}${JSON.stringify(message!.payload)}${stored311}${JSON.stringify(client)}`,
    ).not.toContain(key!);
    const [audit] = await db
      .select()
      .from(t.adminAudit)
      .where(and(eq(t.adminAudit.entity, "open311_key_request"), eq(t.adminAudit.entityId, id)));
    expect(audit).toMatchObject({ action: "approved", actorUserId: world.lead.id });

    // The developer's key files a request.
    const form = new URLSearchParams({
      api_key: key!,
      jurisdiction_id: world.municipality.code,
      service_code: world.category.serviceCode,
      lat: String(world.inside[1]),
      long: String(world.inside[0]),
      description: "Filed by an approved application",
    });
    const posted = await open311Post(
      new NextRequest(new URL("/open311/v2/requests.json", "http://localhost"), {
        method: "POST",
        headers: {
          host: "localhost",
          "content-type": "application/x-www-form-urlencoded",
          "x-forwarded-for": "192.0.2.44",
        },
        body: form.toString(),
      }),
      { params: Promise.resolve({ resource: "requests.json" }) },
    );
    expect(posted.status, await posted.clone().text()).toBe(200);
    expect(((await posted.json()) as Array<{ service_request_id: string }>)[0]!.service_request_id).toMatch(
      /^[A-Z0-9]{4}-[A-Z0-9]{4}$/,
    );
  });

  it("refuses: tells the developer, opens no client, and a second decision is 409", async () => {
    const body = application();
    const { id } = (await (await requestRoute(keyRequest(body), noParams)).json()) as { id: number };
    const before = await counts();
    const decide = (decision: string) =>
      decideRoute(
        staffRequest(`/api/admin/open311-keys/${id}?lang=en`, { method: "POST", cookie, body: { decision } }),
        { params: Promise.resolve({ id: String(id) }) },
      );
    expect((await decide("refuse")).status).toBe(200);
    const after = await counts();
    expect(after.clients).toBe(before.clients);
    expect(after.messages).toBe(before.messages! + 1);
    expect((await requestsOf(body.email))[0]!.status).toBe("refused");
    const again = await decide("approve");
    expect(again.status).toBe(409);
    expect(await counts()).toEqual(after);
    expect((await decide("maybe")).status).toBe(422);
  });

  it("lets only administrators decide (403 for a signed-in non-admin, 401 for nobody)", async () => {
    const body = application();
    const { id } = (await (await requestRoute(keyRequest(body), noParams)).json()) as { id: number };
    const db = await getDb();
    const [agent] = await db
      .insert(t.users)
      .values({ email: `agent-${randomUUID().slice(0, 8)}@city.example`, name: "Agent", locale: "en" })
      .returning();
    await db.insert(t.memberships).values({
      userId: agent!.id,
      municipalityId: world.municipality.id,
      organisationId: world.contactCentre.id,
      role: "agent",
    });
    const agentCookie = await sessionCookie((await loadSessionUser(db, agent!.id))!);
    const decide = (c?: string) =>
      decideRoute(
        staffRequest(`/api/admin/open311-keys/${id}`, {
          method: "POST",
          cookie: c,
          body: { decision: "approve" },
        }),
        { params: Promise.resolve({ id: String(id) }) },
      );
    expect((await decide(agentCookie)).status).toBe(403);
    expect((await decide()).status).toBe(401);
    expect((await requestsOf(body.email))[0]!.status).toBe("pending");
  });
});
