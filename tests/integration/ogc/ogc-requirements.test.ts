import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as landing } from "../../../app/api/ogc/route";
import { GET as conformance } from "../../../app/api/ogc/conformance/route";
import { GET as collections } from "../../../app/api/ogc/collections/route";
import { GET as collection } from "../../../app/api/ogc/collections/[collectionId]/route";
import { GET as items } from "../../../app/api/ogc/collections/[collectionId]/items/route";
import { GET as item } from "../../../app/api/ogc/collections/[collectionId]/items/[featureId]/route";
import { getDb } from "../../../db/client";
import { localDate } from "../../../lib/calendar/working-days";
import { registerPermit } from "../../../lib/permits/register-permit";
import { fileReport } from "../../../lib/reports/file-report";
import { box } from "../../helpers/builders";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";

type Json = Record<string, unknown> & {
  features?: Array<{ id: string }>;
  links?: Array<{ rel: string; href: string }>;
};
const get = (url: string, headers: Record<string, string> = {}) =>
  new NextRequest(new URL(url, "http://localhost"), { headers: { host: "localhost", ...headers } });
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** The route that answers a path under /api/ogc, with its params. */
function route(path: string): [Handler, Record<string, string>] {
  const p = new URL(path, "http://localhost").pathname.replace(/^\/api\/ogc/, "");
  let m: RegExpExecArray | null;
  if (p === "" || p === "/") return [landing as Handler, {}];
  if (p === "/conformance") return [conformance as Handler, {}];
  if (p === "/collections") return [collections as Handler, {}];
  if ((m = /^\/collections\/([^/]+)$/.exec(p))) return [collection as Handler, { collectionId: m[1]! }];
  if ((m = /^\/collections\/([^/]+)\/items$/.exec(p))) return [items as Handler, { collectionId: m[1]! }];
  if ((m = /^\/collections\/([^/]+)\/items\/([^/]+)$/.exec(p)))
    return [item as Handler, { collectionId: m[1]!, featureId: m[2]! }];
  throw new Error(`no route for ${path}`);
}

async function call(path: string, headers: Record<string, string> = {}) {
  const [handler, params] = route(path);
  const res = await handler(get(path, headers), { params: Promise.resolve(params) });
  return { res, body: (await res.json()) as Json };
}

const ids = (body: Json) => (body.features ?? []).map((f) => String(f.id));

/**
 * OGC API – Features Part 1 (Core, GeoJSON) as its abstract test suite lists the requirements:
 * each row is one request and what the answer must be. The closing note lists this table.
 */
describe(`OGC API – Features requirements, table-driven (${engine} engine)`, () => {
  let world: Awaited<ReturnType<typeof buildWorkflowWorld>>;
  const codes: string[] = [];
  let reference: string;

  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 18.1, south: 42.1 });
    const db = await getDb();
    for (let i = 0; i < 12; i++) {
      const filed = await fileReport({
        db,
        report: {
          serviceCode: world.category.serviceCode,
          position: [world.inside[0] + i * 0.0005, world.inside[1]],
          description: `ATS ${i}`,
        },
      });
      codes.push(filed.trackingCode);
    }
    const permit = await registerPermit({
      db,
      channel: "office",
      application: {
        kind: "construction",
        holderName: "Gradnja ATS d.o.o.",
        worksDescription: "Zgrada",
        site: box(18.12, 42.12, 18.1206, 42.1204),
        validFrom: "2026-01-10",
        validTo: "2099-12-31",
        applicant: { name: "Gradnja ATS d.o.o.", email: "ats@gradnja.example" },
      },
    });
    reference = permit.reference;
    await db.execute(sql`update permits set status = 'active' where id = ${permit.id}`);
  });

  const bbox = () => "18.1,42.1,18.2,42.2";

  const table: Array<{ req: string; path: () => string; check: (r: { res: Response; body: Json }) => void }> =
    [
      {
        req: "/req/core/root-success",
        path: () => "/api/ogc",
        check: ({ res, body }) => {
          expect(res.status).toBe(200);
          expect((body.links ?? []).map((l) => l.rel)).toEqual(
            expect.arrayContaining(["self", "service-desc", "conformance", "data"]),
          );
        },
      },
      {
        req: "/req/core/conformance-success",
        path: () => "/api/ogc/conformance",
        check: ({ body }) =>
          expect(body.conformsTo).toContain("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core"),
      },
      {
        req: "/req/core/fc-md-success",
        path: () => "/api/ogc/collections",
        check: ({ res, body }) => {
          expect(res.status).toBe(200);
          expect((body.collections as Array<{ id: string }>).map((c) => c.id)).toContain("reports");
        },
      },
      {
        req: "/req/core/sfc-md-extent (temporal extent filled)",
        path: () => "/api/ogc/collections/reports",
        check: ({ body }) => {
          const interval = (body.extent as { temporal: { interval: string[][] } }).temporal.interval[0]!;
          expect(interval[0]).toMatch(/^\d{4}-/);
          expect(interval[1]).toMatch(/^\d{4}-/);
        },
      },
      {
        req: "/req/core/fc-response (GeoJSON FeatureCollection)",
        path: () => `/api/ogc/collections/reports/items?bbox=${bbox()}`,
        check: ({ res, body }) => {
          expect(res.headers.get("content-type")).toContain("application/geo+json");
          expect(body.type).toBe("FeatureCollection");
          expect(body.numberMatched).toBe(codes.length);
        },
      },
      {
        req: "/req/core/fc-limit-definition (limit=0 refused)",
        path: () => "/api/ogc/collections/reports/items?limit=0",
        check: ({ res }) => expect(res.status).toBe(400),
      },
      {
        req: "/req/core/fc-limit-response",
        path: () => `/api/ogc/collections/reports/items?bbox=${bbox()}&limit=5`,
        check: ({ body }) => expect(ids(body)).toHaveLength(5),
      },
      {
        req: "/req/core/fc-bbox-definition (6 numbers)",
        path: () => "/api/ogc/collections/reports/items?bbox=18.1,42.1,0,18.2,42.2,100",
        check: ({ res, body }) => {
          expect(res.status).toBe(200);
          expect(ids(body).sort()).toEqual([...codes].sort());
        },
      },
      {
        req: "/req/core/fc-bbox-definition (3 numbers refused)",
        path: () => "/api/ogc/collections/reports/items?bbox=18.1,42.1,18.2",
        check: ({ res }) => expect(res.status).toBe(400),
      },
      {
        req: "/req/core/fc-bbox-response (outside: nothing)",
        path: () => "/api/ogc/collections/reports/items?bbox=10,10,10.1,10.1",
        check: ({ body }) => expect(ids(body)).toEqual([]),
      },
      {
        req: "/req/core/fc-time-definition (malformed refused)",
        path: () => "/api/ogc/collections/reports/items?datetime=yesterday",
        check: ({ res }) => expect(res.status).toBe(400),
      },
      {
        req: "/req/core/fc-time-response (date-only = the whole local day)",
        path: () => `/api/ogc/collections/reports/items?bbox=${bbox()}&datetime=${localDate(new Date())}`,
        check: ({ body }) => expect(ids(body).sort()).toEqual([...codes].sort()),
      },
      {
        req: "/req/core/fc-time-response (permit in force overlaps the interval)",
        path: () => "/api/ogc/collections/permits/items?datetime=2026-11-15",
        check: ({ body }) => expect(ids(body)).toContain(reference),
      },
      {
        req: "/req/core/fc-time-response (interval before the permit: not in force)",
        path: () => "/api/ogc/collections/permits/items?datetime=2025-01-01/2025-12-31",
        check: ({ body }) => expect(ids(body)).not.toContain(reference),
      },
      {
        req: "/req/core/query-param-unknown",
        path: () => "/api/ogc/collections/reports/items?status=received&lang=en",
        check: ({ res, body }) => {
          expect(res.status).toBe(400);
          expect(body.description).toContain("status");
        },
      },
      {
        req: "/req/core/f-success (one feature)",
        path: () => `/api/ogc/collections/reports/items/${codes[0]}`,
        check: ({ res, body }) => {
          expect(res.status).toBe(200);
          expect(body.id).toBe(codes[0]);
        },
      },
      {
        req: "/req/core/query-param-invalid (unknown feature: 404, translated)",
        path: () => "/api/ogc/collections/reports/items/NOPE?lang=en",
        check: ({ res, body }) => {
          expect(res.status).toBe(404);
          expect(body.description).not.toMatch(/\{/);
        },
      },
    ];

  it.each(table)("$req", async ({ path, check }) => {
    check(await call(path()));
  });

  it("/req/core/fc-rel-type: next links page through every feature once, even when reports are filed in between", async () => {
    const seen: string[] = [];
    let next: string | undefined = `/api/ogc/collections/reports/items?bbox=${bbox()}&limit=5`;
    let pages = 0;
    while (next && pages < 10) {
      const { body } = await call(next);
      seen.push(...ids(body));
      if (pages === 0) {
        // Filed between two pages, as GDAL would meet it.
        const filed = await fileReport({
          db: await getDb(),
          report: { serviceCode: world.category.serviceCode, position: world.inside, description: "Between" },
        });
        codes.push(filed.trackingCode);
      }
      next = body.links?.find((l) => l.rel === "next")?.href;
      pages += 1;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((c) => codes.slice(0, 12).includes(c)).sort()).toEqual(codes.slice(0, 12).sort());
  });

  it("/req/html/definition + /req/html/content: ?f=html or a browser's Accept gives a page with the same features and links", async () => {
    const conf = await call("/api/ogc/conformance");
    expect(conf.body.conformsTo).toContain("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html");
    const [handler, params] = route("/api/ogc/collections/reports/items");
    const page = await handler(
      get(`/api/ogc/collections/reports/items?bbox=${bbox()}&limit=3&f=html&lang=en`),
      {
        params: Promise.resolve(params),
      },
    );
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).toContain("<table>");
    expect(html.match(/<tr><td>/g)).toHaveLength(3);
    expect(html).toMatch(/rel="next" href="[^"]*f=html/);
    const browser = await (landing as Handler)(
      get("/api/ogc", { accept: "text/html,application/xhtml+xml" }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(await browser.text()).toContain("Collections</a>");
  });

  it("answers with Vary: Accept-Language and CORS, and errors in the caller's language", async () => {
    const ok = await call("/api/ogc/collections/reports/items?limit=1");
    expect(ok.res.headers.get("vary")?.toLowerCase()).toContain("accept-language");
    expect(ok.res.headers.get("access-control-allow-origin")).toBe("*");
    const en = await call("/api/ogc/collections/reports/items?foo=1", { "accept-language": "en" });
    const sr = await call("/api/ogc/collections/reports/items?foo=1", { "accept-language": "sr-Latn" });
    expect(en.res.headers.get("access-control-allow-origin")).toBe("*");
    expect(en.body.description).not.toBe(sr.body.description);
    expect(en.body.description).toContain("foo");
  });
});
