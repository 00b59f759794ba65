import fc from "fast-check";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { queryOne, queryRows } from "../../../db/query";
import { AppError, errorStatus } from "../../../lib/errors";
import { fileReport } from "../../../lib/reports/file-report";
import type { WorkflowAction } from "../../../lib/workflow/apply-action";
import { replayEvents } from "../../../lib/workflow/apply-action";
import type { ReportStatus } from "../../../lib/workflow/states";
import { escalateOverdueReports } from "../../../lib/workflow/escalate-overdue-reports";
import { performReportAction } from "../../../lib/workflow/perform-report-action";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";
import { jpegPhoto } from "../../helpers/images";
import { diskStorage } from "../../../lib/storage/storage";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

type World = Awaited<ReturnType<typeof buildWorkflowWorld>>;

async function file(world: World, extra: { email?: string; now?: Date } = {}) {
  return fileReport({
    db: await getDb(),
    now: extra.now,
    report: {
      serviceCode: world.category.serviceCode,
      position: world.inside,
      description: "Curi voda ispod trotoara.",
      contact: extra.email ? { email: extra.email } : undefined,
      locale: "en",
    },
  });
}

async function reportRow(id: number) {
  return queryOne<{
    status: string;
    version: number;
    assigned_organisation_id: number;
    supporters_count: number;
    due_at: Date;
    sla_paused_at: Date | null;
    escalated_at: Date | null;
  }>(
    await getDb(),
    sql`select status, version, assigned_organisation_id, supporters_count, due_at, sla_paused_at, escalated_at from reports where id = ${id}`,
  );
}

async function eventsOf(id: number) {
  return queryRows<{
    kind: string;
    toStatus: ReportStatus | null;
    toOrganisationId: number | null;
    public_text: string | null;
  }>(
    await getDb(),
    sql`select kind, to_status as "toStatus", to_organisation_id as "toOrganisationId", public_text from report_events where report_id = ${id} order by id`,
  );
}

describe(`the standard procedure on the ${engine} engine`, () => {
  let world: World;

  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 22.5, south: 42.1, pauseSlaWhenScheduled: true });
  });

  it("takes a report from receipt to closing, writing the trail and telling the reporter in their language", async () => {
    const db = await getDb();
    const report = await file(world, { email: "mila@mail.example" });
    const act = async (version: number, actor: keyof World["actors"], action: WorkflowAction) =>
      performReportAction({
        db,
        reportId: report.id,
        expectedVersion: version,
        actor: world.actors[actor],
        action,
      });
    await expect(act(1, "waterOperator", { type: "transition", to: "closed" })).rejects.toMatchObject({
      messageKey: "illegalTransition",
    });
    await act(1, "agent", { type: "assign", organisationId: world.water.id });
    await act(2, "waterOperator", { type: "transition", to: "in_progress", publicText: "Crew on site." });
    await act(3, "waterOperator", {
      type: "transition",
      to: "resolved",
      publicText: "The pipe was replaced.",
    });
    const closed = await act(4, "agent", { type: "transition", to: "closed" });
    expect(closed.state).toMatchObject({ status: "closed", version: 5 });

    const events = await eventsOf(report.id);
    expect(events.map((e) => `${e.kind}:${e.toStatus}`)).toEqual([
      "created:received",
      "assigned:assigned",
      "status_changed:in_progress",
      "status_changed:resolved",
      "status_changed:closed",
    ]);
    expect(replayEvents(events)).toEqual({ status: "closed", assignedOrganisationId: world.water.id });
    const mail = await queryRows<{ subject: string }>(
      db,
      sql`select subject from outbox_messages where recipient = 'mila@mail.example' order by id`,
    );
    expect(mail.map((m) => m.subject)).toEqual([
      `Report ${report.trackingCode} received`,
      `Report ${report.trackingCode}: Assigned`,
      `Report ${report.trackingCode}: In progress`,
      `Report ${report.trackingCode}: Resolved`,
      // The reporter is asked whether it is really fixed (FixMyStreet's questionnaire).
      `Report ${report.trackingCode}: is it fixed?`,
      `Report ${report.trackingCode}: Closed`,
    ]);
  });

  it("attaches photos of the work to the action's event, and keeps none when the action fails", async () => {
    const db = await getDb();
    const report = await file(world);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "civic-work-"));
    const result = await performReportAction({
      db,
      reportId: report.id,
      expectedVersion: 1,
      actor: world.actors.waterOperator,
      storage: diskStorage(dir),
      action: { type: "transition", to: "in_progress", publicText: "Iskopano." },
      photos: [await jpegPhoto()],
    });
    const rows = await queryRows<{ event_id: number; is_public: boolean }>(
      db,
      sql`select event_id, is_public from attachments where report_id = ${report.id}`,
    );
    expect(rows).toEqual([{ event_id: result.eventIds[0], is_public: true }]);
    const failing = await performReportAction({
      db,
      reportId: report.id,
      expectedVersion: 1,
      actor: world.actors.waterOperator,
      storage: diskStorage(dir),
      action: { type: "transition", to: "resolved", publicText: "x" },
      photos: [await jpegPhoto()],
    }).catch((e: unknown) => e);
    expect(failing).toMatchObject({ messageKey: "versionConflict" });
    expect(fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith(".jpg"))).toHaveLength(
      1,
    );
  });

  it("answers an illegal transition with 409 and the allowed steps, changing nothing", async () => {
    const db = await getDb();
    const report = await file(world);
    const before = await eventsOf(report.id);
    const error = await performReportAction({
      db,
      reportId: report.id,
      expectedVersion: 1,
      actor: world.actors.agent,
      action: { type: "transition", to: "closed" },
    }).catch((e: unknown) => e as AppError);
    expect(errorStatus[(error as AppError).code]).toBe(409);
    expect((error as AppError).details).toMatchObject({ from: "received", to: "closed" });
    expect(await reportRow(report.id)).toMatchObject({ status: "received", version: 1 });
    expect(await eventsOf(report.id)).toEqual(before);
  });

  it("lets exactly one of 10 parallel actions on one version win; the others get the fresh state", async () => {
    const db = await getDb();
    const report = await file(world);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        performReportAction({
          db,
          reportId: report.id,
          expectedVersion: 1,
          actor: world.actors.agent,
          action:
            i % 2 === 0
              ? { type: "assign", organisationId: world.water.id }
              : { type: "transition", to: "triaged" },
        }),
      ),
    );
    const won = outcomes.filter((o) => o.status === "fulfilled");
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(9);
    for (const l of lost) {
      expect(l.reason).toMatchObject({ code: "conflict", messageKey: "versionConflict" });
      expect(l.reason.details).toMatchObject({ currentVersion: 2 });
    }
    expect((await reportRow(report.id))!.version).toBe(2);
    expect(await eventsOf(report.id)).toHaveLength(2);
  });

  it("forwards between organisations keeping the whole history", async () => {
    const db = await getDb();
    const report = await file(world);
    await performReportAction({
      db,
      reportId: report.id,
      expectedVersion: 1,
      actor: world.actors.agent,
      action: { type: "assign", organisationId: world.water.id },
    });
    await performReportAction({
      db,
      reportId: report.id,
      expectedVersion: 2,
      actor: world.actors.waterOperator,
      action: { type: "transition", to: "in_progress" },
    });
    await performReportAction({
      db,
      reportId: report.id,
      expectedVersion: 3,
      actor: world.actors.waterOperator,
      action: { type: "assign", organisationId: world.roads.id, internalNote: "Oštećen kolovoz, ne cev." },
    });
    const row = await reportRow(report.id);
    expect(row).toMatchObject({ status: "assigned", assigned_organisation_id: world.roads.id });
    const events = await eventsOf(report.id);
    expect(events.map((e) => [e.kind, e.toOrganisationId])).toEqual([
      ["created", world.water.id],
      ["assigned", world.water.id],
      ["status_changed", null],
      ["forwarded", world.roads.id],
    ]);
    // The water utility no longer holds it.
    await expect(
      performReportAction({
        db,
        reportId: report.id,
        expectedVersion: 4,
        actor: world.actors.waterOperator,
        action: { type: "transition", to: "in_progress" },
      }),
    ).rejects.toMatchObject({ messageKey: "actionNotAllowed" });
  });

  it("marks a duplicate: its supporters, followers and reporter move to the original", async () => {
    const db = await getDb();
    const original = await file(world, { email: "first@mail.example" });
    const dup = await file(world, { email: "second@mail.example" });
    await db.execute(sql`update reports set supporters_count = 3 where id = ${dup.id}`);
    await db.execute(
      sql`insert into report_followers (report_id, municipality_id, email) select id, municipality_id, 'neighbour@mail.example' from reports where id = ${dup.id}`,
    );
    await performReportAction({
      db,
      reportId: dup.id,
      expectedVersion: 1,
      actor: world.actors.agent,
      action: { type: "mark_duplicate", duplicateOfId: original.id },
    });
    expect((await reportRow(original.id))!.supporters_count).toBe(4);
    const followers = await queryRows<{ email: string }>(
      db,
      sql`select email from report_followers where report_id = ${original.id} order by email`,
    );
    expect(followers.map((f) => f.email)).toEqual(["neighbour@mail.example", "second@mail.example"]);
    // A duplicate of the duplicate points at the original.
    const third = await file(world);
    await performReportAction({
      db,
      reportId: third.id,
      expectedVersion: 1,
      actor: world.actors.agent,
      action: { type: "mark_duplicate", duplicateOfId: dup.id },
    });
    const row = await queryOne<{ duplicate_of_id: number }>(
      db,
      sql`select duplicate_of_id from reports where id = ${third.id}`,
    );
    expect(row!.duplicate_of_id).toBe(original.id);
  });

  it("pauses the clock while work is scheduled and escalates overdue reports once, to the lead", async () => {
    const db = await getDb();
    const filedAt = new Date("2026-11-16T08:00:00Z"); // Monday; due Wednesday 18th
    const paused = await file(world, { now: filedAt });
    const late = await file(world, { now: filedAt });
    await performReportAction({
      db,
      reportId: paused.id,
      expectedVersion: 1,
      actor: world.actors.agent,
      action: { type: "assign", organisationId: world.water.id },
      now: filedAt,
    });
    await performReportAction({
      db,
      reportId: paused.id,
      expectedVersion: 2,
      actor: world.actors.waterOperator,
      action: { type: "transition", to: "action_scheduled", scheduledFor: "2026-11-30" },
      now: new Date("2026-11-17T08:00:00Z"),
    });
    expect((await reportRow(paused.id))!.sla_paused_at).not.toBeNull();

    const at = new Date("2026-11-20T12:00:00Z");
    await escalateOverdueReports({ db, now: at });
    expect((await reportRow(late.id))!.escalated_at).not.toBeNull();
    expect((await reportRow(paused.id))!.escalated_at).toBeNull();
    const escalations = await queryRows<{ recipient: string; template: string }>(
      db,
      sql`select recipient, template from outbox_messages where payload->>'reportId' = ${String(late.id)} and template = 'organisation_escalated'`,
    );
    expect(escalations).toEqual([{ recipient: world.lead.email, template: "organisation_escalated" }]);
    await escalateOverdueReports({ db, now: at });
    const count = await queryOne<{ n: number }>(
      db,
      sql`select count(*)::int as n from report_events where report_id = ${late.id} and kind = 'escalated'`,
    );
    expect(count!.n).toBe(1);
    // The note is a message key, shown in each reader's language, not English text.
    const note = await queryOne<{ note_key: string | null; internal_note: string | null }>(
      db,
      sql`select note_key, internal_note from report_events where report_id = ${late.id} and kind = 'escalated'`,
    );
    expect(note).toEqual({ note_key: "serviceStandardExceeded", internal_note: null });
  });

  it("replays every report's trail to its stored state after random sequences of actions", async () => {
    const db = await getDb();
    const actions: Array<[keyof World["actors"], WorkflowAction]> = [
      ["agent", { type: "assign", organisationId: world.water.id }],
      ["agent", { type: "transition", to: "triaged" }],
      ["waterOperator", { type: "transition", to: "in_progress" }],
      ["waterOperator", { type: "transition", to: "resolved", publicText: "Urađeno." }],
      ["waterOperator", { type: "transition", to: "resolved" }],
      ["waterOperator", { type: "assign", organisationId: world.roads.id }],
      ["roadsOperator", { type: "transition", to: "in_progress" }],
      ["roadsOperator", { type: "transition", to: "resolved", publicText: "Asfaltirano." }],
      ["agent", { type: "transition", to: "closed" }],
      ["agent", { type: "transition", to: "reopened" }],
      ["agent", { type: "transition", to: "rejected", rejectionTarget: "JP Putevi Srbije" }],
      ["agent", { type: "note", internalNote: "Pozvan podnosilac." }],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(actions.length - 1), { minLength: 3, maxLength: 12 }),
        async (picks) => {
          const report = await file(world);
          let version = 1;
          for (const pick of picks) {
            const [who, action] = actions[pick]!;
            try {
              version = (
                await performReportAction({
                  db,
                  reportId: report.id,
                  expectedVersion: version,
                  actor: world.actors[who],
                  action,
                })
              ).state.version;
            } catch (err) {
              expect(err).toBeInstanceOf(AppError);
            }
          }
          const row = await reportRow(report.id);
          const events = await eventsOf(report.id);
          expect(replayEvents(events)).toEqual({
            status: row!.status,
            assignedOrganisationId: row!.assigned_organisation_id,
          });
          expect(row!.version).toBe(events.length);
          if (row!.status === "closed")
            expect(events.some((e) => e.toStatus === "resolved" && e.public_text)).toBe(true);
        },
      ),
      { numRuns: engine === "embedded" ? 25 : 50 },
    );
  });
});
