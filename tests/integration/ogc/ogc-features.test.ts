import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as landing } from "../../../app/api/ogc/route";
import { GET as conformance } from "../../../app/api/ogc/conformance/route";
import { GET as openapi } from "../../../app/api/ogc/api/route";
import { GET as collections } from "../../../app/api/ogc/collections/route";
import { GET as collection } from "../../../app/api/ogc/collections/[collectionId]/route";
import { GET as items } from "../../../app/api/ogc/collections/[collectionId]/items/route";
import { GET as item } from "../../../app/api/ogc/collections/[collectionId]/items/[featureId]/route";
import { getDb } from "../../../db/client";
import { fileReport } from "../../../lib/reports/file-report";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";

const get = (url: string) =>
  new NextRequest(new URL(url, "http://localhost"), { headers: { host: "localhost" } });
const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const secret = { name: "Skrivena Osoba", email: "skrivena.ogc@mail.example", phone: "+381 65 1112223" };

describe(`OGC API – Features on the ${engine} engine`, () => {
  let world: Awaited<ReturnType<typeof buildWorkflowWorld>>;
  const codes: string[] = [];

  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 18.9, south: 42.3 });
    const db = await getDb();
    for (let i = 0; i < 7; i++) {
      const [x, y] = world.inside;
      codes.push(
        (
          await fileReport({
            db,
            report: {
              serviceCode: world.category.serviceCode,
              position: [x + i * 0.001, y],
              description: `OGC ${i}`,
              contact: secret,
            },
          })
        ).trackingCode,
      );
    }
  });

  it("has a landing page, conformance classes and an OpenAPI description", async () => {
    const land = await (await landing(get("/api/ogc"), params({}))).json();
    expect(land.links.map((l: { rel: string }) => l.rel).sort()).toEqual([
      "conformance",
      "data",
      "self",
      "service-desc",
    ]);
    expect(land.links.every((l: { href: string }) => l.href.startsWith("http://localhost/api/ogc"))).toBe(
      true,
    );
    const conf = await (await conformance(get("/api/ogc/conformance"), params({}))).json();
    expect(conf.conformsTo).toContain("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core");
    expect(conf.conformsTo).toContain("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson");
    const api = await openapi(get("/api/ogc/api"), params({}));
    expect(api.headers.get("content-type")).toContain("openapi");
    expect((await api.json()).paths).toHaveProperty("/collections/{collectionId}/items");
  });

  it("lists the collections with the required fields", async () => {
    const list = await (await collections(get("/api/ogc/collections"), params({}))).json();
    expect(list.collections.map((c: { id: string }) => c.id)).toEqual([
      "reports",
      "permits",
      "districts",
      "service-areas",
    ]);
    for (const c of list.collections) {
      expect(c).toMatchObject({ itemType: "feature", extent: { spatial: { bbox: [expect.any(Array)] } } });
      expect(c.links.find((l: { rel: string }) => l.rel === "items").href).toBe(
        `http://localhost/api/ogc/collections/${c.id}/items`,
      );
    }
    expect(
      (await collection(get("/api/ogc/collections/nope"), params({ collectionId: "nope" }))).status,
    ).toBe(404);
  });

  it("pages through every feature exactly once following next links", async () => {
    const bbox = [
      world.inside[0] - 0.01,
      world.inside[1] - 0.01,
      world.inside[0] + 0.02,
      world.inside[1] + 0.01,
    ].join(",");
    let url: string | null = `http://localhost/api/ogc/collections/reports/items?bbox=${bbox}&limit=3`;
    const seen: string[] = [];
    let matched = -1;
    while (url) {
      const res = await items(get(url), params({ collectionId: "reports" }));
      expect(res.headers.get("content-type")).toBe("application/geo+json");
      const page = await res.json();
      expect(page.type).toBe("FeatureCollection");
      expect(page.numberReturned).toBe(page.features.length);
      matched = page.numberMatched;
      seen.push(...page.features.map((f: { id: string }) => f.id));
      url = page.links.find((l: { rel: string }) => l.rel === "next")?.href ?? null;
    }
    expect(matched).toBe(7);
    expect(seen.sort()).toEqual([...codes].sort());
  });

  it("filters by datetime and answers a single feature, never with contact details", async () => {
    const future = await (
      await items(
        get(`/api/ogc/collections/reports/items?datetime=2099-01-01T00:00:00Z/..`),
        params({ collectionId: "reports" }),
      )
    ).json();
    expect(future.features).toEqual([]);
    const res = await item(
      get(`/api/ogc/collections/reports/items/${codes[0]}`),
      params({ collectionId: "reports", featureId: codes[0]! }),
    );
    const text = await res.text();
    const feature = JSON.parse(text);
    expect(feature).toMatchObject({
      type: "Feature",
      id: codes[0],
      geometry: { type: "Point" },
      properties: { status: "received", statusGroup: "open" },
    });
    for (const value of Object.values(secret)) expect(text).not.toContain(value);
    expect(
      (
        await item(
          get(`/api/ogc/collections/reports/items/NONE`),
          params({ collectionId: "reports", featureId: "NONE" }),
        )
      ).status,
    ).toBe(404);
  });

  it.each(["limit=0", "limit=abc", "offset=-1", "bbox=1,2,3", "datetime=yesterday"])(
    "refuses %s with 400",
    async (query) => {
      const res = await items(
        get(`/api/ogc/collections/reports/items?${query}`),
        params({ collectionId: "reports" }),
      );
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: "bad_request", description: expect.any(String) });
    },
  );
});
