import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getReports } from "../../../app/api/reports/route";
import { GET as getPermits } from "../../../app/api/permits/route";
import { getDb } from "../../../db/client";
import { permits } from "../../../db/schema";
import { box, buildCategory, buildMunicipality, buildReport, multi } from "../../helpers/builders";
import { engine } from "../../helpers/engine";

const contact = { name: "Zorica Tajnić", email: "zorica.tajnic@private.example", phone: "+381 64 5550123" };
const params = { params: Promise.resolve({}) };

function request(path: string, headers: Record<string, string> = {}) {
  return new NextRequest(new URL(path, "http://localhost"), { headers });
}

describe(`the public GeoJSON routes on the ${engine} engine`, () => {
  let visibleCode: string;
  let hiddenCode: string;
  let privateCategoryCode: string;

  beforeAll(async () => {
    const m = await buildMunicipality({ boundary: box(19, 45, 19.1, 45.1) });
    const publicCategory = await buildCategory({ municipalityId: m.id });
    const privateCategory = await buildCategory({ municipalityId: m.id, isPublic: false });
    visibleCode = (
      await buildReport({
        municipalityId: m.id,
        categoryId: publicCategory.id,
        position: [19.05, 45.05],
        contact,
        description: `Prijavila ${contact.name}`,
      })
    ).trackingCode;
    hiddenCode = (
      await buildReport({
        municipalityId: m.id,
        categoryId: publicCategory.id,
        position: [19.06, 45.06],
        isPublic: false,
        contact,
      })
    ).trackingCode;
    privateCategoryCode = (
      await buildReport({
        municipalityId: m.id,
        categoryId: privateCategory.id,
        position: [19.07, 45.07],
        contact,
      })
    ).trackingCode;
    await buildReport({ municipalityId: m.id, categoryId: publicCategory.id, position: [19.5, 45.5] });
    const db = await getDb();
    await db.insert(permits).values([
      {
        municipalityId: m.id,
        reference: "344-1/2026",
        kind: "excavation",
        status: "active",
        holderName: "Ana Privatnić",
        holderIsCompany: false,
        worksDescription: "Priključak",
        site: multi(box(19.01, 45.01, 19.011, 45.011)),
        validFrom: "2026-01-01",
        validTo: "2099-12-31",
      },
      {
        municipalityId: m.id,
        reference: "344-2/2026",
        kind: "construction",
        status: "granted",
        holderName: "Gradnja d.o.o.",
        holderIsCompany: true,
        worksDescription: "Zgrada",
        site: multi(box(19.02, 45.02, 19.021, 45.021)),
        validFrom: "2099-01-01",
        validTo: "2099-12-31",
      },
      {
        municipalityId: m.id,
        reference: "344-3/2026",
        kind: "excavation",
        status: "applied",
        holderName: "Neko d.o.o.",
        holderIsCompany: true,
        worksDescription: "Zahtev",
        site: multi(box(19.03, 45.03, 19.031, 45.031)),
        validFrom: "2099-01-01",
        validTo: "2099-12-31",
      },
      {
        municipalityId: m.id,
        reference: "344-4/2020",
        kind: "excavation",
        status: "active",
        holderName: "Staro d.o.o.",
        holderIsCompany: true,
        worksDescription: "Završeno",
        site: multi(box(19.04, 45.04, 19.041, 45.041)),
        validFrom: "2020-01-01",
        validTo: "2020-02-01",
      },
    ]);
  });

  it("returns the public reports in the box with public fields only", async () => {
    const response = await getReports(request("/api/reports?bbox=19,45,19.1,45.1"), params);
    expect(response.status).toBe(200);
    const text = await response.text();
    const body = JSON.parse(text);
    const codes = body.features.map((f: { properties: { code: string } }) => f.properties.code);
    expect(codes).toEqual([visibleCode]);
    expect(Object.keys(body.features[0].properties).sort()).toEqual(
      [
        "address",
        "category",
        "categoryName",
        "code",
        "createdAt",
        "district",
        "districtName",
        "group",
        "status",
        "statusGroup",
        "supporters",
      ].sort(),
    );
    expect(body.features[0].geometry).toEqual({ type: "Point", coordinates: [19.05, 45.05] });
    for (const value of Object.values(contact)) expect(text).not.toContain(value);
    expect(text).not.toContain("Tajnić");
    expect(codes).not.toContain(hiddenCode);
    expect(codes).not.toContain(privateCategoryCode);
  });

  it("answers in the caller's language", async () => {
    const en = await (await getReports(request("/api/reports?bbox=19,45,19.1,45.1&lang=en"), params)).json();
    const cyr = await (
      await getReports(request("/api/reports?bbox=19,45,19.1,45.1", { "accept-language": "sr-RS" }), params)
    ).json();
    expect(en.features[0].properties.categoryName).toBe("Water leak");
    expect(cyr.features[0].properties.categoryName).toBe("Цурење воде");
  });

  it("refuses a malformed or oversized box with a localized message", async () => {
    for (const bbox of ["", "1,2,3", "a,b,c,d", "19,45,18,46", "-200,0,0,10", "19,45,19.1,NaN"]) {
      const response = await getReports(request(`/api/reports?bbox=${bbox}&lang=sr-Latn`), params);
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe("bad_request");
      expect(body.error.message).toMatch(/četiri broja/);
    }
    const large = await getReports(request("/api/reports?bbox=10,40,20,50&lang=en"), params);
    expect(large.status).toBe(422);
    expect((await large.json()).error.message).toMatch(/too large/);
  });

  it("shows granted and active works sites that have not ended, without private holders' names", async () => {
    const response = await getPermits(request("/api/permits?bbox=19,45,19.1,45.1"), params);
    const text = await response.text();
    const body = JSON.parse(text);
    const byRef = Object.fromEntries(
      body.features.map((f: { properties: { reference: string } }) => [f.properties.reference, f.properties]),
    );
    expect(Object.keys(byRef).sort()).toEqual(["344-1/2026", "344-2/2026"]);
    expect(byRef["344-1/2026"].holder).toBeNull();
    expect(byRef["344-2/2026"].holder).toBe("Gradnja d.o.o.");
    expect(text).not.toContain("Privatnić");
  });
});
