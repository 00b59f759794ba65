import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzip } from "but-unzip";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import * as t from "../../../db/schema";
import { buildCaseArchive } from "../../../lib/registry/build-case-archive";
import { diskStorage } from "../../../lib/storage/storage";
import { buildCategory, buildMunicipality, buildReport, box } from "../../helpers/builders";
import { engine } from "../../helpers/engine";

describe(`the archive package of a closed case on the ${engine} engine`, () => {
  it("holds the case, its chained events and its photo, each listed in the manifest with its SHA-256", async () => {
    const db = await getDb();
    const storage = diskStorage(fs.mkdtempSync(path.join(os.tmpdir(), "civic-archive-")));
    const municipality = await buildMunicipality({ boundary: box(20, 44, 20.1, 44.1) });
    const category = await buildCategory({
      municipalityId: municipality.id,
      sector: "water",
      slaWorkingDays: 2,
    });
    const report = await buildReport({
      municipalityId: municipality.id,
      categoryId: category.id,
      position: [20.05, 44.05],
      status: "closed",
      contact: { name: "Skrivena Osoba", email: "skrivena@mail.example" },
    });
    await db.insert(t.reportEvents).values([
      { reportId: report.id, municipalityId: municipality.id, kind: "created", toStatus: "received" },
      {
        reportId: report.id,
        municipalityId: municipality.id,
        kind: "status_changed",
        toStatus: "closed",
        publicText: "Zatvoreno.",
      },
    ]);
    const photo = Buffer.from("not really a jpeg, but bytes");
    await storage.put("reports/2026/01/a.jpg", photo, "image/jpeg");
    const sha = createHash("sha256").update(photo).digest("hex");
    await db.insert(t.attachments).values({
      reportId: report.id,
      municipalityId: municipality.id,
      storageKey: "reports/2026/01/a.jpg",
      contentType: "image/jpeg",
      byteSize: photo.length,
      sha256: sha,
    });

    const archive = await buildCaseArchive({ db, reportId: report.id, storage });
    expect(archive.fileName).toBe(`case-${report.trackingCode}.zip`);
    const files = new Map<string, Buffer>();
    for (const item of unzip(new Uint8Array(archive.zip)))
      files.set(item.filename, Buffer.from(await item.read()));
    expect([...files.keys()].sort()).toEqual(
      [
        "events.json",
        "manifest.json",
        "manifest.sha256",
        "report.json",
        expect.stringMatching(/^attachments\/\d+-[0-9a-f]{12}\.jpg$/),
      ].sort(),
    );
    const manifest = JSON.parse(files.get("manifest.json")!.toString("utf8"));
    for (const f of manifest.files)
      expect(createHash("sha256").update(files.get(f.name)!).digest("hex"), f.name).toBe(f.sha256);
    const events = JSON.parse(files.get("events.json")!.toString("utf8"));
    expect(events).toHaveLength(2);
    expect(events[1].prev_hash).toBe(events[0].hash);
    expect(manifest.chain).toMatchObject({ algorithm: "SHA-256", events: 2, lastHash: events[1].hash });
    expect([...files.values()].some((b) => b.equals(photo))).toBe(true);
    expect(files.get("report.json")!.toString("utf8")).not.toContain("skrivena@mail.example");
  });

  it("refuses a case that is still open", async () => {
    const db = await getDb();
    const municipality = await buildMunicipality({ boundary: box(20, 44, 20.1, 44.1) });
    const category = await buildCategory({
      municipalityId: municipality.id,
      sector: "water",
      slaWorkingDays: 2,
    });
    const report = await buildReport({
      municipalityId: municipality.id,
      categoryId: category.id,
      position: [20.05, 44.05],
    });
    await expect(buildCaseArchive({ db, reportId: report.id })).rejects.toMatchObject({ code: "conflict" });
  });
});
