import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { queryOne } from "../../../db/query";
import { createImportJob } from "../../../lib/import/create-import-job";
import { dryRunImport } from "../../../lib/import/dry-run-import";
import { buildErrorCsv } from "../../../lib/import/error-csv";
import { parseCsv } from "../../../lib/import/parse-csv";
import { MAX_IMPORT_RESUMES, recoverStaleImports } from "../../../lib/import/recover-stale-imports";
import { runImportJob } from "../../../lib/import/run-import-job";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";

const mapping = {
  externalId: "id",
  categoryCode: "vrsta",
  description: "opis",
  latitude: "lat",
  longitude: "lon",
  createdAt: "datum",
  status: "stanje",
};

/** A history export: `count` rows inside the world's box, with the given rows broken. */
function historyCsv(input: {
  world: Awaited<ReturnType<typeof buildWorkflowWorld>>;
  count: number;
  prefix: string;
  broken?: Record<number, (row: string[]) => string[]>;
}): string {
  const [w, s] = input.world.inside.map((v) => v - 0.05) as [number, number];
  const lines = ["id;vrsta;opis;lat;lon;datum;stanje"];
  for (let i = 0; i < input.count; i++) {
    // A deterministic spread over the municipality, one report per ~100 m cell.
    const lon = (w + 0.005 + ((i * 37) % 90) / 1000).toFixed(5);
    const lat = (s + 0.005 + ((i * 53) % 90) / 1000).toFixed(5);
    let row = [
      `${input.prefix}-${i}`,
      input.world.category.serviceCode,
      `Istorijska prijava br. ${i}; curenje`,
      lat,
      lon,
      `${String((i % 28) + 1).padStart(2, "0")}.0${(i % 9) + 1}.2025.`,
      i % 3 === 0 ? "zatvoreno" : "u toku",
    ];
    if (input.broken?.[i]) row = input.broken[i]!(row);
    lines.push(row.map((v) => (v.includes(";") ? `"${v}"` : v)).join(";"));
  }
  return lines.join("\n");
}

async function counts(municipalityId: number) {
  return (await queryOne<{ reports: number; events: number; outbox: number }>(
    await getDb(),
    sql`select (select count(*)::int from reports where municipality_id = ${municipalityId}) as reports,
               (select count(*)::int from report_events e join reports r on r.id = e.report_id where r.municipality_id = ${municipalityId}) as events,
               (select count(*)::int from outbox_messages) as outbox`,
  ))!;
}

describe(`importing historical reports from CSV on the ${engine} engine`, () => {
  let world: Awaited<ReturnType<typeof buildWorkflowWorld>>;

  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 20.4, south: 44.7 });
  });

  it("imports 9,997 of 10,000 rows, reports the 3 bad ones with their reasons, notifies nobody, and does not duplicate on a second run", async () => {
    const db = await getDb();
    const csv = historyCsv({
      world,
      count: 10_000,
      prefix: "big",
      broken: {
        17: (r) => [r[0]!, "no_such_category", ...r.slice(2)],
        4_242: (r) => [...r.slice(0, 3), "91.5", ...r.slice(4)],
        9_999: (r) => [...r.slice(0, 3), "40.0", "20.0", ...r.slice(5)],
      },
    });
    const before = await counts(world.municipality.id);

    const dry = await dryRunImport({
      db,
      municipalityId: world.municipality.id,
      csv: parseCsv(csv),
      mapping,
      locale: "en",
    });
    expect(dry).toMatchObject({ total: 10_000, valid: 9_997 });
    expect(dry.errors.map((e) => [e.row, e.messageKey])).toEqual([
      [19, "importUnknownCategory"],
      [4_244, "importBadCoordinates"],
      [10_001, "importOutsideMunicipality"],
    ]);
    expect(await counts(world.municipality.id)).toEqual(before);

    const job = await createImportJob({
      db,
      municipalityId: world.municipality.id,
      userId: null,
      fileName: "istorija.csv",
      csv,
      mapping,
    });
    const started = Date.now();
    const done = await runImportJob({ db, jobId: job.id, locale: "en" });
    console.log(`[import] 10,000 rows on ${engine}: ${Date.now() - started} ms`);
    expect(done).toMatchObject({
      status: "completed",
      totalRows: 10_000,
      nextRow: 10_000,
      imported: 9_997,
      skipped: 0,
      failed: 3,
    });
    const after = await counts(world.municipality.id);
    expect(after).toEqual({
      reports: before.reports + 9_997,
      events: before.events + 9_997,
      outbox: before.outbox,
    });

    const sample = await queryOne<{
      status: string;
      channel: string;
      owner: number;
      created: string;
      external_ref: string;
      resolved_on_filing: boolean;
      import_id: number;
    }>(
      db,
      sql`select status, channel, assigned_organisation_id as owner, to_char(created_at at time zone 'Europe/Belgrade', 'YYYY-MM-DD') as created, external_ref,
                 resolved_at = created_at as resolved_on_filing, import_id
          from reports where municipality_id = ${world.municipality.id} and external_ref = 'big-3'`,
    );
    expect(sample).toEqual({
      status: "closed",
      channel: "import",
      owner: world.water.id,
      created: "2025-04-04",
      external_ref: "big-3",
      resolved_on_filing: true,
      import_id: job.id,
    });

    const again = await createImportJob({
      db,
      municipalityId: world.municipality.id,
      userId: null,
      fileName: "istorija.csv",
      csv,
      mapping,
    });
    expect(await runImportJob({ db, jobId: again.id })).toMatchObject({
      status: "completed",
      imported: 0,
      skipped: 9_997,
      failed: 3,
    });
    expect((await counts(world.municipality.id)).reports).toBe(before.reports + 9_997);

    const [row] = await db
      .execute(sql`select errors from report_imports where id = ${job.id}`)
      .then(
        (r) =>
          (r as unknown as { rows: Array<{ errors: Parameters<typeof buildErrorCsv>[0]["errors"] }> }).rows,
      );
    const errorCsv = buildErrorCsv({
      header: parseCsv(csv).header,
      errors: row!.errors,
      describe: (e) => e.messageKey,
    });
    expect(errorCsv.split("\r\n").filter(Boolean)).toHaveLength(4);
    expect(errorCsv).toContain("no_such_category");
  }, 300_000);

  it("leaves no part of a batch behind when the process fails mid-import, and a resume completes it", async () => {
    const db = await getDb();
    const csv = historyCsv({
      world,
      count: 1_200,
      prefix: "crash",
      broken: { 700: (r) => [r[0]!, r[1]!, "CRASH HERE", ...r.slice(3)] },
    });
    const before = await counts(world.municipality.id);
    // A database failure in the middle of the second batch (rows 500–999), as a dying process would leave it.
    await db.execute(sql`create or replace function fail_import_for_test() returns trigger language plpgsql as $$
      begin if new.description = 'CRASH HERE' then raise exception 'simulated crash'; end if; return new; end $$`);
    await db.execute(
      sql`create trigger fail_import_for_test before insert on reports for each row execute function fail_import_for_test()`,
    );
    const job = await createImportJob({
      db,
      municipalityId: world.municipality.id,
      userId: null,
      fileName: "pad.csv",
      csv,
      mapping,
    });
    await expect(runImportJob({ db, jobId: job.id })).rejects.toThrow();
    const stopped = await queryOne<{
      status: string;
      next_row: number;
      imported_count: number;
      last_error: string;
    }>(db, sql`select status, next_row, imported_count, last_error from report_imports where id = ${job.id}`);
    expect(stopped).toMatchObject({
      status: "failed",
      next_row: 500,
      imported_count: 500,
      last_error: expect.stringContaining("simulated crash"),
    });
    // Exactly the first batch is in: nothing of the batch that failed.
    expect((await counts(world.municipality.id)).reports).toBe(before.reports + 500);

    await db.execute(sql`drop trigger fail_import_for_test on reports`);
    const resumed = await runImportJob({ db, jobId: job.id });
    expect(resumed).toMatchObject({
      status: "completed",
      nextRow: 1_200,
      imported: 1_200,
      skipped: 0,
      failed: 0,
    });
    expect((await counts(world.municipality.id)).reports).toBe(before.reports + 1_200);
  }, 300_000);

  it("resumes a job whose runner died (its lease ran out), leaves a live runner alone, and fails a job abandoned too often", async () => {
    const db = await getDb();
    const csv = historyCsv({ world, count: 30, prefix: "stale" });
    const job = await createImportJob({
      db,
      municipalityId: world.municipality.id,
      userId: null,
      fileName: "prekid.csv",
      csv,
      mapping,
    });
    // Another process holds a valid lease: nothing to recover, and a second runner does not start.
    await db.execute(
      sql`update report_imports set status = 'running', lease_expires_at = now() + interval '1 minute' where id = ${job.id}`,
    );
    const resumedIds: number[] = [];
    expect(await recoverStaleImports({ db, resume: (id) => resumedIds.push(id) })).toEqual({
      resumed: [],
      failed: [],
    });
    expect(await runImportJob({ db, jobId: job.id })).toMatchObject({ status: "running", nextRow: 0 });

    // That process died: the lease runs out and the worker hands the job to a new runner.
    await db.execute(
      sql`update report_imports set lease_expires_at = now() - interval '1 second' where id = ${job.id}`,
    );
    expect(await recoverStaleImports({ db, resume: (id) => resumedIds.push(id) })).toEqual({
      resumed: [job.id],
      failed: [],
    });
    expect(resumedIds).toEqual([job.id]);
    expect(await runImportJob({ db, jobId: job.id })).toMatchObject({ status: "completed", imported: 30 });

    const doomed = await createImportJob({
      db,
      municipalityId: world.municipality.id,
      userId: null,
      fileName: "uvek-pada.csv",
      csv: historyCsv({ world, count: 5, prefix: "doomed" }),
      mapping,
    });
    await db.execute(
      sql`update report_imports set status = 'running', resume_count = ${MAX_IMPORT_RESUMES},
                 lease_expires_at = now() - interval '1 second' where id = ${doomed.id}`,
    );
    expect(await recoverStaleImports({ db, resume: (id) => resumedIds.push(id) })).toEqual({
      resumed: [],
      failed: [doomed.id],
    });
    const failed = await queryOne<{ status: string; last_error: string }>(
      db,
      sql`select status, last_error from report_imports where id = ${doomed.id}`,
    );
    expect(failed).toEqual({ status: "failed", last_error: "import_abandoned" });
  }, 120_000);
});
