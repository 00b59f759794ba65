import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postReport } from "../../../app/api/reports/route";
import { getDb } from "../../../db/client";
import { queryOne, queryRows } from "../../../db/query";
import * as t from "../../../db/schema";
import { sr } from "../../../db/seed/localized";
import { describeLocation } from "../../../lib/places/describe-location";
import { searchPlaces } from "../../../lib/places/search-places";
import { fileReport } from "../../../lib/reports/file-report";
import { findDuplicateCandidates } from "../../../lib/reports/find-duplicate-candidates";
import { getPublicReport } from "../../../lib/reports/get-public-report";
import { supportReport } from "../../../lib/reports/support-report";
import { diskStorage } from "../../../lib/storage/storage";
import { performReportAction } from "../../../lib/workflow/perform-report-action";
import { foldForSearch } from "../../../lib/i18n/transliterate";
import { resetEnvCache } from "../../../lib/env";
import { pruneRateLimits } from "../../../lib/abuse/rate-limit";
import { engine } from "../../helpers/engine";
import { jpegPhoto } from "../../helpers/images";
import { buildWorkflowWorld } from "../../helpers/world";

type World = Awaited<ReturnType<typeof buildWorkflowWorld>>;

/** A point `metres` east of another, on the ground. */
function east(position: [number, number], metres: number): [number, number] {
  return [position[0] + metres / (111_320 * Math.cos((position[1] * Math.PI) / 180)), position[1]];
}

async function counts() {
  return queryOne<{ reports: number; attachments: number; events: number }>(
    await getDb(),
    sql`select (select count(*)::int from reports) as reports, (select count(*)::int from attachments) as attachments,
               (select count(*)::int from report_events) as events`,
  );
}

function multipart(data: object, photos: Buffer[] = [], ip = "203.0.113.7") {
  const form = new FormData();
  form.set("data", JSON.stringify(data));
  photos.forEach((p, i) =>
    form.append("photos", new Blob([new Uint8Array(p)], { type: "image/jpeg" }), `p${i}.jpg`),
  );
  return new NextRequest("http://localhost/api/reports?lang=en", {
    method: "POST",
    body: form,
    headers: { "x-forwarded-for": ip },
  });
}

const ctx = { params: Promise.resolve({}) };

describe(`citizen reporting on the ${engine} engine`, () => {
  let world: World;
  let uploadDir: string;

  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 22.9, south: 42.9 });
    uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "civic-uploads-"));
    process.env.UPLOAD_DIR = uploadDir;
    resetEnvCache();
  });

  it("offers exactly the open reports within the category's radius: 49 m yes, 51 m no", async () => {
    const db = await getDb();
    const centre: [number, number] = [22.95, 42.95];
    const near = await fileReport({
      db,
      report: { serviceCode: world.category.serviceCode, position: east(centre, 49), description: "Blizu." },
    });
    const far = await fileReport({
      db,
      report: { serviceCode: world.category.serviceCode, position: east(centre, 51), description: "Dalje." },
    });
    const closed = await fileReport({
      db,
      report: { serviceCode: world.category.serviceCode, position: east(centre, 10), description: "Rešeno." },
    });
    await db.execute(sql`update reports set status = 'closed' where id = ${closed.id}`);
    const candidates = await findDuplicateCandidates({
      db,
      municipalityId: world.municipality.id,
      serviceCode: world.category.serviceCode,
      position: centre,
      locale: "en",
    });
    expect(candidates.map((c) => c.code)).toEqual([near.trackingCode]);
    expect(candidates[0]!.distanceMetres).toBe(49);
    expect(candidates.map((c) => c.code)).not.toContain(far.trackingCode);
  });

  it("uses the geography index for the distance search", async () => {
    const db = await getDb();
    await db.execute(sql`set enable_seqscan = off`);
    try {
      const plan = await queryRows<Record<string, string>>(
        db,
        sql`explain select id from reports where ST_DWithin(location::geography, ST_SetSRID(ST_MakePoint(22.95, 42.95), 4326)::geography, 50)`,
      );
      expect(plan.map((r) => Object.values(r)[0]).join("\n")).toMatch(/reports_location_geog_gix/);
    } finally {
      await db.execute(sql`reset enable_seqscan`);
    }
  });

  it("files through the route with a photo, answers 201, and a replay answers 200 with the same report", async () => {
    const key = crypto.randomUUID();
    const data = {
      serviceCode: world.category.serviceCode,
      position: world.inside,
      description: "Curenje kod škole.",
      submissionKey: key,
      contact: { email: "mama@mail.example" },
    };
    const first = await postReport(multipart(data, [await jpegPhoto({ gps: true })]), ctx);
    expect(first.status).toBe(201);
    const body = await first.json();
    const replay = await postReport(multipart(data, [await jpegPhoto({ gps: true })]), ctx);
    expect(replay.status).toBe(200);
    expect((await replay.json()).trackingCode).toBe(body.trackingCode);
    const attachments = await queryRows<{ storage_key: string; content_type: string }>(
      await getDb(),
      sql`select a.storage_key, a.content_type from attachments a join reports r on r.id = a.report_id where r.tracking_code = ${body.trackingCode}`,
    );
    expect(attachments).toHaveLength(1);
    expect(attachments[0]!.content_type).toBe("image/jpeg");
    expect(fs.existsSync(path.join(uploadDir, attachments[0]!.storage_key))).toBe(true);
    // The replay's copy of the photo was not kept.
    const files = fs.readdirSync(uploadDir, { recursive: true }).filter((f) => String(f).endsWith(".jpg"));
    expect(files).toHaveLength(1);
  });

  it.each([
    [
      "a file that is not an image",
      async () => [Buffer.from("GIF89a but not really an image")],
      422,
      "One of the files is not a photo",
    ],
    [
      "four photos",
      async () => Promise.all([1, 2, 3, 4].map(() => jpegPhoto({ width: 20, height: 20 }))),
      422,
      "At most 3 photos",
    ],
  ])("refuses %s with a clear message and saves nothing", async (_what, makePhotos, status, message) => {
    const before = await counts();
    const response = await postReport(
      multipart(
        { serviceCode: world.category.serviceCode, position: world.inside, description: "Opis." },
        await makePhotos(),
        `198.51.100.${Math.floor(Math.random() * 200)}`,
      ),
      ctx,
    );
    expect(response.status).toBe(status);
    expect((await response.json()).error.message).toContain(message);
    expect(await counts()).toEqual(before);
  });

  it("refuses a photo over 10 MB", async () => {
    const before = await counts();
    const response = await postReport(
      multipart(
        { serviceCode: world.category.serviceCode, position: world.inside, description: "Opis." },
        [Buffer.alloc(10 * 1024 * 1024 + 10, 1)],
        "198.51.100.250",
      ),
      ctx,
    );
    expect(response.status).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it("leaves no report and no file behind when a photo cannot be stored", async () => {
    const before = await counts();
    const blocker = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "civic-blocked-")), "not-a-directory");
    fs.writeFileSync(blocker, "a file where the upload directory should be");
    const storage = diskStorage(blocker);
    await expect(
      fileReport({
        db: await getDb(),
        storage,
        photos: [await jpegPhoto(), await jpegPhoto()],
        report: {
          serviceCode: world.category.serviceCode,
          position: world.inside,
          description: "Neće biti sačuvano.",
        },
      }),
    ).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });

  it("removes the stored photos when the transaction fails", async () => {
    const before = await counts();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "civic-rollback-"));
    const db = await getDb();
    // A category whose routing fails inside the transaction: its municipality has no contact centre.
    const lonely = await buildWorkflowWorld({ west: 23.3, south: 43.3 });
    await db.execute(
      sql`update organisations set active = false where municipality_id = ${lonely.municipality.id}`,
    );
    await expect(
      fileReport({
        db,
        storage: diskStorage(dir),
        photos: [await jpegPhoto()],
        report: { serviceCode: lonely.category.serviceCode, position: lonely.inside, description: "x" },
      }),
    ).rejects.toThrow(/no contact centre/);
    expect(fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith(".jpg"))).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it("limits submissions per network address with a friendly message", async () => {
    const ip = "192.0.2.99";
    const send = () =>
      postReport(
        multipart(
          { serviceCode: world.category.serviceCode, position: world.inside, description: "Ponovo." },
          [],
          ip,
        ),
        ctx,
      );
    for (let i = 0; i < 10; i++) expect((await send()).status).toBe(201);
    const limited = await send();
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.message).toMatch(/wait \d+ minutes/);
  });

  it("forgets rate-limit counters a day after their window", async () => {
    const db = await getDb();
    await db.execute(
      sql`insert into rate_limit_hits (key, window_start, count) values ('old', now() - interval '2 days', 3), ('new', now(), 1)`,
    );
    await pruneRateLimits({ db });
    const keys = await queryRows<{ key: string }>(
      db,
      sql`select key from rate_limit_hits where key in ('old', 'new')`,
    );
    expect(keys.map((k) => k.key)).toEqual(["new"]);
  });

  it("stops an emergency answer and refuses a missing required answer, saving nothing", async () => {
    const db = await getDb();
    await db
      .update(t.serviceCategories)
      .set({
        questions: [
          {
            code: "gas",
            type: "single_choice",
            required: true,
            label: sr("Gas?", "Gas?"),
            options: [
              { value: "yes", label: sr("Da", "Yes"), stop: sr("Pozovite 112.", "Call 112 now.") },
              { value: "no", label: sr("Ne", "No") },
            ],
          },
        ],
      })
      .where(sql`id = ${world.category.id}`);
    const before = await counts();
    const base = {
      serviceCode: world.category.serviceCode,
      position: world.inside,
      description: "Gas?",
      locale: "en" as const,
    };
    await expect(fileReport({ db, report: { ...base, answers: { gas: "yes" } } })).rejects.toMatchObject({
      messageKey: "stopAnswer",
      details: { notice: "Call 112 now." },
    });
    await expect(fileReport({ db, report: base })).rejects.toMatchObject({ messageKey: "invalidAnswers" });
    expect(await counts()).toEqual(before);
    const ok = await fileReport({ db, report: { ...base, answers: { gas: "no" } } });
    const stored = await queryOne<{ answers: unknown }>(
      db,
      sql`select answers from reports where id = ${ok.id}`,
    );
    expect(stored!.answers).toEqual({ gas: "no" });
    await db
      .update(t.serviceCategories)
      .set({ questions: [] })
      .where(sql`id = ${world.category.id}`);
  });

  it("stores a drawn stretch or area, refusing bad or outside geometry with the reason", async () => {
    const db = await getDb();
    const [x, y] = world.inside;
    const base = {
      serviceCode: world.category.serviceCode,
      position: world.inside,
      description: "Deonica.",
      locale: "en" as const,
    };
    // Coordinates come back with 6 decimals (about 10 cm).
    const r6 = (n: number) => Math.round(n * 1e6) / 1e6;
    const before = await counts();
    const bowTie = {
      type: "Polygon",
      coordinates: [
        [
          [x, y],
          [x + 0.001, y + 0.001],
          [x + 0.001, y],
          [x, y + 0.001],
          [x, y],
        ],
      ],
    };
    await expect(fileReport({ db, report: { ...base, shape: bowTie } })).rejects.toMatchObject({
      messageKey: "geometry_self_intersecting",
    });
    const outside = {
      type: "LineString",
      coordinates: [
        [x, y],
        [x + 0.2, y],
      ],
    };
    await expect(fileReport({ db, report: { ...base, shape: outside } })).rejects.toMatchObject({
      messageKey: "geometry_outside_area",
    });
    const point = { type: "Point", coordinates: [x, y] };
    await expect(fileReport({ db, report: { ...base, shape: point } })).rejects.toMatchObject({
      messageKey: "geometry_wrong_type",
    });
    expect(await counts()).toEqual(before);

    const stretch = {
      type: "LineString",
      coordinates: [
        [r6(x), r6(y)],
        [r6(x + 0.002), r6(y + 0.001)],
      ],
    };
    const filed = await fileReport({ db, report: { ...base, shape: stretch } });
    const view = await getPublicReport({ db, code: filed.trackingCode, locale: "en" });
    expect(view!.shape).toEqual(stretch);
  });

  it("counts a supporter once per email and makes them a follower", async () => {
    const db = await getDb();
    const report = await fileReport({
      db,
      report: {
        serviceCode: world.category.serviceCode,
        position: east(world.inside, 300),
        description: "Podrška.",
        contact: { email: "author@mail.example" },
      },
    });
    const once = await supportReport({
      db,
      code: report.trackingCode,
      body: { email: "Komsija@Mail.example" },
    });
    const twice = await supportReport({
      db,
      code: report.trackingCode.toLowerCase().replace("-", ""),
      body: { email: "komsija@mail.example" },
    });
    const author = await supportReport({
      db,
      code: report.trackingCode,
      body: { email: "author@mail.example" },
    });
    expect([once.supporters, twice.supporters, author.supporters]).toEqual([1, 1, 1]);
    const followers = await queryRows<{ email: string }>(
      db,
      sql`select email from report_followers where report_id = ${report.id} order by email`,
    );
    expect(followers.map((f) => f.email)).toEqual(["author@mail.example", "komsija@mail.example"]);
  });

  it("shows the public report without contact details or internal notes", async () => {
    const db = await getDb();
    const report = await fileReport({
      db,
      report: {
        serviceCode: world.category.serviceCode,
        position: world.inside,
        description: "Javni opis.",
        contact: { name: "Tajna Osoba", email: "tajna@mail.example", phone: "+381 64 1234567" },
      },
    });
    await performReportAction({
      db,
      reportId: report.id,
      expectedVersion: 1,
      actor: world.actors.agent,
      action: { type: "note", internalNote: "Podnosilac je komšija upravnika." },
    });
    await performReportAction({
      db,
      reportId: report.id,
      expectedVersion: 2,
      actor: world.actors.agent,
      action: { type: "assign", organisationId: world.water.id, publicText: "Prosleđeno vodovodu." },
    });
    const view = await getPublicReport({ db, code: report.trackingCode, locale: "en" });
    const text = JSON.stringify(view);
    for (const secret of ["Tajna", "tajna@mail.example", "1234567", "komšija upravnika"])
      expect(text).not.toContain(secret);
    expect(view!.timeline.map((e) => e.kind)).toEqual(["created", "assigned"]);
    expect(view!.timeline[1]).toMatchObject({
      organisation: "Test organisation",
      text: "Prosleđeno vodovodu.",
    });
  });

  it("finds places across scripts and without diacritics, and names the street under a point", async () => {
    const db = await getDb();
    await db.insert(t.gazetteer).values([
      {
        municipalityId: world.municipality.id,
        kind: "street",
        name: sr("Đure Jakšića", "Đure Jakšića"),
        searchKey: foldForSearch("Đure Jakšića"),
        geom: {
          type: "LineString",
          coordinates: [
            [22.94, 42.96],
            [22.96, 42.96],
          ],
        },
      },
      {
        municipalityId: world.municipality.id,
        kind: "place",
        name: sr("Ćuprija", "Ćuprija"),
        searchKey: foldForSearch("Ćuprija"),
        geom: { type: "Point", coordinates: [22.95, 42.95] },
      },
    ]);
    for (const q of ["cuprija", "Ćuprija", "Ћуприја", "CUPR"]) {
      expect((await searchPlaces({ db, query: q, locale: "sr-Cyrl" })).map((p) => p.name)).toContain(
        "Ћуприја",
      );
    }
    expect((await searchPlaces({ db, query: "djure jak", locale: "sr-Latn" }))[0]?.name).toBe("Đure Jakšića");
    expect(await searchPlaces({ db, query: "%", locale: "en" })).toEqual([]);
    const here = await describeLocation({ db, position: [22.95, 42.9605], locale: "sr-Latn" });
    expect(here.street).toBe("Đure Jakšića");
    const far = await describeLocation({ db, position: [22.95, 42.97], locale: "sr-Latn" });
    expect(far.street).toBeNull();
  });
});
