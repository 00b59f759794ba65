import { NextRequest } from "next/server";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as apply } from "../../../app/api/permits/applications/route";
import { POST as planned } from "../../../app/api/permits/planned/route";
import { GET as track } from "../../../app/api/permits/track/route";
import { getDb } from "../../../db/client";
import { queryOne } from "../../../db/query";
import { box } from "../../helpers/builders";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";
import { changePermitStatus } from "../../../lib/permits/change-permit-status";
import type { PermitStatus } from "../../../lib/permits/permit-states";

const params = { params: Promise.resolve({}) };

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return new NextRequest(new URL(path, "http://localhost"), {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.7", ...headers },
  });
}

describe(`the public permit routes on the ${engine} engine`, () => {
  const application = {
    kind: "street_occupancy",
    holderName: "Jovana Jovanović",
    holderIsCompany: false,
    worksDescription: "Skela za fasadu",
    site: box(21.01, 41.01, 21.0105, 41.0104),
    validFrom: "2027-03-01",
    validTo: "2027-03-20",
    applicant: { name: "Jovana Jovanović", email: "jovana@mail.example", phone: "+381 63 123 456" },
  };

  let world: Awaited<ReturnType<typeof buildWorkflowWorld>>;
  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 21, south: 41 });
  });

  it("registers an online application once per submission key, and tracking with the receipt's key shows the procedure without names", async () => {
    const key = "5d3c1f0e-2b4a-4c6d-8e9f-0a1b2c3d4e5f";
    const first = await apply(
      post("/api/permits/applications?lang=en", { ...application, submissionKey: key }),
      params,
    );
    expect(first.status).toBe(201);
    const body = await first.json();
    expect(body.reference).toMatch(/^344-\d{3,}\/\d{4}-IV$/);
    const retry = await apply(
      post("/api/permits/applications?lang=en", { ...application, submissionKey: key }),
      params,
    );
    expect(retry.status).toBe(200);
    expect((await retry.json()).reference).toBe(body.reference);
    const channel = await queryOne<{ channel: string; n: number }>(
      await getDb(),
      sql`select min(channel::text) as channel, count(*)::int as n from permits where submission_key = ${key}`,
    );
    expect(channel).toEqual({ channel: "web", n: 1 });

    // The receipt's tracking key opens the application; its number alone does not (numbers run in sequence).
    expect(body.trackingKey).toMatch(/^[0-9A-F]{12}$/);
    expect(body.url).toBe(
      `/permits/track?number=${encodeURIComponent(body.reference)}&key=${body.trackingKey}`,
    );
    const trackBy = (number: string, key?: string) =>
      track(
        new NextRequest(
          new URL(
            `/api/permits/track?lang=en&number=${encodeURIComponent(number)}${key === undefined ? "" : `&key=${encodeURIComponent(key)}`}`,
            "http://localhost",
          ),
        ),
        params,
      );
    // Typed as people do: the number in lower case, the key in groups, in lower case.
    const readable = `${body.trackingKey.slice(0, 4)}-${body.trackingKey.slice(4, 8)} ${body.trackingKey.slice(8)}`;
    const tracked = await trackBy(body.reference.toLowerCase(), readable.toLowerCase());
    expect(tracked.status).toBe(200);
    const text = await tracked.text();
    expect(JSON.parse(text)).toMatchObject({
      reference: body.reference,
      status: "applied",
      withKey: true,
      works: "Skela za fasadu",
      steps: [{ status: "applied" }],
    });
    expect(text).not.toContain("Jovan");
    expect(text).not.toContain("jovana@mail.example");
    for (const key of [undefined, "", "000000000000", `${body.trackingKey}0`]) {
      const refused = await trackBy(body.reference, key);
      expect(refused.status, `key ${key}`).toBe(404);
      expect((await refused.json()).error.message).toBe(
        "There is no such permit, or it is not public and the tracking key is missing or wrong.",
      );
    }
    expect((await trackBy("999-1/2000-IV")).status).toBe(404);
  });

  it("shows the office's reasons to the applicant's key only, and a granted permit to anyone as the public record does", async () => {
    const db = await getDb();
    const actorUserId = (world.actors.agent as { userId: number }).userId;
    const municipalityIds = [world.municipality.id];
    const file = async (submissionKey: string, from: number) => {
      const response = await apply(
        post(
          "/api/permits/applications?lang=en",
          {
            ...application,
            site: box(21.02 + from, 41.02, 21.0205 + from, 41.0204),
            holderIsCompany: true,
            holderName: "Gradnja d.o.o.",
            submissionKey,
          },
          { "x-forwarded-for": `203.0.113.${20 + Math.round(from * 1000)}` },
        ),
        params,
      );
      expect(response.status).toBe(201);
      const receipt = await response.json();
      const id = (await queryOne<{ id: number }>(
        db,
        sql`select id from permits where reference = ${receipt.reference}`,
      ))!.id;
      return { ...receipt, id };
    };
    const step = async (id: number, to: PermitStatus, reason?: string) => {
      const { version } = (await queryOne<{ version: number }>(
        db,
        sql`select version from permits where id = ${id}`,
      ))!;
      await changePermitStatus({
        db,
        permitId: id,
        expectedVersion: version,
        to,
        reason,
        actorUserId,
        municipalityIds,
      });
    };
    const trackBy = async (number: string, key?: string) => {
      const response = await track(
        new NextRequest(
          new URL(
            `/api/permits/track?number=${encodeURIComponent(number)}${key ? `&key=${key}` : ""}`,
            "http://localhost",
          ),
        ),
        params,
      );
      return { status: response.status, body: await response.json() };
    };

    const refused = await file("0b8e4a51-7c0d-4f59-9d1e-3a2b1c0d9e8f", 0);
    await step(refused.id, "under_review");
    await step(refused.id, "refused", "Skela bi zatvorila pešački prolaz.");
    const withKey = await trackBy(refused.reference, refused.trackingKey);
    expect(withKey.body).toMatchObject({ status: "refused", withKey: true });
    expect(withKey.body.steps.map((s: { note: string | null }) => s.note)).toContain(
      "Skela bi zatvorila pešački prolaz.",
    );
    expect((await trackBy(refused.reference)).status).toBe(404);

    const granted = await file("4c1d2e3f-5a6b-4c7d-8e9f-1a2b3c4d5e6f", 0.002);
    await step(granted.id, "under_review", "Dokumentacija je potpuna.");
    await step(granted.id, "granted", "Uz uslov da se prolaz obezbedi.");
    const open = await trackBy(granted.reference);
    expect(open.status).toBe(200);
    expect(open.body).toMatchObject({ status: "granted", withKey: false, works: "Skela za fasadu" });
    expect(open.body.steps.map((s: { status: string }) => s.status)).toEqual([
      "applied",
      "under_review",
      "granted",
    ]);
    expect(open.body.steps.every((s: { note: string | null }) => s.note === null)).toBe(true);
    // The key of one application does not open another.
    expect((await trackBy(refused.reference, granted.trackingKey)).status).toBe(404);
  });

  it("refuses a bad site with its reason in the caller's language and saves nothing", async () => {
    const before = await queryOne<{ n: number }>(await getDb(), sql`select count(*)::int as n from permits`);
    const open = {
      ...application,
      site: {
        type: "Polygon",
        coordinates: [
          [
            [21.01, 41.01],
            [21.02, 41.01],
            [21.02, 41.02],
            [21.01, 41.02],
          ],
        ],
      },
    };
    const response = await apply(
      post("/api/permits/applications?lang=sr-Latn", open, { "x-forwarded-for": "203.0.113.8" }),
      params,
    );
    expect(response.status).toBe(422);
    expect((await response.json()).error).toMatchObject({
      code: "unprocessable",
      message: "Obod površine nije zatvoren.",
    });
    const after = await queryOne<{ n: number }>(await getDb(), sql`select count(*)::int as n from permits`);
    expect(after).toEqual(before);
  });

  it("limits online applications per address like citizens' reports", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await apply(
        post(
          "/api/permits/applications?lang=en",
          {
            ...application,
            applicant: { name: "Firma" },
            site: box(21.02 + i * 0.001, 41.02, 21.0205 + i * 0.001, 41.0204),
          },
          { "x-forwarded-for": "203.0.113.9" },
        ),
        params,
      );
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it("answers what is planned at a point with public fields, and refuses a malformed place", async () => {
    const ok = await planned(
      post("/api/permits/planned", { where: { type: "Point", coordinates: [21.0102, 41.0102] } }),
      params,
    );
    expect(ok.status).toBe(200);
    // The application above is not granted yet, so nothing is planned there for the public.
    expect((await ok.json()).permits).toEqual([]);
    const bad = await planned(
      post("/api/permits/planned?lang=en", { where: { type: "Point", coordinates: [500, 41] } }),
      params,
    );
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.message).toBe("The shape has coordinates outside the map.");
  });
});
