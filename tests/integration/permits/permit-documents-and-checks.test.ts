import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { queryOne, queryRows } from "../../../db/query";
import { AppError } from "../../../lib/errors";
import { addPermitDocument } from "../../../lib/permits/add-permit-document";
import { changePermitStatus } from "../../../lib/permits/change-permit-status";
import { checkWorksPermit } from "../../../lib/permits/find-permit-coverage";
import { registerPermit } from "../../../lib/permits/register-permit";
import { fileReport } from "../../../lib/reports/file-report";
import { diskStorage } from "../../../lib/storage/storage";
import { box } from "../../helpers/builders";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";

const now = new Date("2026-11-20T09:00:00Z");

describe(`permit documents and the works-without-a-permit check on the ${engine} engine`, () => {
  let world: Awaited<ReturnType<typeof buildWorkflowWorld>>;
  let uploadDir: string;
  let permitId: number;

  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 20.5, south: 43.5 });
    uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "permit-docs-"));
    const registered = await registerPermit({
      db: await getDb(),
      channel: "office",
      now,
      application: {
        kind: "construction",
        holderName: "Gradnja Morava d.o.o.",
        worksDescription: "Stambena zgrada",
        site: box(20.55, 43.55, 20.5506, 43.5504),
        validFrom: "2026-11-01",
        validTo: "2027-06-30",
        applicant: { name: "Gradnja Morava d.o.o.", email: "kancelarija@gradnja.example" },
      },
    });
    permitId = registered.id;
  });

  afterAll(() => fs.rmSync(uploadDir, { recursive: true, force: true }));

  it("stores a PDF through lib/storage with a history entry, and refuses a file that is not a document, keeping nothing", async () => {
    const db = await getDb();
    const storage = diskStorage(uploadDir);
    const pdf = Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    const added = await addPermitDocument({
      db,
      permitId,
      expectedVersion: 1,
      fileName: "situacioni plan.pdf",
      data: pdf,
      actorUserId: world.lead.id,
      municipalityIds: [world.municipality.id],
      storage,
      now,
    });
    expect(added.version).toBe(2);
    const doc = await queryOne<{
      storage_key: string;
      content_type: string;
      byte_size: number;
      file_name: string;
    }>(
      db,
      sql`select storage_key, content_type, byte_size, file_name from permit_documents where id = ${added.id}`,
    );
    expect(doc).toMatchObject({
      content_type: "application/pdf",
      byte_size: pdf.length,
      file_name: "situacioni plan.pdf",
    });
    expect(await storage.get(doc!.storage_key)).toEqual(pdf);
    const history = await queryRows<{ kind: string; note: string }>(
      db,
      sql`select kind, note from permit_events where permit_id = ${permitId} and kind = 'document_added'`,
    );
    expect(history).toEqual([{ kind: "document_added", note: "situacioni plan.pdf" }]);

    const files = () => fs.readdirSync(uploadDir, { recursive: true }).filter((f) => String(f).includes("."));
    const before = files().length;
    const err = await addPermitDocument({
      db,
      permitId,
      expectedVersion: 2,
      fileName: "virus.exe",
      data: Buffer.from("MZ\x90\x00"),
      actorUserId: world.lead.id,
      municipalityIds: [world.municipality.id],
      storage,
      now,
    }).catch((e: unknown) => e);
    expect((err as AppError).messageKey).toBe("permitDocumentType");
    const stale = await addPermitDocument({
      db,
      permitId,
      expectedVersion: 1,
      fileName: "b.pdf",
      data: pdf,
      actorUserId: world.lead.id,
      municipalityIds: [world.municipality.id],
      storage,
      now,
    }).catch((e: unknown) => e);
    expect((stale as AppError).messageKey).toBe("versionConflict");
    expect(files().length).toBe(before);
    const count = await queryOne<{ n: number }>(
      db,
      sql`select count(*)::int as n from permit_documents where permit_id = ${permitId}`,
    );
    expect(count!.n).toBe(1);
  });

  it("checks for a covering permit only in categories that ask, and names it once the works are active", async () => {
    const db = await getDb();
    const report = await fileReport({
      db,
      now,
      report: {
        serviceCode: world.category.serviceCode,
        position: [20.5503, 43.5502],
        description: "Gradi se bez table.",
      },
    });
    expect(await checkWorksPermit({ db, reportId: report.id, today: now })).toBeNull();
    await db.execute(
      sql`update service_categories set checks_permit_coverage = true where id = ${world.category.id}`,
    );
    expect(await checkWorksPermit({ db, reportId: report.id, today: now })).toEqual([]);
    let version = 2;
    for (const to of ["under_review", "granted", "active"] as const) {
      version = (
        await changePermitStatus({
          db,
          permitId,
          expectedVersion: version,
          to,
          actorUserId: world.lead.id,
          municipalityIds: [world.municipality.id],
          now,
        })
      ).version;
    }
    const covered = await checkWorksPermit({ db, reportId: report.id, today: now });
    expect(covered).toEqual([
      {
        id: permitId,
        reference: expect.stringMatching(/^351-/),
        kind: "construction",
        validFrom: "2026-11-01",
        validTo: "2027-06-30",
        holderName: "Gradnja Morava d.o.o.",
        contractor: null,
        distanceMetres: 0,
      },
    ]);
  });
});
