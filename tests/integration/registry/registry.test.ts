import { asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import * as t from "../../../db/schema";
import { canonicalEvent, sha256Hex } from "../../../lib/registry/canonical";
import { verifyRegistry } from "../../../lib/registry/verify-registry";
import { fileReport } from "../../../lib/reports/file-report";
import { performReportAction } from "../../../lib/workflow/perform-report-action";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";

describe(`the tamper-evident registry on the ${engine} engine`, () => {
  let reportId = 0;
  let permitId = 0;

  beforeAll(async () => {
    const world = await buildWorkflowWorld({ west: 21.9, south: 43.3 });
    const db = await getDb();
    const filed = await fileReport({
      db,
      report: {
        serviceCode: world.category.serviceCode,
        position: world.inside,
        description: "Pukla cev | 12:3 ~",
      },
    });
    reportId = filed.id;
    for (const text of ["Ekipa je obaveštena.", "Ćirilica: Екипа је на терену."]) {
      const [r] = await db.select().from(t.reports).where(eq(t.reports.id, reportId));
      await performReportAction({
        db,
        reportId,
        expectedVersion: r!.version,
        actor: world.actors.waterOperator,
        action: { type: "note", publicText: text },
      });
    }
    const [permit] = await db
      .insert(t.permits)
      .values({
        municipalityId: world.municipality.id,
        reference: "351-REG/2026",
        kind: "excavation",
        status: "granted",
        holderName: "JKP Vodovod",
        holderIsCompany: true,
        worksDescription: "Zamena cevi",
        site: {
          type: "MultiPolygon",
          coordinates: [
            [
              [
                [21.95, 43.35],
                [21.951, 43.35],
                [21.951, 43.351],
                [21.95, 43.351],
                [21.95, 43.35],
              ],
            ],
          ],
        },
        validFrom: "2026-01-01",
        validTo: "2026-12-31",
      })
      .returning();
    permitId = permit!.id;
    await db.insert(t.permitEvents).values([
      { permitId, kind: "registered", toStatus: "granted" },
      { permitId, kind: "status_changed", fromStatus: "granted", toStatus: "active", note: "Radovi počinju" },
    ]);
  });

  it("chains each report's and permit's events: SHA-256 of the canonical form, with the previous event's hash", async () => {
    const db = await getDb();
    const events = await db
      .select()
      .from(t.reportEvents)
      .where(eq(t.reportEvents.reportId, reportId))
      .orderBy(asc(t.reportEvents.id));
    expect(events.length).toBe(3);
    expect(events[0]!.prevHash).toBeNull();
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    expect(events[2]!.prevHash).toBe(events[1]!.hash);
    const [permitEvents] = await Promise.all([
      db
        .select()
        .from(t.permitEvents)
        .where(eq(t.permitEvents.permitId, permitId))
        .orderBy(asc(t.permitEvents.id)),
    ]);
    expect(permitEvents[1]!.prevHash).toBe(permitEvents[0]!.hash);
    expect(permitEvents[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(sha256Hex(canonicalEvent("report_event/1", ["a|b", null, "č"]))).toBe(
      sha256Hex("report_event/1|3:a|b~2:č"),
    );
    const check = await verifyRegistry({ db });
    expect(check.broken).toEqual([]);
    expect(check.events).toBeGreaterThanOrEqual(5);
  });

  it("names the first broken link when a stored event is changed by SQL", async () => {
    const db = await getDb();
    const events = await db
      .select({ id: t.reportEvents.id })
      .from(t.reportEvents)
      .where(eq(t.reportEvents.reportId, reportId))
      .orderBy(asc(t.reportEvents.id));
    const victim = events[1]!.id;
    // What someone with database access would do: switch off the append-only guard and rewrite history.
    await db.execute(sql`alter table report_events disable trigger report_events_no_update`);
    await db.execute(sql`update report_events set public_text = 'Sve je u redu.' where id = ${victim}`);
    await db.execute(sql`alter table report_events enable trigger report_events_no_update`);
    await db.execute(sql`alter table permit_events disable trigger permit_events_no_update`);
    await db.execute(
      sql`update permit_events set created_at = created_at + interval '1 microsecond' where permit_id = ${permitId}`,
    );
    await db.execute(sql`alter table permit_events enable trigger permit_events_no_update`);
    const check = await verifyRegistry({ db });
    expect(check.broken).toEqual([
      { table: "report_events", subjectId: reportId, eventId: victim, problem: "hash_mismatch" },
      expect.objectContaining({ table: "permit_events", subjectId: permitId, problem: "hash_mismatch" }),
    ]);
  });
});
