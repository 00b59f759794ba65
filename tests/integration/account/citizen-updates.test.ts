import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { queryOne, queryRows } from "../../../db/query";
import * as t from "../../../db/schema";
import { addReportComment } from "../../../lib/comments/add-report-comment";
import { answerQuestionnaire } from "../../../lib/comments/answer-questionnaire";
import { listReportComments } from "../../../lib/comments/list-report-comments";
import { reviewReportComment } from "../../../lib/comments/review-report-comment";
import { saveModerationSettings } from "../../../lib/moderation/moderation-settings";
import { getPublicAttachment } from "../../../lib/reports/get-public-report";
import { fileReport } from "../../../lib/reports/file-report";
import { supportReport } from "../../../lib/reports/support-report";
import { diskStorage } from "../../../lib/storage/storage";
import { performReportAction } from "../../../lib/workflow/perform-report-action";
import { engine } from "../../helpers/engine";
import { jpegPhoto } from "../../helpers/images";
import { buildWorkflowWorld } from "../../helpers/world";

type World = Awaited<ReturnType<typeof buildWorkflowWorld>>;

async function citizen(name: string) {
  const email = `${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
  const [user] = await (
    await getDb()
  )
    .insert(t.users)
    .values({ email, name: "", locale: "sr-Latn" })
    .returning({ id: t.users.id });
  return { userId: user!.id, email };
}

/** Takes a report from filing to resolved as the water utility would. */
async function resolve(world: World, reportId: number, now = new Date()) {
  const db = await getDb();
  const version = async () =>
    (await queryOne<{ version: number }>(db, sql`select version from reports where id = ${reportId}`))!
      .version;
  await performReportAction({
    db,
    reportId,
    expectedVersion: await version(),
    actor: world.actors.agent,
    action: { type: "assign", organisationId: world.water.id },
    now,
  });
  await performReportAction({
    db,
    reportId,
    expectedVersion: await version(),
    actor: world.actors.waterOperator,
    action: { type: "transition", to: "resolved", publicText: "Cev je zamenjena." },
    now,
  });
}

describe(`citizens' updates and "fixed?" on the ${engine} engine`, () => {
  let world: World;
  const storage = diskStorage(fs.mkdtempSync(path.join(os.tmpdir(), "comments-")));

  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 20.2, south: 44.1 });
    // These updates wait for staff: the municipality reads every comment first (pre-moderation).
    await saveModerationSettings({
      db: await getDb(),
      municipalityId: world.municipality.id,
      settings: { heldWords: [], commentModeration: "pre" },
    });
  });

  it("holds a follower's comment with a photo until staff publish it, then shows it and its photo publicly", async () => {
    const db = await getDb();
    const report = await fileReport({
      db,
      report: { serviceCode: world.category.serviceCode, position: world.inside, description: "curi voda" },
    });
    const follower = await citizen("pratilac");
    await supportReport({ db, code: report.trackingCode, body: { support: false }, citizen: follower });
    const added = await addReportComment({
      db,
      code: report.trackingCode,
      citizen: follower,
      body: "  I dalje curi, sada jače.  ",
      photos: [await jpegPhoto()],
      storage,
    });
    expect(added).toMatchObject({ state: "held", photos: 1 });
    expect(
      await listReportComments({ db, report: { code: report.trackingCode }, audience: "public" }),
    ).toEqual([]);
    const held = await listReportComments({ db, report: { id: report.id }, audience: "staff" });
    expect(held).toMatchObject([{ body: "I dalje curi, sada jače.", state: "held", fromReporter: false }]);
    expect(held[0]!.photoIds).toHaveLength(1);
    // The held photo is not served publicly.
    expect(await getPublicAttachment({ db, id: held[0]!.photoIds[0]! })).toBeNull();

    await reviewReportComment({
      db,
      reportId: report.id,
      commentId: added.id,
      decision: "publish",
      staffUserId: world.lead.id,
    });
    const shown = await listReportComments({ db, report: { code: report.trackingCode }, audience: "public" });
    expect(shown.map((c) => c.body)).toEqual(["I dalje curi, sada jače."]);
    expect(await getPublicAttachment({ db, id: shown[0]!.photoIds[0]! })).not.toBeNull();
    await expect(
      reviewReportComment({
        db,
        reportId: report.id,
        commentId: added.id,
        decision: "reject",
        staffUserId: world.lead.id,
      }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses comments from people who neither filed nor follow the report, and more than three photos", async () => {
    const db = await getDb();
    const report = await fileReport({
      db,
      report: { serviceCode: world.category.serviceCode, position: world.inside, description: "tuđa" },
    });
    const stranger = await citizen("stranac");
    await expect(
      addReportComment({ db, code: report.trackingCode, citizen: stranger, body: "zdravo", storage }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const reporter = await citizen("podnosilac");
    const own = await fileReport({
      db,
      report: { serviceCode: world.category.serviceCode, position: world.inside, description: "moja" },
      citizen: reporter,
    });
    const photo = await jpegPhoto({ width: 40, height: 30 });
    await expect(
      addReportComment({
        db,
        code: own.trackingCode,
        citizen: reporter,
        body: "četiri",
        photos: [photo, photo, photo, photo],
        storage,
      }),
    ).rejects.toMatchObject({ code: "unprocessable" });
    const rejected = await addReportComment({
      db,
      code: own.trackingCode,
      citizen: reporter,
      body: "uvreda",
      storage,
    });
    await reviewReportComment({
      db,
      reportId: own.id,
      commentId: rejected.id,
      decision: "reject",
      staffUserId: world.lead.id,
    });
    expect(await listReportComments({ db, report: { code: own.trackingCode }, audience: "public" })).toEqual(
      [],
    );
    const count = await queryOne<{ n: number }>(
      db,
      sql`select count(*)::int as n from report_comments where report_id = ${report.id}`,
    );
    expect(count!.n).toBe(0);
  });

  it('asks the reporter "fixed?" by e-mail when the report is resolved, and "still a problem" reopens it with their comment', async () => {
    const db = await getDb();
    const reporter = await citizen("nezadovoljan");
    const report = await fileReport({
      db,
      report: { serviceCode: world.category.serviceCode, position: world.inside, description: "rupa" },
      citizen: reporter,
    });
    await resolve(world, report.id);
    const asked = await queryRows<{ subject: string }>(
      db,
      sql`select subject from outbox_messages where template = 'questionnaire' and recipient = ${reporter.email}`,
    );
    expect(asked.map((m) => m.subject)).toEqual([`Prijava ${report.trackingCode}: da li je rešeno?`]);

    const answer = await answerQuestionnaire({
      db,
      code: report.trackingCode,
      citizen: reporter,
      answer: { fixed: false, body: "Rupa je i dalje tu." },
    });
    expect(answer.reopened).toBe(true);
    const row = await queryOne<{ status: string }>(
      db,
      sql`select status from reports where id = ${report.id}`,
    );
    expect(row!.status).toBe("reopened");
    const event = await queryOne<{ internal_note: string; actor_user_id: number }>(
      db,
      sql`select internal_note, actor_user_id from report_events where report_id = ${report.id} and to_status = 'reopened'`,
    );
    expect(event).toEqual({ internal_note: "Rupa je i dalje tu.", actor_user_id: reporter.userId });
    expect(await listReportComments({ db, report: { id: report.id }, audience: "staff" })).toMatchObject([
      { fixed: false, body: "Rupa je i dalje tu.", fromReporter: true, state: "held" },
    ]);
  });

  it('only records "still a problem" more than 30 days after resolution, and refuses followers and open reports', async () => {
    const db = await getDb();
    const reporter = await citizen("kasno");
    const report = await fileReport({
      db,
      report: { serviceCode: world.category.serviceCode, position: world.inside, description: "stara" },
      citizen: reporter,
    });
    const follower = await citizen("samoprati");
    await supportReport({ db, code: report.trackingCode, body: { support: true }, citizen: follower });
    await expect(
      answerQuestionnaire({ db, code: report.trackingCode, citizen: reporter, answer: { fixed: true } }),
    ).rejects.toMatchObject({ code: "conflict" });
    await resolve(world, report.id, new Date(Date.now() - 31 * 86_400_000));
    await expect(
      answerQuestionnaire({ db, code: report.trackingCode, citizen: follower, answer: { fixed: false } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const late = await answerQuestionnaire({
      db,
      code: report.trackingCode,
      citizen: reporter,
      answer: { fixed: false, body: "" },
    });
    expect(late.reopened).toBe(false);
    const row = await queryOne<{ status: string }>(
      db,
      sql`select status from reports where id = ${report.id}`,
    );
    expect(row!.status).toBe("resolved");
  });
});
