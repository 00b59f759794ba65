import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { queryOne, queryRows } from "../../../db/query";
import * as t from "../../../db/schema";
import { deliverPendingMessages } from "../../../lib/notifications/deliver-pending-messages";
import { fileTransport } from "../../../lib/notifications/transports";
import { open311Transport } from "../../../lib/open311/client/open311-transport";
import { pollOpen311Forwards } from "../../../lib/open311/client/poll-forwards";
import { configureOpen311Endpoint } from "../../../lib/open311/client/configure-endpoint";
import { hashApiKey } from "../../../lib/open311/post-request";
import { fileReport } from "../../../lib/reports/file-report";
import { performReportAction } from "../../../lib/workflow/perform-report-action";
import { buildCategory } from "../../helpers/builders";
import { engine } from "../../helpers/engine";
import { startFakeOpen311 } from "../../helpers/fake-open311";
import { serveOwnOpen311 } from "../../helpers/serve-open311";
import { buildWorkflowWorld } from "../../helpers/world";

type Forward = {
  id: number;
  state: string;
  external_request_id: string | null;
  token: string | null;
  last_error: string | null;
  external_status: string | null;
};

const contact = { name: "Milica Prijavić", email: "milica.forward@mail.example", phone: "+381 64 1112223" };

describe(`Open311 client: forwarding to an organisation's own system, on the ${engine} engine`, () => {
  let world: Awaited<ReturnType<typeof buildWorkflowWorld>>;
  let fake: Awaited<ReturnType<typeof startFakeOpen311>>;
  let endpointId: number;
  const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "civic-forward-mail-"));

  async function deliver() {
    const db = await getDb();
    return deliverPendingMessages({
      db,
      transport: fileTransport(mailDir),
      transports: { open311: open311Transport({ db }) },
      workerId: "forward-test",
    });
  }

  async function forwardOf(reportId: number): Promise<Forward | undefined> {
    return queryOne<Forward>(
      await getDb(),
      sql`select id, state, external_request_id, token, last_error, external_status from report_forwards where report_id = ${reportId}`,
    );
  }

  async function file(description: string, options: { anonymous?: boolean; serviceCode?: string } = {}) {
    const db = await getDb();
    const filed = await fileReport({
      db,
      report: {
        serviceCode: options.serviceCode ?? world.category.serviceCode,
        position: world.inside,
        description,
        contact: { ...contact, anonymous: options.anonymous ?? false },
      },
    });
    return (await queryOne<{ id: number }>(
      db,
      sql`select id from reports where tracking_code = ${filed.trackingCode}`,
    ))!.id;
  }

  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 19.9, south: 44.9 });
    fake = await startFakeOpen311();
    const db = await getDb();
    const [endpoint] = await db
      .insert(t.open311Endpoints)
      .values({
        municipalityId: world.municipality.id,
        organisationId: world.water.id,
        name: "Vodovod WO",
        baseUrl: fake.baseUrl,
        apiKey: "utility-key",
      })
      .returning();
    endpointId = endpoint!.id;
    await db
      .insert(t.open311ForwardRules)
      .values({ categoryId: world.category.id, endpointId, externalServiceCode: "LEAK" });
  });

  afterAll(async () => {
    await fake.stop();
  });

  it("posts a report routed to the organisation to its system once, with the report's data, and links the answer", async () => {
    const reportId = await file("Curi voda ispod trotoara");
    expect((await forwardOf(reportId))?.state).toBe("queued");
    await deliver();
    await deliver();
    const posted = fake.posts.filter((f) => f.get("description")?.startsWith("Curi voda ispod trotoara"));
    expect(posted).toHaveLength(1);
    const form = posted[0]!;
    expect(form.get("service_code")).toBe("LEAK");
    expect(Number(form.get("lat"))).toBeCloseTo(world.inside[1], 6);
    expect(Number(form.get("long"))).toBeCloseTo(world.inside[0], 6);
    expect(form.get("email")).toBe(contact.email);
    expect([form.get("first_name"), form.get("last_name")]).toEqual(["Milica", "Prijavić"]);
    const forward = await forwardOf(reportId);
    expect(forward).toMatchObject({ state: "linked", external_status: "open", last_error: null });
    expect(forward?.external_request_id).toBe(fake.requests.find((r) => r.form === form)!.id);
  });

  it("leaves out the contact of a reporter who asked to stay anonymous", async () => {
    await file("Anonimno curenje", { anonymous: true });
    await deliver();
    const form = fake.posts.find((f) => f.get("description")?.startsWith("Anonimno curenje"))!;
    expect(form).toBeDefined();
    for (const field of ["email", "phone", "first_name", "last_name"]) expect(form.get(field)).toBeNull();
    expect(form.toString()).not.toContain("milica");
  });

  it("does not forward categories without a rule, nor reports of organisations without a system", async () => {
    const db = await getDb();
    const other = await buildCategory({ municipalityId: world.municipality.id, sector: "water" });
    const reportId = await file("Druga kategorija", { serviceCode: other.serviceCode });
    expect(await forwardOf(reportId)).toBeUndefined();
    const messages = await queryRows(
      db,
      sql`select 1 from outbox_messages where channel = 'open311' and payload->>'reportId' = ${String(reportId)}`,
    );
    expect(messages).toHaveLength(0);
  });

  it("retries after the system is unavailable and gives up at once when it refuses the request as invalid", async () => {
    const db = await getDb();
    fake.failNext.push({ status: 503, body: "maintenance" });
    const retried = await file("Posle održavanja");
    const first = await deliver();
    expect(first.failed).toBeGreaterThanOrEqual(1);
    expect((await forwardOf(retried))?.last_error).toContain("HTTP 503");
    await db.execute(
      sql`update outbox_messages set next_attempt_at = now() where channel = 'open311' and status = 'pending'`,
    );
    await deliver();
    expect(await forwardOf(retried)).toMatchObject({ state: "linked", last_error: null });

    fake.failNext.push({
      status: 400,
      body: [{ code: 400, description: "service_code LEAK is not accepted" }],
    });
    const refused = await file("Odbijeno");
    await deliver();
    const forward = await forwardOf(refused);
    expect(forward?.state).toBe("failed");
    expect(forward?.last_error).toContain("service_code LEAK is not accepted");
    const message = await queryOne<{ status: string; attempts: number }>(
      db,
      sql`select status, attempts from outbox_messages where channel = 'open311' and payload->>'reportId' = ${String(refused)}`,
    );
    expect(message).toEqual({ status: "failed", attempts: 1 });
  });

  it("does not post again when a crashed worker's message is delivered a second time", async () => {
    const db = await getDb();
    const reportId = await file("Dvostruka isporuka");
    await deliver();
    const before = fake.posts.length;
    // The worker died after the system answered but before the message was marked sent.
    await db.execute(
      sql`update outbox_messages set status = 'pending', next_attempt_at = now() where channel = 'open311' and payload->>'reportId' = ${String(reportId)}`,
    );
    await deliver();
    expect(fake.posts.length).toBe(before);
    expect((await forwardOf(reportId))?.state).toBe("linked");
  });

  it("brings the system's notes back as public updates and its closing as the resolution, as the organisation", async () => {
    const db = await getDb();
    const reportId = await file("Pukla cev kod škole");
    await deliver();
    const external = fake.requests.find((r) => r.form.get("description")?.startsWith("Pukla cev kod škole"))!;

    external.notes = "Ekipa je izašla na teren.";
    const firstPoll = await pollOpen311Forwards({ db, fetch });
    expect(firstPoll.applied).toBeGreaterThanOrEqual(1);
    await pollOpen311Forwards({ db, fetch });
    const updates = await queryRows<{ kind: string; public_text: string; actor_organisation_id: number }>(
      db,
      sql`select kind, public_text, actor_organisation_id from report_events where report_id = ${reportId} and kind = 'public_update'`,
    );
    expect(updates).toEqual([
      {
        kind: "public_update",
        public_text: "Ekipa je izašla na teren.",
        actor_organisation_id: world.water.id,
      },
    ]);

    external.status = "closed";
    external.notes = null;
    await pollOpen311Forwards({ db, fetch });
    const report = await queryOne<{ status: string }>(
      db,
      sql`select status from reports where id = ${reportId}`,
    );
    expect(report?.status).toBe("resolved");
    const resolution = await queryOne<{ public_text: string; internal_note: string }>(
      db,
      sql`select public_text, internal_note from report_events where report_id = ${reportId} and to_status = 'resolved'`,
    );
    expect(resolution?.public_text).toBe(
      "Rešeno – Organizacija.".replace("Organizacija", await orgName(world.water.id)),
    );
    expect(resolution?.internal_note).toBe(`Vodovod WO #${external.id}: closed`);
    const mail = await queryRows(
      db,
      sql`select 1 from outbox_messages where channel = 'email' and recipient = ${contact.email} and payload->>'reportId' = ${String(reportId)}`,
    );
    expect(mail.length).toBeGreaterThanOrEqual(3);
    expect((await forwardOf(reportId))?.external_status).toBe("closed");
  });

  it("leaves a report alone once it has been forwarded elsewhere in the meantime", async () => {
    const db = await getDb();
    const reportId = await file("Nije njihovo");
    await deliver();
    const external = fake.requests.find((r) => r.form.get("description")?.startsWith("Nije njihovo"))!;
    const { version } = (await queryOne<{ version: number }>(
      db,
      sql`select version from reports where id = ${reportId}`,
    ))!;
    await performReportAction({
      db,
      reportId,
      expectedVersion: version,
      actor: world.actors.agent,
      action: { type: "assign", organisationId: world.roads.id },
    });
    external.status = "closed";
    external.notes = "Zatvoreno kod nas";
    await pollOpen311Forwards({ db, fetch });
    const report = await queryOne<{ status: string; assigned_organisation_id: number }>(
      db,
      sql`select status, assigned_organisation_id from reports where id = ${reportId}`,
    );
    expect(report).toEqual({ status: "assigned", assigned_organisation_id: world.roads.id });
    expect((await forwardOf(reportId))?.external_status).toBe("closed");
  });

  it("redeems a token for the request id when the system files asynchronously", async () => {
    const db = await getDb();
    const tokens = await startFakeOpen311({ answerWithToken: true });
    try {
      await db
        .update(t.open311Endpoints)
        .set({ baseUrl: tokens.baseUrl })
        .where(sql`id = ${endpointId}`);
      const reportId = await file("Sa tokenom");
      tokens.holdTokens(true);
      await deliver();
      expect(await forwardOf(reportId)).toMatchObject({
        state: "accepted",
        external_request_id: null,
        token: "tok-1",
      });
      await pollOpen311Forwards({ db, fetch });
      expect((await forwardOf(reportId))?.state).toBe("accepted");
      tokens.holdTokens(false);
      await pollOpen311Forwards({ db, fetch });
      expect(await forwardOf(reportId)).toMatchObject({ state: "linked", external_request_id: "1001" });
    } finally {
      await db
        .update(t.open311Endpoints)
        .set({ baseUrl: fake.baseUrl })
        .where(sql`id = ${endpointId}`);
      await tokens.stop();
    }
  });
});

describe(`Open311 client round trip against this platform's own Open311 server, on the ${engine} engine`, () => {
  it("files the forwarded report there and resolves ours when theirs is resolved", async () => {
    const db = await getDb();
    const world = await buildWorkflowWorld({ west: 20.3, south: 44.3 });
    const own = await serveOwnOpen311();
    try {
      // The receiving side: a roads category of the same platform, taking posts from a client key.
      const roadsCategory = await buildCategory({ municipalityId: world.municipality.id, sector: "roads" });
      await db
        .insert(t.apiClients)
        .values({ name: "Forwarding platform", keyHash: hashApiKey("round-trip-key") });
      const [endpoint] = await db
        .insert(t.open311Endpoints)
        .values({
          municipalityId: world.municipality.id,
          organisationId: world.water.id,
          name: "Platforma",
          baseUrl: own.baseUrl,
          apiKey: "round-trip-key",
          jurisdictionId: world.municipality.code,
        })
        .returning();
      await db.insert(t.open311ForwardRules).values({
        categoryId: world.category.id,
        endpointId: endpoint!.id,
        externalServiceCode: roadsCategory.serviceCode,
      });

      const filed = await fileReport({
        db,
        report: {
          serviceCode: world.category.serviceCode,
          position: world.inside,
          description: "Kružni put",
          contact: { email: "kruzni@mail.example" },
        },
      });
      const ours = (await queryOne<{ id: number }>(
        db,
        sql`select id from reports where tracking_code = ${filed.trackingCode}`,
      ))!.id;
      const transport = open311Transport({ db });
      await deliverPendingMessages({
        db,
        transport: fileTransport(fs.mkdtempSync(path.join(os.tmpdir(), "civic-rt-"))),
        transports: { open311: transport },
        workerId: "rt",
      });

      const forward = (await queryOne<{
        state: string;
        external_request_id: string;
        last_error: string | null;
      }>(
        db,
        sql`select state, external_request_id, last_error from report_forwards where report_id = ${ours}`,
      ))!;
      expect(forward).toMatchObject({ state: "linked", last_error: null });
      const theirs = (await queryOne<{
        id: number;
        version: number;
        channel: string;
        description: string;
        category_id: number;
      }>(
        db,
        sql`select id, version, channel, description, category_id from reports where tracking_code = ${forward.external_request_id}`,
      ))!;
      expect(theirs).toMatchObject({ channel: "open311", category_id: roadsCategory.id });
      expect(theirs.description).toContain(filed.trackingCode);

      await pollOpen311Forwards({ db, fetch });
      expect(
        (await queryOne<{ status: string }>(db, sql`select status from reports where id = ${ours}`))?.status,
      ).toBe("received");

      const started = await performReportAction({
        db,
        reportId: theirs.id,
        expectedVersion: theirs.version,
        actor: world.actors.roadsOperator,
        action: { type: "transition", to: "in_progress" },
      });
      await performReportAction({
        db,
        reportId: theirs.id,
        expectedVersion: started.state.version,
        actor: world.actors.roadsOperator,
        action: { type: "transition", to: "resolved", publicText: "Cev zamenjena, asfalt vraćen." },
      });
      const poll = await pollOpen311Forwards({ db, fetch });
      expect(poll.applied).toBe(1);
      const resolved = await queryOne<{ status: string; public_text: string }>(
        db,
        sql`select r.status, e.public_text from reports r join report_events e on e.report_id = r.id and e.to_status = 'resolved' where r.id = ${ours}`,
      );
      expect(resolved).toEqual({ status: "resolved", public_text: "Cev zamenjena, asfalt vraćen." });
    } finally {
      await own.stop();
    }
  });
});

async function orgName(id: number): Promise<string> {
  const row = await queryOne<{ name: { "sr-Latn": string } }>(
    await getDb(),
    sql`select name from organisations where id = ${id}`,
  );
  return row!.name["sr-Latn"];
}

describe(`Registering an organisation's Open311 system, on the ${engine} engine`, () => {
  it("registers the system and its categories, updates them on a second run, and changes nothing on bad input", async () => {
    const db = await getDb();
    const world = await buildWorkflowWorld({ west: 20.6, south: 44.6 });
    const config = {
      organisationCode: world.water.code,
      name: "Vodovod WO",
      baseUrl: "https://wo.vodovod.example/open311/v2/",
      apiKey: "k1",
      rules: { [world.category.serviceCode]: "LEAK" },
    };
    const first = await configureOpen311Endpoint({ db, municipalityCode: world.municipality.code, config });
    const second = await configureOpen311Endpoint({
      db,
      municipalityCode: world.municipality.code,
      config: { ...config, apiKey: "k2", rules: { [world.category.serviceCode]: "LEAK2" } },
    });
    expect(second.endpointId).toBe(first.endpointId);
    const stored = await queryRows<{ base_url: string; api_key: string; external_service_code: string }>(
      db,
      sql`select e.base_url, e.api_key, r.external_service_code from open311_endpoints e join open311_forward_rules r on r.endpoint_id = e.id
          where e.id = ${first.endpointId}`,
    );
    expect(stored).toEqual([
      { base_url: "https://wo.vodovod.example/open311/v2", api_key: "k2", external_service_code: "LEAK2" },
    ]);

    const count = async () =>
      (await queryOne<{ n: number }>(db, sql`select count(*)::int as n from open311_endpoints`))!.n;
    const before = await count();
    await expect(
      configureOpen311Endpoint({
        db,
        municipalityCode: world.municipality.code,
        config: { ...config, baseUrl: "https://other.example/v2", rules: { nope: "X" } },
      }),
    ).rejects.toMatchObject({ messageKey: "categoryNotFound" });
    await expect(
      configureOpen311Endpoint({
        db,
        municipalityCode: world.municipality.code,
        config: { ...config, baseUrl: "ftp://x" },
      }),
    ).rejects.toThrow();
    await expect(
      configureOpen311Endpoint({
        db,
        municipalityCode: world.municipality.code,
        config: { ...config, organisationCode: "missing" },
      }),
    ).rejects.toMatchObject({ messageKey: "organisationNotFound" });
    expect(await count()).toBe(before);
  });
});
