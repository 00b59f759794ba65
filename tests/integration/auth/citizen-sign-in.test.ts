import { unsealMessage } from "../../../lib/notifications/sealed-link";
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as askForLink } from "../../../app/api/account/sign-in-link/route";
import { getDb } from "../../../db/client";
import { queryOne, queryRows } from "../../../db/query";
import { consumeSignInLink, SIGN_IN_LINK_MINUTES } from "../../../lib/auth/email-link";
import { resetEnvCache } from "../../../lib/env";
import { deliverPendingMessages } from "../../../lib/notifications/deliver-pending-messages";
import { smtpTransport } from "../../../lib/notifications/transports";
import { fileReport } from "../../../lib/reports/file-report";
import { listMyReports } from "../../../lib/reports/list-my-reports";
import { supportReport } from "../../../lib/reports/support-report";
import { engine } from "../../helpers/engine";
import { startSmtpSink } from "../../helpers/smtp-sink";
import { buildWorkflowWorld } from "../../helpers/world";

function ask(body: unknown, init: { origin?: string | null; ip?: string; lang?: string } = {}) {
  const headers = new Headers({
    host: "localhost",
    "content-type": "application/json",
    "x-forwarded-for": init.ip ?? "198.51.100.7",
  });
  if (init.origin !== null) headers.set("origin", init.origin ?? "http://localhost");
  return new NextRequest(`http://localhost/api/account/sign-in-link?lang=${init.lang ?? "en"}`, {
    method: "POST",
    headers,
    body: JSON.stringify(body),
  });
}

/** The token from the newest sign-in e-mail to an address, read from the outbox as the mail carries it. */
async function tokenFor(email: string): Promise<string> {
  const row = await queryOne<{ body: string; payload: Record<string, unknown> }>(
    await getDb(),
    sql`select body, payload from outbox_messages where template = 'sign_in_link' and recipient = ${email} order by id desc limit 1`,
  );
  // The stored row holds no token: only a placeholder and the link sealed for the worker.
  expect(row!.body).not.toMatch(/token=/);
  expect(JSON.stringify(row!.payload)).not.toMatch(/token=/);
  return /token=([A-Za-z0-9_-]+)/.exec(unsealMessage(row!).body)![1]!;
}

/** The mail's text as a reader sees it (bodies travel quoted-printable, with soft line breaks). */
function quotedPrintable(raw: string): string {
  const bytes = raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

describe(`citizens' sign-in by e-mail link and "My reports" on the ${engine} engine`, () => {
  let world: Awaited<ReturnType<typeof buildWorkflowWorld>>;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  const saved = process.env.SMTP_URL;

  beforeAll(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    resetEnvCache();
    world = await buildWorkflowWorld({ west: 19.6, south: 45.2 });
  });

  afterAll(async () => {
    process.env.SMTP_URL = saved;
    resetEnvCache();
    await sink.stop();
  });

  it("sends a one-time link through the outbox, in the asker's language, that signs in once and joins earlier reports", async () => {
    const db = await getDb();
    const email = `gradjanka-${Date.now()}@example.org`;
    const earlier = await fileReport({
      db,
      report: {
        serviceCode: world.category.serviceCode,
        position: world.inside,
        description: "ranije",
        contact: { name: "Ana Anić", email: email.toUpperCase() },
      },
    });
    const res = await askForLink(ask({ email }, { lang: "sr-Latn" }), { params: Promise.resolve({}) });
    expect(res.status).toBe(202);
    const result = await deliverPendingMessages({
      db,
      transport: await smtpTransport(sink.url, "prijave@example.org"),
      workerId: "t",
    });
    expect(result.failed).toBe(0);
    // The earlier report's receipt went to the same address; this is the sign-in mail.
    const mail = sink.received.find(
      (m) => m.to.includes(email) && m.raw.includes("Message-ID: <sign-in-link-"),
    );
    const token = /token=([A-Za-z0-9_-]+)/.exec(quotedPrintable(mail!.raw))![1]!;
    expect(quotedPrintable(mail!.raw)).toContain(`/account/verify?token=${token}`);
    // Once sent, the outbox row keeps neither the link nor its sealed copy.
    const sent = await queryOne<{ body: string; payload: Record<string, unknown> }>(
      db,
      sql`select body, payload from outbox_messages where template = 'sign_in_link' and recipient = ${email}`,
    );
    expect(`${sent!.body} ${JSON.stringify(sent!.payload)}`).not.toContain(token);
    expect(sent!.payload.sealedLink).toBeUndefined();
    expect(quotedPrintable(mail!.raw)).toContain("Radi jednom, 20 minuta.");
    const row = await queryOne<{ token_hash: string }>(
      db,
      sql`select token_hash from sign_in_links where email = ${email}`,
    );
    // Only the token's hash is stored with the link.
    expect(row!.token_hash).not.toContain(token);

    const citizen = await consumeSignInLink({ db, token });
    expect(citizen?.email).toBe(email);
    expect(await consumeSignInLink({ db, token })).toBeNull();
    const mine = await listMyReports({ db, userId: citizen!.userId, locale: "en" });
    expect(mine.map((r) => [r.code, r.relation])).toEqual([[earlier.trackingCode, "filed"]]);
    // Their own details are not repeated on the list.
    expect(JSON.stringify(mine)).not.toContain("Ana Anić");
  });

  it("lists reports filed while signed in and reports followed, newest change first", async () => {
    const db = await getDb();
    const email = `pratilac-${Date.now()}@example.org`;
    expect((await askForLink(ask({ email }), { params: Promise.resolve({}) })).status).toBe(202);
    const citizen = (await consumeSignInLink({ db, token: await tokenFor(email) }))!;
    const filed = await fileReport({
      db,
      report: { serviceCode: world.category.serviceCode, position: world.inside, description: "moja" },
      citizen,
    });
    const other = await fileReport({
      db,
      report: {
        serviceCode: world.category.serviceCode,
        position: [world.inside[0] + 0.01, world.inside[1]],
        description: "tuđa",
      },
    });
    // Following while signed in takes the citizen's own address.
    expect(
      await supportReport({ db, code: other.trackingCode, body: { locale: "en", support: false }, citizen }),
    ).toEqual({ supporters: 0, following: true });
    const mine = await listMyReports({ db, userId: citizen.userId, locale: "en" });
    expect(new Map(mine.map((r) => [r.code, r.relation]))).toEqual(
      new Map([
        [filed.trackingCode, "filed"],
        [other.trackingCode, "following"],
      ]),
    );
    const contact = await queryOne<{ email: string; user_id: number }>(
      db,
      sql`select email, user_id from report_contacts where report_id = ${filed.id}`,
    );
    expect(contact).toEqual({ email, user_id: citizen.userId });
  });

  it("refuses expired links, malformed addresses, other sites' pages and too many requests, storing nothing", async () => {
    const db = await getDb();
    const email = `kasni-${Date.now()}@example.org`;
    expect((await askForLink(ask({ email }), { params: Promise.resolve({}) })).status).toBe(202);
    const token = await tokenFor(email);
    const later = new Date(Date.now() + (SIGN_IN_LINK_MINUTES + 1) * 60_000);
    expect(await consumeSignInLink({ db, token, now: later })).toBeNull();
    expect(await consumeSignInLink({ db, token: "kratko" })).toBeNull();

    const count = async () =>
      (await queryOne<{ n: number }>(db, sql`select count(*)::int as n from sign_in_links`))!.n;
    const before = await count();
    const bad = await askForLink(ask({ email: "nije-adresa" }, { lang: "sr-Latn" }), {
      params: Promise.resolve({}),
    });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.message).toBe("Unesite ispravnu adresu e-pošte.");
    const crossSite = await askForLink(ask({ email }, { origin: "https://evil.example" }), {
      params: Promise.resolve({}),
    });
    expect(crossSite.status).toBe(403);
    expect(await count()).toBe(before);

    const flood = `flood-${Date.now()}@example.org`;
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (await askForLink(ask({ email: flood }, { ip: "203.0.113.9" }), { params: Promise.resolve({}) }))
          .status,
      );
    expect(statuses.filter((s) => s === 202)).toHaveLength(5);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect((await queryRows(db, sql`select id from sign_in_links where email = ${flood}`)).length).toBe(5);
  });

  it("writes the link to the outbox directory where the installation sends no e-mail, and says so", async () => {
    process.env.SMTP_URL = "";
    resetEnvCache();
    try {
      const email = `bez-poste-${Date.now()}@example.org`;
      const res = await askForLink(ask({ email }), { params: Promise.resolve({}) });
      expect(res.status).toBe(202);
      expect(await res.json()).toEqual({ sent: true, delivery: "outbox" });
      const citizen = await consumeSignInLink({ db: await getDb(), token: await tokenFor(email) });
      expect(citizen?.email).toBe(email);
    } finally {
      process.env.SMTP_URL = sink.url;
      resetEnvCache();
    }
  });
});
