import Ajv from "ajv";
import { NextRequest } from "next/server";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getResource, POST as postResource } from "../../../app/open311/v2/[resource]/route";
import { GET as getService } from "../../../app/open311/v2/services/[code]/route";
import { GET as getRequest } from "../../../app/open311/v2/requests/[id]/route";
import { GET as getToken } from "../../../app/open311/v2/tokens/[token]/route";
import { getDb } from "../../../db/client";
import { queryOne } from "../../../db/query";
import * as t from "../../../db/schema";
import { sr } from "../../../db/seed/localized";
import { hashApiKey } from "../../../lib/open311/post-request";
import * as schemas from "../../fixtures/open311-schemas";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";

const ajv = new Ajv({ allErrors: true, strict: false });
const KEY = "test-open311-key";
const secret = {
  first: "Tajanstvena",
  last: "Prijaviteljka",
  email: "tajna.open311@mail.example",
  phone: "+381 63 9998887",
};

function get(path: string) {
  return new NextRequest(new URL(path, "http://localhost"));
}

function post(path: string, form: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const item of [v].flat()) body.append(k, item);
  return new NextRequest(new URL(path, "http://localhost"), {
    method: "POST",
    body: body.toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
}

const ctx = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });

describe(`Open311 GeoReport v2 on the ${engine} engine`, () => {
  let world: Awaited<ReturnType<typeof buildWorkflowWorld>>;
  let jurisdiction: string;
  let postedId: string;

  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 19.5, south: 45.5 });
    jurisdiction = world.municipality.code;
    const db = await getDb();
    await db.insert(t.apiClients).values({ name: "Test client", keyHash: hashApiKey(KEY) });
    await db
      .update(t.serviceCategories)
      .set({
        questions: [
          {
            code: "flow",
            type: "single_choice",
            required: false,
            label: sr("Koliko?", "How much?"),
            options: [
              { value: "drip", label: sr("Kaplje", "Drip") },
              { value: "flood", label: sr("Plavi", "Flood") },
            ],
          },
          {
            code: "where",
            type: "multiple_choice",
            required: false,
            label: sr("Gde?", "Where?"),
            options: [
              { value: "road", label: sr("Put", "Road") },
              { value: "yard", label: sr("Dvorište", "Yard") },
            ],
          },
          { code: "nights", type: "number", required: false, label: sr("Noći", "Nights") },
        ],
      })
      .where(sql`id = ${world.category.id}`);
  });

  it("lists services in JSON and XML", async () => {
    const json = await getResource(
      get(`/open311/v2/services.json?jurisdiction_id=${jurisdiction}&locale=en`),
      ctx({ resource: "services.json" }),
    );
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const services = await json.json();
    expect(ajv.validate(schemas.servicesSchema, services), ajv.errorsText()).toBe(true);
    expect(services).toEqual([
      expect.objectContaining({
        service_code: world.category.serviceCode,
        service_name: "Water leak",
        metadata: true,
      }),
    ]);
    const xml = await (
      await getResource(
        get(`/open311/v2/services.xml?jurisdiction_id=${jurisdiction}`),
        ctx({ resource: "services.xml" }),
      )
    ).text();
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<services><service><service_code>')).toBe(
      true,
    );
  });

  it("describes a service's attributes from the category's questions", async () => {
    const res = await getService(
      get(`/open311/v2/services/x.json?jurisdiction_id=${jurisdiction}&locale=en`),
      ctx({ code: `${world.category.serviceCode}.json` }),
    );
    const definition = await res.json();
    expect(ajv.validate(schemas.serviceDefinitionSchema, definition), ajv.errorsText()).toBe(true);
    expect(
      definition.attributes.map((a: { code: string; datatype: string }) => [a.code, a.datatype]),
    ).toEqual([
      ["flow", "singlevaluelist"],
      ["where", "multivaluelist"],
      ["nights", "number"],
    ]);
    const xml = await (
      await getService(
        get(`/open311/v2/services/x.xml?jurisdiction_id=${jurisdiction}`),
        ctx({ code: `${world.category.serviceCode}.xml` }),
      )
    ).text();
    expect(xml).toContain("<attributes><attribute><variable>true</variable><code>flow</code>");
    expect(xml).toContain("<values><value><key>drip</key>");
    const missing = await getService(
      get(`/open311/v2/services/x.json?jurisdiction_id=${jurisdiction}`),
      ctx({ code: "nope.json" }),
    );
    expect(missing.status).toBe(404);
    expect(ajv.validate(schemas.errorsSchema, await missing.json())).toBe(true);
  });

  it("accepts a POST with an api key through the same intake, once per identical retry", async () => {
    const form = {
      api_key: KEY,
      jurisdiction_id: jurisdiction,
      service_code: world.category.serviceCode,
      lat: String(world.inside[1]),
      long: String(world.inside[0]),
      description: "Voda curi iz šahta (Open311).",
      first_name: secret.first,
      last_name: secret.last,
      email: secret.email,
      phone: secret.phone,
      "attribute[flow]": "flood",
      "attribute[where][]": ["road", "yard"],
      "attribute[nights]": "2",
      media_url: "https://app.example/photos/1.jpg",
    };
    const res = await postResource(
      post("/open311/v2/requests.json", form),
      ctx({ resource: "requests.json" }),
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(ajv.validate(schemas.postResponseSchema, body), ajv.errorsText()).toBe(true);
    postedId = body[0].service_request_id;
    const again = await (
      await postResource(post("/open311/v2/requests.json", form), ctx({ resource: "requests.json" }))
    ).json();
    expect(again[0].service_request_id).toBe(postedId);
    const stored = await queryOne<{
      channel: string;
      answers: unknown;
      assigned_organisation_id: number;
      media_url: string;
      n: number;
    }>(
      await getDb(),
      sql`select r.channel, r.answers, r.assigned_organisation_id, r.media_url,
                 (select count(*)::int from report_events e where e.report_id = r.id) as n
          from reports r where tracking_code = ${postedId}`,
    );
    expect(stored).toEqual({
      channel: "open311",
      answers: { flow: "flood", where: ["road", "yard"], nights: 2 },
      assigned_organisation_id: world.water.id,
      media_url: form.media_url,
      n: 1,
    });
  });

  it.each([
    ["no api key", { service_code: "x" }, 403],
    ["a wrong api key", { api_key: "nope", service_code: "x" }, 403],
    ["no service code", { api_key: KEY }, 400],
    ["an unknown service code", { api_key: KEY, service_code: "unknown" }, 404],
    ["no location", { api_key: KEY, service_code: "__category__" }, 400],
    [
      "a location outside the municipality",
      { api_key: KEY, service_code: "__category__", lat: "10", long: "10" },
      400,
    ],
    [
      "a description over 4,000 characters",
      {
        api_key: KEY,
        service_code: "__category__",
        lat: "__lat__",
        long: "__long__",
        description: "x".repeat(4_001),
      },
      400,
    ],
  ])("answers a POST with %s by an error list and saves nothing", async (_what, raw, status) => {
    const form = Object.fromEntries(
      Object.entries(raw as Record<string, string>).map(([k, v]) => [
        k,
        v
          .replace("__category__", world.category.serviceCode)
          .replace("__lat__", String(world.inside[1]))
          .replace("__long__", String(world.inside[0])),
      ]),
    );
    const before = await queryOne<{ n: number }>(await getDb(), sql`select count(*)::int as n from reports`);
    const res = await postResource(
      post(`/open311/v2/requests.xml?jurisdiction_id=${jurisdiction}`, {
        ...form,
        jurisdiction_id: jurisdiction,
      }),
      ctx({ resource: "requests.xml" }),
    );
    expect(res.status).toBe(status);
    const xml = await res.text();
    expect(xml).toMatch(
      new RegExp(
        `^<\\?xml version="1.0" encoding="utf-8"\\?>\\n<errors><error><code>${status}</code><description>[^<]+</description></error></errors>$`,
      ),
    );
    expect(await queryOne<{ n: number }>(await getDb(), sql`select count(*)::int as n from reports`)).toEqual(
      before,
    );
  });

  it("lists requests with the spec's fields and filters, never the reporter's contact", async () => {
    const url = `/open311/v2/requests.json?jurisdiction_id=${jurisdiction}&locale=en`;
    const res = await getResource(get(url), ctx({ resource: "requests.json" }));
    const text = await res.text();
    const list = JSON.parse(text);
    expect(ajv.validate(schemas.requestsSchema, list), ajv.errorsText()).toBe(true);
    const posted = list.find((r: { service_request_id: string }) => r.service_request_id === postedId);
    expect(posted).toMatchObject({
      status: "open",
      service_code: world.category.serviceCode,
      agency_responsible: "Test organisation",
      media_url: "https://app.example/photos/1.jpg",
    });
    for (const value of Object.values(secret)) expect(text).not.toContain(value);

    const byId = await (
      await getResource(
        get(`${url}&service_request_id=${postedId},NONE-NONE&status=closed`),
        ctx({ resource: "requests.json" }),
      )
    ).json();
    expect(byId.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([postedId]);
    const closed = await (
      await getResource(get(`${url}&status=closed`), ctx({ resource: "requests.json" }))
    ).json();
    expect(closed.every((r: { status: string }) => r.status === "closed")).toBe(true);
    const old = await (
      await getResource(get(`${url}&end_date=2020-01-01T00:00:00Z`), ctx({ resource: "requests.json" }))
    ).json();
    expect(old).toEqual([]);
    const bad = await getResource(get(`${url}&start_date=yesterday`), ctx({ resource: "requests.json" }));
    expect(bad.status).toBe(400);
    expect(ajv.validate(schemas.errorsSchema, await bad.json())).toBe(true);
    const badStatus = await getResource(get(`${url}&status=pending`), ctx({ resource: "requests.json" }));
    expect(badStatus.status).toBe(400);
  });

  it("answers one request and its token in XML and JSON, and 404 for unknown ones", async () => {
    const xml = await (
      await getRequest(
        get(`/open311/v2/requests/x.xml?jurisdiction_id=${jurisdiction}`),
        ctx({ id: `${postedId}.xml` }),
      )
    ).text();
    expect(xml).toContain(
      `<service_requests><request><service_request_id>${postedId}</service_request_id><status>open</status>`,
    );
    expect(xml).not.toContain(secret.email);
    const token = await (
      await getToken(
        get(`/open311/v2/tokens/x.json?jurisdiction_id=${jurisdiction}`),
        ctx({ token: `${postedId}.json` }),
      )
    ).json();
    expect(token).toEqual([{ service_request_id: postedId, token: postedId }]);
    expect(
      (
        await getRequest(
          get(`/open311/v2/requests/x.json?jurisdiction_id=${jurisdiction}`),
          ctx({ id: "ZZZZ-ZZZZ.json" }),
        )
      ).status,
    ).toBe(404);
    expect(
      (await getRequest(get(`/open311/v2/requests/x?jurisdiction_id=${jurisdiction}`), ctx({ id: postedId })))
        .status,
    ).toBe(404);
  });

  it("feeds public updates (servicerequestupdates), without internal notes", async () => {
    const db = await getDb();
    const id = (await queryOne<{ id: number }>(
      db,
      sql`select id from reports where tracking_code = ${postedId}`,
    ))!.id;
    const { performReportAction } = await import("../../../lib/workflow/perform-report-action");
    await performReportAction({
      db,
      reportId: id,
      expectedVersion: 1,
      actor: world.actors.waterOperator,
      action: {
        type: "transition",
        to: "in_progress",
        publicText: "Ekipa na terenu.",
        internalNote: "Tajna beleška.",
      },
    });
    const res = await getResource(
      get(
        `/open311/v2/servicerequestupdates.json?jurisdiction_id=${jurisdiction}&service_request_id=${postedId}`,
      ),
      ctx({ resource: "servicerequestupdates.json" }),
    );
    const text = await res.text();
    const updates = JSON.parse(text);
    expect(updates.map((u: { status: string; description: string }) => [u.status, u.description])).toEqual([
      ["open", ""],
      ["open", "Ekipa na terenu."],
    ]);
    expect(text).not.toContain("Tajna beleška");
    const xml = await (
      await getResource(
        get(
          `/open311/v2/servicerequestupdates.xml?jurisdiction_id=${jurisdiction}&service_request_id=${postedId}`,
        ),
        ctx({ resource: "servicerequestupdates.xml" }),
      )
    ).text();
    expect(xml).toContain("<service_request_updates><request_update><update_id>");
  });

  it("serves the discovery document", async () => {
    const discovery = await (
      await getResource(get(`/open311/v2/discovery.json`), ctx({ resource: "discovery.json" }))
    ).json();
    expect(discovery.endpoints[0]).toMatchObject({
      specification: "http://wiki.open311.org/GeoReport_v2",
      formats: ["text/xml", "application/json"],
    });
  });
});
