import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { POST as importRoute } from "../../../app/api/admin/address-points/route";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { queryRows } from "../../../db/query";
import * as t from "../../../db/schema";
import { sr } from "../../../db/seed/localized";
import { asPublic, asStaff } from "../../../lib/auth/db-scope";
import type { SessionUser } from "../../../lib/auth/staff-user";
import { isAppError } from "../../../lib/errors";
import { foldForSearch } from "../../../lib/i18n/transliterate";
import { geocodeAddress } from "../../../lib/places/geocode-address";
import { importAddressPoints } from "../../../lib/places/import-address-points";
import { buildAdminWorld } from "../../helpers/admin-world";
import { box, buildMunicipality } from "../../helpers/builders";
import { engine } from "../../helpers/engine";
import { sessionCookie } from "../../helpers/session";

const csv = (text: string) => ({ bytes: new TextEncoder().encode(text), fileName: "adrese.csv" });

describe(`address points on the ${engine} engine`, () => {
  let municipalityId: number;
  const points = async () =>
    queryRows<{
      street: string;
      number: string;
      number_key: string;
      x: number;
      y: number;
      import_id: string;
    }>(
      await getDb(),
      sql`select street, number, number_key, ST_X(geom) as x, ST_Y(geom) as y, import_id
          from address_points where municipality_id = ${municipalityId} order by number_key`,
    );

  beforeAll(async () => {
    const db = await getDb();
    const m = await buildMunicipality({ boundary: box(21.5, 43.5, 21.6, 43.6) });
    municipalityId = m.id;
    // Njegoševa runs 1 km east along 43.55.
    await db.insert(t.gazetteer).values({
      municipalityId,
      kind: "street",
      name: sr("Njegoševa", "Njegoševa"),
      searchKey: foldForSearch("Njegoševa"),
      geom: {
        type: "LineString",
        coordinates: [
          [21.52, 43.55],
          [21.5324, 43.55],
        ],
      },
    });
  });

  it("imports a CSV (semicolons, decimal commas) and a GeoJSON point layer, each replacing the one before", async () => {
    const db = await getDb();
    const first = await importAddressPoints({
      db,
      municipalityId,
      ...csv("ulica;broj;lon;lat\nNjegoševa;3;21,5210;43,5501\nNjegoševa;10A;21.5290;43.5502\n"),
    });
    expect(first.count).toBe(2);
    expect(await points()).toEqual([
      expect.objectContaining({ street: "Njegoševa", number: "10A", number_key: "10a", x: 21.529 }),
      expect.objectContaining({ street: "Njegoševa", number: "3", number_key: "3", x: 21.521 }),
    ]);
    const geojson = JSON.stringify({
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { street: "Njegoševa", number: "7" },
          geometry: { type: "Point", coordinates: [21.525, 43.5501] },
        },
      ],
    });
    const second = await importAddressPoints({
      db,
      municipalityId,
      bytes: new TextEncoder().encode(geojson),
      fileName: "adrese.geojson",
    });
    expect(second.count).toBe(1);
    const after = await points();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ number: "7", import_id: second.importId });
  });

  it.each([
    [
      "a house number that is not one",
      "street,number,lon,lat\nNjegoševa,1,21.52,43.55\nNjegoševa,deset,21.53,43.55\n",
      "addressPointNumberInvalid",
      3,
    ],
    [
      "a point outside the municipality",
      "street,number,lon,lat\nNjegoševa,1,21.52,43.55\nNjegoševa,2,22.9,43.55\n",
      "addressPointOutside",
      3,
    ],
    ["a row without a street", "street,number,lon,lat\n,1,21.52,43.55\n", "addressPointStreetMissing", 2],
    ["a row without a position", "street,number,lon,lat\nNjegoševa,1,,43.55\n", "addressPointNoPosition", 2],
  ])("refuses a file with %s, naming the row, and changes nothing", async (_what, text, key, row) => {
    const before = await points();
    const err = await importAddressPoints({ db: await getDb(), municipalityId, ...csv(text) }).catch(
      (e) => e,
    );
    expect(isAppError(err)).toBe(true);
    expect(err).toMatchObject({
      code: "unprocessable",
      messageKey: key,
      details: expect.objectContaining({ row }),
    });
    expect(await points()).toEqual(before);
  });

  it("geocodes a house number to its address point (any case or spacing of the letter), else interpolates", async () => {
    const db = await getDb();
    await importAddressPoints({
      db,
      municipalityId,
      ...csv("street,number,lon,lat\nNjegoševa,10a,21.5290,43.5503\nNjegoševa,12,21.5295,43.5497\n"),
    });
    for (const query of ["Njegoševa 10A", "njegoseva 10 a", "Његошева 10а"]) {
      const found = await geocodeAddress({ db, query, locale: "en" });
      expect(found, query).toMatchObject({ precision: "address", municipalityId });
      expect(found!.position).toEqual([21.529, 43.5503]);
      expect(found!.matched).toMatch(/^Njegoševa 10a, /i);
    }
    const exact = await geocodeAddress({ db, query: "Njegoševa 12", locale: "sr-Latn" });
    expect(exact).toMatchObject({ precision: "address", position: [21.5295, 43.5497] });
    // No point for number 20: interpolated along the street, on the line.
    const estimated = await geocodeAddress({ db, query: "Njegoševa 20", locale: "en" });
    expect(estimated!.precision).toBe("interpolated");
    expect(estimated!.position[1]).toBeCloseTo(43.55, 5);
    expect((await geocodeAddress({ db, query: "Njegoševa", locale: "en" }))!.precision).toBe("street");
  });

  it("lets the public read address points and only the municipality's administrators write them", async () => {
    const claims = (admin: number[]) => ({
      userId: 1,
      desk: [],
      overview: [],
      orgs: [],
      staff: [municipalityId],
      admin,
      permits: [],
    });
    const file = csv("street,number,lon,lat\nNjegoševa,5,21.523,43.5501\n");
    const before = await points();
    const refused = await asStaff(claims([municipalityId + 1000]), (db) =>
      importAddressPoints({ db, municipalityId, ...file }),
    ).catch((e: unknown) => e);
    expect(String((refused as { cause?: unknown }).cause ?? refused)).toMatch(/row-level security/);
    expect(await points()).toEqual(before);
    await asStaff(claims([municipalityId]), (db) => importAddressPoints({ db, municipalityId, ...file }));
    const read = await asPublic((db) =>
      queryRows<{ number: string }>(
        db,
        sql`select number from address_points where municipality_id = ${municipalityId}`,
      ),
    );
    expect(read).toEqual([{ number: "5" }]);
  });
});

describe(`POST /api/admin/address-points on the ${engine} engine`, () => {
  let world: Awaited<ReturnType<typeof buildAdminWorld>>;
  beforeAll(async () => {
    world = await buildAdminWorld({ west: 21.7, south: 43.7 });
  });

  const upload = async (user: SessionUser, text: string, lang = "en") => {
    const form = new FormData();
    form.set("file", new Blob([text]), "adrese.csv");
    const headers = new Headers({
      host: "localhost",
      origin: "http://localhost",
      cookie: await sessionCookie(user),
    });
    const res = await importRoute(
      new NextRequest(new URL(`/api/admin/address-points?lang=${lang}`, "http://localhost"), {
        method: "POST",
        headers,
        body: form,
      }),
      { params: Promise.resolve({}) },
    );
    return {
      status: res.status,
      body: (await res.json()) as Record<string, unknown> & { error?: { message: string } },
    };
  };
  const count = async () =>
    (
      await queryRows<{ n: number }>(
        await getDb(),
        sql`select count(*)::int as n from address_points where municipality_id = ${world.municipality.id}`,
      )
    )[0]!.n;

  it("imports the file into the administrator's municipality; a bad row answers 422 in the caller's language and changes nothing", async () => {
    const ok = await upload(
      world.admin,
      "street,number,lon,lat\nSlavije,1,21.75,43.75\nSlavije,2,21.7502,43.7501\n",
    );
    expect(ok).toEqual({ status: 200, body: { count: 2 } });
    expect(await count()).toBe(2);
    const bad = await upload(
      world.admin,
      "ulica;broj;lon;lat\nSlavije;1;21,75;43,75\nSlavije;1;25;43,75\n",
      "sr-Latn",
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error!.message).toBe("Red 3: tačka je izvan opštine.");
    expect(await count()).toBe(2);
  });

  it("refuses an organisation's administrator and changes nothing", async () => {
    const res = await upload(world.waterAdmin, "street,number,lon,lat\nSlavije,9,21.75,43.75\n");
    expect(res.status).toBe(403);
    expect(await count()).toBe(2);
  });
});
