import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as fileRoute } from "../../../app/api/reports/route";
import { POST as supportRoute } from "../../../app/api/reports/[code]/support/route";
import { POST as open311Post } from "../../../app/open311/v2/[resource]/route";
import { POST as actionRoute } from "../../../app/api/staff/reports/[id]/actions/route";
import { POST as intakeRoute } from "../../../app/api/staff/intake/route";
import { POST as permitRoute } from "../../../app/api/staff/permits/route";
import { POST as permitDocumentRoute } from "../../../app/api/staff/permits/[id]/documents/route";
import { POST as applicationRoute } from "../../../app/api/permits/applications/route";
import { POST as importRoute } from "../../../app/api/admin/import/route";
import { POST as geodataRoute } from "../../../app/api/admin/setup/geodata/route";
import { POST as keyRequestRoute } from "../../../app/api/open311-keys/route";
import { getDb } from "../../../db/client";
import * as t from "../../../db/schema";
import { queryOne } from "../../../db/query";
import { loadSessionUser, type SessionUser } from "../../../lib/auth/staff-user";
import { hashApiKey } from "../../../lib/open311/post-request";
import { fileReport } from "../../../lib/reports/file-report";
import { engine } from "../../helpers/engine";
import { sessionCookie } from "../../helpers/session";
import { buildWorkflowWorld } from "../../helpers/world";

const KEY = "hostile-input-open311-key";
const NUL = "\u0000";
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** A body that is produced only as it is read, counting what the server pulled: chunked, no length. */
function endlessBody(totalBytes: number) {
  const chunk = new Uint8Array(256 * 1024).fill(97);
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= totalBytes) return controller.close();
      state.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, state };
}

function request(
  path: string,
  init: { body: BodyInit | ReadableStream; type?: string; cookie?: string; origin?: string },
) {
  const headers = new Headers({ host: "localhost", "x-forwarded-for": "198.51.100.9" });
  headers.set("origin", init.origin ?? "http://localhost");
  if (init.type) headers.set("content-type", init.type);
  if (init.cookie) headers.set("cookie", init.cookie);
  // A streamed body needs `duplex: "half"`, which the DOM RequestInit type does not list yet.
  const requestInit = { method: "POST", headers, body: init.body as BodyInit, duplex: "half" };
  return new NextRequest(
    new URL(path, "http://localhost"),
    requestInit as ConstructorParameters<typeof NextRequest>[1],
  );
}

const json = (value: unknown) => ({ body: JSON.stringify(value), type: "application/json" });

function reportForm(data: object, photos: Buffer[] = []) {
  const form = new FormData();
  form.set("data", JSON.stringify(data));
  for (const p of photos)
    form.append("photos", new Blob([new Uint8Array(p)], { type: "image/png" }), "p.png");
  return form;
}

describe(`hostile input on every write route (${engine} engine)`, () => {
  let world: Awaited<ReturnType<typeof buildWorkflowWorld>>;
  let cookie: string;
  let reportId: number;
  let trackingCode: string;
  let permitId: number;

  const counts = async () =>
    (await queryOne<Record<string, number>>(
      await getDb(),
      sql`select (select count(*) from reports)::int as reports,
                 (select count(*) from report_events)::int as events,
                 (select count(*) from report_followers)::int as followers,
                 (select count(*) from permits)::int as permits,
                 (select count(*) from permit_documents)::int as documents,
                 (select count(*) from report_imports)::int as imports,
                 (select count(*) from open311_key_requests)::int as keyRequests`,
    ))!;

  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 20.2, south: 44.2 });
    const db = await getDb();
    await db.insert(t.apiClients).values({ name: "Hostile client", keyHash: hashApiKey(KEY) });
    await db.insert(t.memberships).values({
      userId: world.lead.id,
      municipalityId: world.municipality.id,
      organisationId: world.contactCentre.id,
      role: "admin",
    });
    const admin: SessionUser = (await loadSessionUser(db, world.lead.id))!;
    cookie = await sessionCookie(admin);
    const filed = await fileReport({
      db,
      report: { serviceCode: world.category.serviceCode, position: world.inside, description: "Curi voda" },
    });
    trackingCode = filed.trackingCode;
    reportId = (await queryOne<{ id: number }>(
      db,
      sql`select id from reports where tracking_code = ${filed.trackingCode}`,
    ))!.id;
    // The size limit holds before the permit is looked up: any number will do.
    permitId = 424242;
  });

  const report = () => ({
    serviceCode: world.category.serviceCode,
    position: world.inside,
    description: `Rupa${NUL} na putu`,
  });

  // Each row: the route, a request with a NUL or another control character in one field, the
  // field the answer must name, and the table that must not grow.
  const nulCases: Array<{
    route: string;
    handler: () => Handler;
    params?: () => Record<string, string>;
    make: () => NextRequest;
    field: string;
  }> = [
    {
      route: "POST /api/reports (filing)",
      handler: () => fileRoute as Handler,
      make: () => request("/api/reports?lang=en", { body: reportForm(report()) }),
      field: "description",
    },
    {
      route: "POST /open311/v2/requests.json",
      handler: () => open311Post as Handler,
      params: () => ({ resource: "requests.json" }),
      make: () =>
        request("/open311/v2/requests.json?locale=en", {
          body: new URLSearchParams({
            api_key: KEY,
            service_code: world.category.serviceCode,
            lat: String(world.inside[1]),
            long: String(world.inside[0]),
            description: "Voda\u0001 curi",
          }).toString(),
          type: "application/x-www-form-urlencoded",
        }),
      field: "description",
    },
    {
      route: "POST /api/reports/{code}/support",
      handler: () => supportRoute as Handler,
      params: () => ({ code: trackingCode }),
      make: () =>
        request(`/api/reports/${trackingCode}/support?lang=en`, json({ email: `a${NUL}@mail.example` })),
      field: "email",
    },
    {
      route: "POST /api/staff/reports/{id}/actions",
      handler: () => actionRoute as unknown as Handler,
      params: () => ({ id: String(reportId) }),
      make: () =>
        request(`/api/staff/reports/${reportId}/actions?lang=en`, {
          ...json({ action: { type: "note", internalNote: `Bilješka${NUL}` } }),
          cookie,
        }),
      field: "action.internalNote",
    },
    {
      route: "POST /api/staff/intake",
      handler: () => intakeRoute as Handler,
      make: () =>
        request("/api/staff/intake?lang=en", { ...json({ ...report(), channel: "phone" }), cookie }),
      field: "description",
    },
    {
      route: "POST /api/staff/permits",
      handler: () => permitRoute as Handler,
      make: () =>
        request("/api/staff/permits?lang=en", {
          ...json({ municipalityId: world.municipality.id, holderName: `Firma${NUL}` }),
          cookie,
        }),
      field: "holderName",
    },
    {
      route: "POST /api/permits/applications",
      handler: () => applicationRoute as Handler,
      make: () =>
        request(
          "/api/permits/applications?lang=en",
          json({ kind: "street_occupancy", applicant: { name: `Ana${NUL}` } }),
        ),
      field: "applicant.name",
    },
    {
      route: "POST /api/admin/import (CSV import)",
      handler: () => importRoute as Handler,
      make: () =>
        request("/api/admin/import?lang=en", {
          ...json({
            municipalityCode: world.municipality.code,
            fileName: "old.csv",
            csv: `opis,lat,lng\nRupa${NUL},44.25,20.25\n`,
          }),
          cookie,
        }),
      field: "csv",
    },
    {
      route: "POST /api/open311-keys (a developer's key request)",
      handler: () => keyRequestRoute as Handler,
      make: () =>
        request(
          "/api/open311-keys?lang=en",
          json({
            name: "Milica",
            email: "dev@apps.example",
            application: `Prijava${NUL}`,
            purpose: "A phone app that files potholes with a photo.",
          }),
        ),
      field: "application",
    },
    {
      route: "POST /api/admin/setup/geodata (admin upload)",
      handler: () => geodataRoute as Handler,
      make: () => {
        const form = new FormData();
        form.set("layer", `granice${NUL}`);
        form.set("file", new Blob(["{}"]), "a.geojson");
        return request("/api/admin/setup/geodata?lang=en", { body: form, cookie });
      },
      field: "layer",
    },
  ];

  it.each(nulCases)(
    "$route answers 422 naming the field that holds a control character and saves nothing",
    async ({ handler, params, make, field }) => {
      const before = await counts();
      const res = await handler()(make(), { params: Promise.resolve(params?.() ?? {}) });
      const text = await res.text();
      expect(res.status, text).toBe(422);
      expect(text).toContain(field);
      expect(text).toContain("control character");
      expect(await counts()).toEqual(before);
    },
  );

  const oversizeCases: Array<{
    route: string;
    handler: () => Handler;
    params?: () => Record<string, string>;
    path: () => string;
    type: string;
    staff?: boolean;
    message: string;
  }> = [
    {
      route: "filing",
      handler: () => fileRoute as Handler,
      path: () => "/api/reports?lang=en",
      type: "multipart/form-data; boundary=x",
      message: "too large",
    },
    {
      route: "Open311 POST",
      handler: () => open311Post as Handler,
      params: () => ({ resource: "requests.json" }),
      path: () => "/open311/v2/requests.json?locale=en",
      type: "application/x-www-form-urlencoded",
      message: "too large",
    },
    {
      route: "support",
      handler: () => supportRoute as Handler,
      params: () => ({ code: trackingCode }),
      path: () => `/api/reports/${trackingCode}/support?lang=en`,
      type: "application/json",
      message: "too large",
    },
    {
      route: "staff action",
      handler: () => actionRoute as unknown as Handler,
      params: () => ({ id: String(reportId) }),
      path: () => `/api/staff/reports/${reportId}/actions?lang=en`,
      type: "multipart/form-data; boundary=x",
      staff: true,
      message: "too large",
    },
    {
      route: "Open311 key request",
      handler: () => keyRequestRoute as Handler,
      path: () => "/api/open311-keys?lang=en",
      type: "application/json",
      message: "too large",
    },
    {
      route: "admin geodata upload",
      handler: () => geodataRoute as Handler,
      path: () => "/api/admin/setup/geodata?lang=en",
      type: "multipart/form-data; boundary=x",
      staff: true,
      message: "too large",
    },
    {
      route: "permit document upload",
      handler: () => permitDocumentRoute as unknown as Handler,
      params: () => ({ id: String(permitId) }),
      path: () => `/api/staff/permits/${permitId}/documents?lang=en`,
      type: "multipart/form-data; boundary=x",
      staff: true,
      message: "larger than",
    },
  ];

  it.each(oversizeCases)(
    "$route stops reading a 200 MB chunked body at its limit and answers 413",
    async ({ handler, params, path, type, staff, message }) => {
      const before = await counts();
      const body = endlessBody(200 * 1024 * 1024);
      const res = await handler()(
        request(path(), { body: body.stream, type, cookie: staff ? cookie : undefined }),
        { params: Promise.resolve(params?.() ?? {}) },
      );
      const text = await res.text();
      expect(res.status, text).toBe(413);
      expect(text.toLowerCase()).toContain(message);
      // The largest limit is the filing form's 31 MB; nothing near 200 MB was pulled.
      expect(body.state.pulled).toBeLessThan(32 * 1024 * 1024);
      expect(await counts()).toEqual(before);
    },
  );

  it("Open311 checks a key given in the query string before reading any of the body", async () => {
    const body = endlessBody(200 * 1024 * 1024);
    const res = await open311Post(
      request("/open311/v2/requests.json?locale=en&api_key=wrong", {
        body: body.stream,
        type: "application/x-www-form-urlencoded",
      }),
      { params: Promise.resolve({ resource: "requests.json" }) },
    );
    expect(res.status).toBe(403);
    // A stream fills its first chunk on creation; the server read none of the rest.
    expect(body.state.pulled).toBeLessThanOrEqual(256 * 1024);
  });

  it("refuses a photo of more than 40 megapixels with 413 and files nothing", async () => {
    // 10,000 × 10,000 of one colour: a few hundred kilobytes as PNG, 100 MP once decoded.
    const giant = await sharp({
      create: { width: 10_000, height: 10_000, channels: 3, background: { r: 1, g: 2, b: 3 } },
    })
      .png({ compressionLevel: 9 })
      .toBuffer();
    const before = await counts();
    const res = await fileRoute(
      request("/api/reports?lang=en", {
        body: reportForm({ ...report(), description: "Rupa na putu" }, [giant]),
      }),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("40 megapixels");
    expect(await counts()).toEqual(before);
  });

  it("answers a malformed Origin header on a staff change with 403, not 500", async () => {
    const before = await counts();
    const res = await actionRoute(
      request(`/api/staff/reports/${reportId}/actions?lang=en`, {
        ...json({ action: { type: "note", internalNote: "x" } }),
        cookie,
        origin: "http://[bad",
      }),
      { params: Promise.resolve({ id: String(reportId) }) },
    );
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("did not come from this site");
    expect(await counts()).toEqual(before);
  });
});
