import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { queryOne, queryRows } from "../../../db/query";
import * as t from "../../../db/schema";
import { verifyCredentials } from "../../../lib/auth/staff-user";
import { previewGeodata } from "../../../lib/geodata/preview-geodata";
import { readGeodataFile } from "../../../lib/geodata/read-geodata-file";
import { acceptInvitation } from "../../../lib/onboarding/accept-invitation";
import { catalogueCategories, catalogueOrganisations } from "../../../lib/onboarding/catalogue";
import { finishSetup } from "../../../lib/onboarding/finish-setup";
import { getOrStartSetupDraft, saveSetupStep } from "../../../lib/onboarding/setup-draft";
import { fileReport } from "../../../lib/reports/file-report";
import { engine } from "../../helpers/engine";
import { uniqueCode } from "../../helpers/builders";

const dir = path.resolve(__dirname, "../../fixtures/geodata");
const preview = async (name: string) =>
  previewGeodata({
    db: await getDb(),
    file: await readGeodataFile({
      bytes: new Uint8Array(readFileSync(path.join(dir, name))),
      fileName: name,
    }),
  });

async function newAdmin() {
  const db = await getDb();
  const [user] = await db
    .insert(t.users)
    .values({ email: `${uniqueCode("admin")}@setup.example`, name: "Admin Podešavanja", locale: "en" })
    .returning();
  return user!;
}

describe(`setting up a municipality from files on the ${engine} engine`, () => {
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  const code = uniqueCode("testovac");

  beforeAll(async () => {
    admin = await newAdmin();
  });

  it("keeps each step's answers so the admin can come back to them", async () => {
    const db = await getDb();
    await saveSetupStep({
      db,
      userId: admin.id,
      step: "municipality",
      value: { code, name: { "sr-Latn": "Testovac", en: "Testovac" } },
    });
    const again = await getOrStartSetupDraft({ db, userId: admin.id });
    expect(again.data.municipality).toEqual({ code, name: { "sr-Latn": "Testovac", en: "Testovac" } });
  });

  it("refuses a step with an invalid area and keeps the draft as it was", async () => {
    const db = await getDb();
    const bowtie = {
      type: "MultiPolygon",
      coordinates: [
        [
          [
            [21.6, 43.84],
            [21.66, 43.9],
            [21.66, 43.84],
            [21.6, 43.9],
            [21.6, 43.84],
          ],
        ],
      ],
    };
    const error = await saveSetupStep({
      db,
      userId: admin.id,
      step: "boundary",
      value: {
        fileName: "x.geojson",
        sourceCrs: "EPSG:4326",
        featureIndex: 0,
        boundarySource: "x",
        geometry: bowtie,
      },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "unprocessable", messageKey: "setupInvalidGeometry" });
    expect((await getOrStartSetupDraft({ db, userId: admin.id })).data.boundary).toBeUndefined();
  });

  it("creates the municipality, districts, organisations, categories, calendar and staff in one go, and reports inside it route there", async () => {
    const db = await getDb();
    const boundary = await preview("boundary-3909.gpkg");
    const districts = await preview("districts-32634.zip");
    await saveSetupStep({
      db,
      userId: admin.id,
      step: "boundary",
      value: {
        fileName: "boundary-3909.gpkg",
        sourceCrs: boundary.sourceCrs,
        featureIndex: 0,
        boundarySource: "Test fixture (GDAL)",
        geometry: boundary.features[0]!.geometry,
      },
    });
    await saveSetupStep({
      db,
      userId: admin.id,
      step: "districts",
      value: {
        fileName: "districts-32634.zip",
        sourceCrs: districts.sourceCrs,
        nameAttribute: "naziv",
        items: districts.features.map((f) => ({
          code: String(f.properties.sifra),
          name: String(f.properties.naziv),
          geometry: f.geometry,
        })),
      },
    });
    await saveSetupStep({
      db,
      userId: admin.id,
      step: "organisations",
      value: catalogueOrganisations.map((o) => ({ ...o, email: null, serviceArea: null })),
    });
    await saveSetupStep({
      db,
      userId: admin.id,
      step: "categories",
      value: catalogueCategories.filter((c) => c.serviceCode !== "noise"),
    });
    await saveSetupStep({
      db,
      userId: admin.id,
      step: "calendar",
      value: [{ date: "2026-12-14", isWorking: false, reason: "Dan opštine" }],
    });
    await saveSetupStep({
      db,
      userId: admin.id,
      step: "staff",
      value: [
        {
          email: `${code}.agent@setup.example`,
          name: "Nova Agentkinja",
          role: "agent",
          organisationCode: "kontakt-centar",
          locale: "sr-Latn",
        },
      ],
    });

    const finished = await finishSetup({
      db,
      userId: admin.id,
      sendEmail: false,
      baseUrl: "http://localhost:3000",
    });
    const counts = await queryOne<{
      districts: number;
      organisations: number;
      categories: number;
      overrides: number;
      memberships: number;
    }>(
      db,
      sql`select (select count(*)::int from districts where municipality_id = ${finished.municipalityId}) as districts,
                 (select count(*)::int from organisations where municipality_id = ${finished.municipalityId}) as organisations,
                 (select count(*)::int from service_categories where municipality_id = ${finished.municipalityId}) as categories,
                 (select count(*)::int from calendar_overrides where municipality_id = ${finished.municipalityId}) as overrides,
                 (select count(*)::int from memberships where municipality_id = ${finished.municipalityId}) as memberships`,
    );
    expect(counts).toEqual({
      districts: 2,
      organisations: catalogueOrganisations.length,
      categories: catalogueCategories.length - 1,
      overrides: 1,
      memberships: 2,
    });
    const names = await queryRows<{ name: Record<string, string> }>(
      db,
      sql`select name from districts where municipality_id = ${finished.municipalityId} order by code`,
    );
    expect(names.map((n) => n.name["sr-Cyrl"])).toEqual(["Исток – Ћелије", "Запад – Шумице"]);

    // A leak in the east of the new town goes to its water utility.
    const filed = await fileReport({
      db,
      report: { serviceCode: "water_leak", position: [21.68, 43.87], description: "Curi voda." },
    });
    const report = await queryOne<{ municipality: string; organisation: string; district: string }>(
      db,
      sql`select m.code as municipality, o.code as organisation, d.code as district from reports r
          join municipalities m on m.id = r.municipality_id join organisations o on o.id = r.assigned_organisation_id
          join districts d on d.id = r.district_id where r.id = ${filed.id}`,
    );
    expect(report).toEqual({ municipality: code, organisation: "vodovod", district: "istok" });

    // The invited agent sets a password with the one-time link and can sign in.
    expect(finished.invitations).toEqual([
      {
        email: `${code}.agent@setup.example`,
        link: expect.stringMatching(/^http:\/\/localhost:3000\/invite\/[\w-]{32}$/),
        existingUser: false,
      },
    ]);
    const token = finished.invitations[0]!.link!.split("/").pop()!;
    await acceptInvitation({ db, token, password: "dovoljno-duga-lozinka" });
    const agent = await verifyCredentials(db, `${code}.agent@setup.example`, "dovoljno-duga-lozinka");
    expect(agent?.roles).toEqual(["agent"]);
    expect(agent?.municipalityIds).toEqual([finished.municipalityId]);
    await expect(acceptInvitation({ db, token, password: "dovoljno-duga-lozinka" })).rejects.toMatchObject({
      messageKey: "invitationInvalid",
    });
  });

  it("e-mails invitations through the outbox when SMTP is configured, and refuses a code already in use without creating anything", async () => {
    const db = await getDb();
    const other = await newAdmin();
    const boundary = await preview("boundary-4326.geojson");
    const second = uniqueCode("susedno");
    await saveSetupStep({
      db,
      userId: other.id,
      step: "municipality",
      value: { code: second, name: { "sr-Latn": "Susedno selo", en: "Neighbour village" } },
    });
    await saveSetupStep({
      db,
      userId: other.id,
      step: "boundary",
      value: {
        fileName: "b.geojson",
        sourceCrs: "EPSG:4326",
        featureIndex: 1,
        boundarySource: "fixture",
        geometry: boundary.features[1]!.geometry,
      },
    });
    await saveSetupStep({
      db,
      userId: other.id,
      step: "organisations",
      value: [
        { code: "kc", kind: "contact_centre", sector: null, name: { "sr-Latn": "Kontakt", en: "Contact" } },
      ],
    });
    await saveSetupStep({ db, userId: other.id, step: "categories", value: catalogueCategories.slice(0, 2) });
    await saveSetupStep({
      db,
      userId: other.id,
      step: "staff",
      value: [
        {
          email: `${second}@setup.example`,
          name: "Pozvani",
          role: "planner",
          organisationCode: null,
          locale: "en",
        },
      ],
    });

    const before = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from municipalities`);
    await db.insert(t.municipalities).values({
      code: second,
      name: { "sr-Latn": "x", "sr-Cyrl": "x", en: "x" },
      boundary: boundary.features[1]!.geometry!,
      boundarySource: "taken",
    });
    await expect(
      finishSetup({ db, userId: other.id, sendEmail: true, baseUrl: "http://localhost:3000" }),
    ).rejects.toMatchObject({ code: "conflict", messageKey: "setupCodeTaken" });
    expect((await queryOne<{ n: number }>(db, sql`select count(*)::int as n from municipalities`))?.n).toBe(
      before!.n + 1,
    );
    await db.execute(sql`delete from municipalities where code = ${second}`);

    const finished = await finishSetup({
      db,
      userId: other.id,
      sendEmail: true,
      baseUrl: "http://localhost:3000",
    });
    expect(finished.invitations).toEqual([
      { email: `${second}@setup.example`, link: null, existingUser: false },
    ]);
    const mail = await queryOne<{ subject: string; body: string }>(
      db,
      sql`select subject, body from outbox_messages where recipient = ${`${second}@setup.example`}`,
    );
    expect(mail?.subject).toContain("Neighbour village");
    expect(mail?.body).toMatch(/http:\/\/localhost:3000\/invite\/[\w-]{32}/);
  });
});
