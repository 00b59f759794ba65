import { execFileSync } from "node:child_process";
import { NextRequest } from "next/server";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getResource, POST as postResource } from "../../../app/open311/v2/[resource]/route";
import { GET as geocodeRoute } from "../../../app/api/places/geocode/route";
import { getDb } from "../../../db/client";
import { queryOne } from "../../../db/query";
import * as t from "../../../db/schema";
import { sr } from "../../../db/seed/localized";
import { foldForSearch } from "../../../lib/i18n/transliterate";
import { hashApiKey } from "../../../lib/open311/post-request";
import { importAddressPoints } from "../../../lib/places/import-address-points";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";

const KEY = "open311-table-key";
const ctx = (resource: string) => ({ params: Promise.resolve({ resource }) });

function post(path: string, form: Record<string, string>) {
  return new NextRequest(new URL(path, "http://localhost"), {
    method: "POST",
    body: new URLSearchParams(form).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
}

/** A strict, conforming XML 1.0 parser (expat, through Python's standard library). */
function parsesAsXml(xml: string): boolean {
  try {
    execFileSync(
      "python3",
      ["-c", "import sys, xml.dom.minidom; xml.dom.minidom.parseString(sys.stdin.buffer.read())"],
      {
        input: xml,
        stdio: ["pipe", "ignore", "ignore"],
      },
    );
    return true;
  } catch {
    return false;
  }
}

/**
 * Open311 GeoReport v2 as its specification and real clients use it: each row is one request and
 * the answer it must get. The closing note lists this table.
 */
describe(`Open311 requirements, table-driven (${engine} engine)`, () => {
  let world: Awaited<ReturnType<typeof buildWorkflowWorld>>;
  const base = () => ({
    api_key: KEY,
    service_code: world.category.serviceCode,
    description: "Voda curi",
  });

  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 21.3, south: 43.9 });
    const db = await getDb();
    await db.insert(t.apiClients).values({ name: "Table client", keyHash: hashApiKey(KEY) });
    await db
      .update(t.serviceCategories)
      .set({
        questions: [{ code: "depth", type: "number", required: true, label: sr("Dubina?", "Depth?") }],
      })
      .where(sql`id = ${world.category.id}`);
    // Karađorđeva runs 1 km east from the west edge of the municipality's middle.
    await db.insert(t.gazetteer).values({
      municipalityId: world.municipality.id,
      kind: "street",
      name: sr("Karađorđeva", "Karađorđeva"),
      searchKey: foldForSearch("Karađorđeva"),
      geom: {
        type: "LineString",
        coordinates: [
          [21.33, 43.95],
          [21.3424, 43.95],
        ],
      },
    });
  });

  const postJson = async (form: Record<string, string>) => {
    const res = await postResource(post("/open311/v2/requests.json?locale=en", form), ctx("requests.json"));
    return { status: res.status, body: (await res.json()) as Array<Record<string, string>> };
  };

  it.each([
    {
      row: "POST with a control character → 422 naming the field",
      form: () => ({
        ...base(),
        lat: "43.95",
        long: "21.35",
        "attribute[depth]": "3",
        last_name: "Pe\u0007tar",
      }),
      status: 422,
      says: "last_name",
    },
    {
      row: "POST without a required attribute → 400 naming attribute[depth]",
      form: () => ({ ...base(), lat: "43.95", long: "21.35" }),
      status: 400,
      says: "attribute[depth]",
    },
    {
      row: "POST with media_url javascript: → 400 naming media_url",
      form: () => ({
        ...base(),
        lat: "43.95",
        long: "21.35",
        "attribute[depth]": "3",
        media_url: "javascript:alert(1)",
      }),
      status: 400,
      says: "media_url",
    },
    {
      row: "POST with media_url file: → 400 naming media_url",
      form: () => ({
        ...base(),
        lat: "43.95",
        long: "21.35",
        "attribute[depth]": "3",
        media_url: "file:///etc/passwd",
      }),
      status: 400,
      says: "media_url",
    },
    {
      row: "POST with an unknown address → 400 location required",
      form: () => ({ ...base(), address_string: "Nepostojeća 5", "attribute[depth]": "3" }),
      status: 400,
      says: "location",
    },
  ])("$row", async ({ form, status, says }) => {
    const db = await getDb();
    const before = (await queryOne<{ n: number }>(db, sql`select count(*)::int as n from reports`))!.n;
    const res = await postJson(form());
    expect(res.status).toBe(status);
    expect(JSON.stringify(res.body).toLowerCase()).toContain(says.toLowerCase());
    expect((await queryOne<{ n: number }>(db, sql`select count(*)::int as n from reports`))!.n).toBe(before);
  });

  it("POST with a full address geocodes the house number along the street and says what it matched", async () => {
    for (const address of [
      "Karađorđeva 10, " + world.municipality.code,
      "Карађорђева 40",
      "karadjordjeva 10a",
    ]) {
      const res = await postJson({
        ...base(),
        address_string: address,
        "attribute[depth]": "3",
        description: address,
      });
      expect(res.status, address).toBe(200);
      expect(res.body[0]!.service_notice).toMatch(/^Karađorđeva \d+a?, .+ \(interpolated\)$/);
    }
    const db = await getDb();
    const rows = await db.execute(
      sql`select address, ST_X(location) as x from reports where description in ('karadjordjeva 10a', 'Карађорђева 40') order by description`,
    );
    const list = (rows as unknown as { rows: Array<{ address: string; x: number }> }).rows;
    // Number 40 lies further along the street (east) than number 10.
    expect(list.map((r) => r.address)).toEqual([
      expect.stringMatching(/^Karađorđeva 10a,/),
      expect.stringMatching(/^Karađorđeva 40,/),
    ]);
    expect(Number(list[1]!.x)).toBeGreaterThan(Number(list[0]!.x));
  });

  it("the public geocoder answers an address with the matched address and its precision", async () => {
    const res = await geocodeRoute(
      new NextRequest(new URL("http://localhost/api/places/geocode?q=Karadjordjeva%2020&lang=en")),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { matched: string; precision: string; position: number[] };
    expect(body.matched).toMatch(/^Karađorđeva 20, /);
    expect(body.precision).toBe("interpolated");
    // Number 20 is ~10 plots (~200 m) from the start, on the line.
    expect(body.position[0]).toBeGreaterThan(21.331);
    expect(body.position[0]).toBeLessThan(21.34);
    expect(body.position[1]).toBeCloseTo(43.95, 5);
  });

  it("POST with an address the municipality imported as an address point files at that point and says so", async () => {
    const db = await getDb();
    await importAddressPoints({
      db,
      municipalityId: world.municipality.id,
      bytes: new TextEncoder().encode("street,number,lon,lat\nKarađorđeva,12B,21.3361,43.9502\n"),
      fileName: "adrese.csv",
    });
    const res = await postJson({
      ...base(),
      address_string: "Karađorđeva 12b, " + world.municipality.code,
      "attribute[depth]": "3",
      description: "at the address point",
    });
    expect(res.status).toBe(200);
    expect(res.body[0]!.service_notice).toMatch(/^Karađorđeva 12B, .+ \(address\)$/);
    const row = await queryOne<{ address: string; x: number; y: number }>(
      db,
      sql`select address, ST_X(location) as x, ST_Y(location) as y from reports where description = 'at the address point'`,
    );
    expect(row).toMatchObject({ address: expect.stringMatching(/^Karađorđeva 12B,/) });
    expect([Number(row!.x), Number(row!.y)]).toEqual([21.3361, 43.9502]);
    // The public geocoder says the same.
    const geocoded = await geocodeRoute(
      new NextRequest(new URL("http://localhost/api/places/geocode?q=Karadjordjeva%2012B&lang=en")),
      { params: Promise.resolve({}) },
    );
    expect(await geocoded.json()).toMatchObject({ precision: "address", position: [21.3361, 43.9502] });
  });

  it("page_size over the maximum names page_size", async () => {
    const res = await getResource(
      new NextRequest(new URL("http://localhost/open311/v2/requests.json?page_size=5000&locale=en")),
      ctx("requests.json"),
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("page_size");
  });

  it("servicerequestupdates pages past 1,000 with page and page_size", async () => {
    const first = await getResource(
      new NextRequest(new URL("http://localhost/open311/v2/servicerequestupdates.json?page_size=2&page=1")),
      ctx("servicerequestupdates.json"),
    );
    const second = await getResource(
      new NextRequest(new URL("http://localhost/open311/v2/servicerequestupdates.json?page_size=2&page=2")),
      ctx("servicerequestupdates.json"),
    );
    const a = (await first.json()) as Array<{ update_id: string }>;
    const b = (await second.json()) as Array<{ update_id: string }>;
    expect(a).toHaveLength(2);
    expect(b.length).toBeGreaterThan(0);
    expect(b.map((u) => u.update_id)).not.toContain(a[0]!.update_id);
  });

  it("requests.xml stays well-formed for a strict XML parser even when stored text holds control characters", async () => {
    const db = await getDb();
    // Text stored before the input rule existed: written straight to the table.
    await db.execute(
      sql`update reports set description = ${"Stara\u0001 prijava\u001f"} where id = (select max(id) from reports)`,
    );
    const res = await getResource(
      new NextRequest(new URL("http://localhost/open311/v2/requests.xml")),
      ctx("requests.xml"),
    );
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(xml).toContain("Stara");
    expect(parsesAsXml(xml)).toBe(true);
    expect(parsesAsXml("<a>\u0001</a>")).toBe(false);
  });
});
