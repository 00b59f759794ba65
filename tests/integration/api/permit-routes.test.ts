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

  beforeAll(async () => {
    await buildWorkflowWorld({ west: 21, south: 41 });
  });

  it("registers an online application once per submission key, and tracking by number shows the procedure without names", async () => {
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

    const tracked = await track(
      new NextRequest(
        new URL(
          `/api/permits/track?number=${encodeURIComponent(body.reference.toLowerCase())}`,
          "http://localhost",
        ),
      ),
      params,
    );
    expect(tracked.status).toBe(200);
    const text = await tracked.text();
    expect(JSON.parse(text)).toMatchObject({
      reference: body.reference,
      status: "applied",
      steps: [{ status: "applied" }],
    });
    expect(text).not.toContain("Jovan");
    expect(text).not.toContain("jovana@mail.example");
    const missing = await track(
      new NextRequest(new URL("/api/permits/track?number=999-1/2000-IV&lang=en", "http://localhost")),
      params,
    );
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toBe("There is no such permit.");
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
