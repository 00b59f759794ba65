import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { queryRows } from "../../../db/query";
import * as t from "../../../db/schema";
import { asPublic } from "../../../lib/auth/db-scope";
import type { SessionUser } from "../../../lib/auth/staff-user";
import { addReportComment } from "../../../lib/comments/add-report-comment";
import {
  listPublicReportComments,
  listStaffReportComments,
} from "../../../lib/comments/list-report-comments";
import { reviewReportComment } from "../../../lib/comments/review-report-comment";
import { flagReportComment } from "../../../lib/moderation/flag-report-comment";
import { listModerationHistory } from "../../../lib/moderation/list-moderation-history";
import { listModerationQueue } from "../../../lib/moderation/list-moderation-queue";
import { CONTACT_MASK } from "../../../lib/moderation/mask-contacts";
import { moderateReport } from "../../../lib/moderation/moderate-report";
import { saveModerationSettings } from "../../../lib/moderation/moderation-settings";
import { fileReport } from "../../../lib/reports/file-report";
import { supportReport } from "../../../lib/reports/support-report";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";
import { buildStaff } from "./moderation-helpers";

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

describe(`citizens' comments under moderation on the ${engine} engine`, () => {
  let world: World;
  let desk: SessionUser;
  let code: string;
  let reportId: number;
  let follower: { userId: number; email: string };

  const setMode = async (commentModeration: "pre" | "post") =>
    saveModerationSettings({
      db: await getDb(),
      municipalityId: world.municipality.id,
      settings: { heldWords: ["budal"], commentModeration },
    });

  /** The public's reading, as the public role: only the view exists for it. */
  const publicComments = () => asPublic((db) => listPublicReportComments({ db, code }));

  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 20.5, south: 44.6 });
    desk = await buildStaff({
      municipalityId: world.municipality.id,
      organisationId: world.contactCentre.id,
      role: "agent",
      name: "Mira Moderator",
    });
    const db = await getDb();
    const filed = await fileReport({
      db,
      report: { serviceCode: world.category.serviceCode, position: world.inside, description: "curi cev" },
    });
    code = filed.trackingCode;
    reportId = filed.id;
    follower = await citizen("komentator");
    await supportReport({ db, code, body: { support: false }, citizen: follower });
  });

  it("publishes at once under post-moderation, with a phone number masked publicly and flagged", async () => {
    const db = await getDb();
    await setMode("post");
    const added = await addReportComment({
      db,
      code,
      citizen: follower,
      body: "I dalje curi. Zovite me na 063 123 4567.",
    });
    expect(added.state).toBe("published");
    const shown = (await publicComments()).find((c) => c.id === added.id);
    expect(shown).toMatchObject({
      body: `I dalje curi. Zovite me na ${CONTACT_MASK}.`,
      hidden: false,
      moderated: true,
    });
    const staff = (await listStaffReportComments({ db, reportId })).find((c) => c.id === added.id);
    expect(staff).toMatchObject({
      body: "I dalje curi. Zovite me na 063 123 4567.",
      publicBody: `I dalje curi. Zovite me na ${CONTACT_MASK}.`,
      openFlags: 1,
    });
    const item = (await listModerationQueue({ db, user: desk, locale: "en" })).find(
      (q) => q.reportId === reportId,
    );
    expect(item?.flags.map((f) => [f.commentId, f.source, f.reason])).toContainEqual([
      added.id,
      "automatic",
      "contact_details",
    ]);
    expect(item?.comments.map((c) => c.id)).toContain(added.id);
    const history = await listModerationHistory({ db, reportId });
    expect(history.map((h) => h.kind)).toContain("mask_contacts");
  });

  it("holds every comment under pre-moderation until a moderator publishes it, and a listed word under either", async () => {
    const db = await getDb();
    await setMode("pre");
    const held = await addReportComment({ db, code, citizen: follower, body: "Majstori su bili danas." });
    expect(held.state).toBe("held");
    expect((await publicComments()).map((c) => c.id)).not.toContain(held.id);
    const item = (await listModerationQueue({ db, user: desk, locale: "en" })).find(
      (q) => q.reportId === reportId,
    );
    expect(item?.flags.filter((f) => f.commentId === held.id).map((f) => f.reason)).toEqual([
      "pre_moderation",
    ]);
    await reviewReportComment({
      db,
      reportId,
      commentId: held.id,
      decision: "publish",
      staffUserId: desk.id,
    });
    expect((await publicComments()).find((c) => c.id === held.id)?.body).toBe("Majstori su bili danas.");
    const staff = (await listStaffReportComments({ db, reportId })).find((c) => c.id === held.id);
    expect(staff?.openFlags).toBe(0);
    const history = await listModerationHistory({ db, reportId });
    expect(history.at(-1)).toMatchObject({ kind: "publish_comment", actor: "Mira Moderator" });

    await setMode("post");
    const word = await addReportComment({ db, code, citizen: follower, body: "Ovo je radila neka budala" });
    expect(word.state).toBe("held");
    expect((await publicComments()).map((c) => c.id)).not.toContain(word.id);
  });

  it("hides a published comment: the public keeps its place without text, staff keep the original, with the history", async () => {
    const db = await getDb();
    await setMode("post");
    const added = await addReportComment({
      db,
      code,
      citizen: follower,
      body: "Komšija Pera je kriv za sve",
    });
    expect(added.state).toBe("published");
    await moderateReport({
      db,
      moderator: desk,
      reportId,
      step: { type: "hide_comment", commentId: added.id, reason: "defamation", note: "ime komšije" },
    });
    const shown = (await publicComments()).find((c) => c.id === added.id);
    expect(shown).toMatchObject({ hidden: true, body: null, moderated: true });
    // The view itself, as the public reads it, holds no text for it.
    const raw = await asPublic((pdb) =>
      queryRows<{ body: string | null }>(
        pdb,
        sql`select body from public_report_comments where id = ${added.id}`,
      ),
    );
    expect(raw).toEqual([{ body: null }]);
    const staff = (await listStaffReportComments({ db, reportId })).find((c) => c.id === added.id);
    expect(staff).toMatchObject({ body: "Komšija Pera je kriv za sve", hidden: true });
    await expect(
      moderateReport({
        db,
        moderator: desk,
        reportId,
        step: { type: "hide_comment", commentId: added.id, reason: "defamation" },
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    await moderateReport({
      db,
      moderator: desk,
      reportId,
      step: { type: "show_comment", commentId: added.id, reason: "other" },
    });
    expect((await publicComments()).find((c) => c.id === added.id)).toMatchObject({
      hidden: false,
      body: "Komšija Pera je kriv za sve",
    });
    const history = (await listModerationHistory({ db, reportId })).filter((h) =>
      h.kind.endsWith("_comment"),
    );
    expect(history.slice(-2)).toMatchObject([
      {
        kind: "hide_comment",
        reason: "defamation",
        note: "ime komšije",
        before: { hidden: false },
        after: { hidden: true },
      },
      { kind: "show_comment", reason: "other", before: { hidden: true }, after: { hidden: false } },
    ]);
  });

  it("takes 'report abuse' on a public comment into the queue, and refuses held, hidden or unknown comments", async () => {
    const db = await getDb();
    await setMode("post");
    const added = await addReportComment({ db, code, citizen: follower, body: "Sasvim običan komentar" });
    const { flagId } = await flagReportComment({
      db,
      code: code.toLowerCase(),
      commentId: added.id,
      reason: "offensive",
      note: "vređa",
    });
    const item = (await listModerationQueue({ db, user: desk, locale: "en" })).find(
      (q) => q.reportId === reportId,
    );
    expect(item?.flags.find((f) => f.id === flagId)).toMatchObject({
      commentId: added.id,
      source: "public",
      reason: "offensive",
    });
    // Hiding the comment settles its flag and no other.
    await moderateReport({
      db,
      moderator: desk,
      reportId,
      step: { type: "hide_comment", commentId: added.id, reason: "offensive" },
    });
    const after = (await listModerationQueue({ db, user: desk, locale: "en" })).find(
      (q) => q.reportId === reportId,
    );
    expect(after?.flags.map((f) => f.id) ?? []).not.toContain(flagId);
    await expect(flagReportComment({ db, code, commentId: added.id, reason: "spam" })).rejects.toMatchObject({
      code: "not_found",
    });
    await setMode("pre");
    const held = await addReportComment({ db, code, citizen: follower, body: "Čeka" });
    await expect(flagReportComment({ db, code, commentId: held.id, reason: "spam" })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      flagReportComment({ db, code, commentId: 99_999_999, reason: "spam" }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    await setMode("post");
  });

  it("never lets the public role read comment rows, held or hidden texts, or commenters", async () => {
    const refusal = (run: Promise<unknown>) =>
      run.then(
        () => "allowed",
        (err: Error & { cause?: Error }) => String(err.cause?.message ?? err.message),
      );
    expect(
      await refusal(asPublic((db) => queryRows(db, sql`select body from report_comments limit 1`))),
    ).toMatch(/permission denied/);
    const columns = await queryRows<{ column_name: string }>(
      await getDb(),
      sql`select column_name from information_schema.columns where table_name = 'public_report_comments' order by 1`,
    );
    expect(columns.map((c) => c.column_name)).toEqual([
      "body",
      "created_at",
      "fixed",
      "from_reporter",
      "hidden",
      "id",
      "moderated",
      "photo_ids",
      "report_id",
    ]);
    const db = await getDb();
    const originals = await queryRows<{ body: string }>(
      db,
      sql`select body from report_comments where report_id = ${reportId} and (state <> 'published' or hidden_at is not null or public_body is not null)`,
    );
    expect(originals.length).toBeGreaterThan(0);
    const seen = JSON.stringify(await publicComments());
    for (const { body } of originals) expect(seen).not.toContain(body);
    expect(seen).not.toContain(follower.email);
  });
});
