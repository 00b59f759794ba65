import { eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as flagRoute } from "../../../app/api/consultations/[id]/comments/[commentId]/abuse/route";
import { POST as moderationRoute } from "../../../app/api/staff/consultations/[id]/comments/[commentId]/moderation/route";
import { getDb } from "../../../db/client";
import { queryOne, queryRows } from "../../../db/query";
import * as t from "../../../db/schema";
import { asPublic, asStaff } from "../../../lib/auth/db-scope";
import { hasPermission } from "../../../lib/auth/permissions";
import type { SessionUser } from "../../../lib/auth/staff-user";
import { addConsultationComment } from "../../../lib/consultations/add-consultation-comment";
import { createConsultation } from "../../../lib/consultations/create-consultation";
import { getPublicConsultation } from "../../../lib/consultations/get-public-consultation";
import { getStaffConsultation } from "../../../lib/consultations/get-staff-consultation";
import { moderateConsultationComment } from "../../../lib/consultations/moderate-consultation-comment";
import {
  countModerationQueue,
  listFlaggedConsultationComments,
} from "../../../lib/moderation/list-moderation-queue";
import { saveModerationSettings } from "../../../lib/moderation/moderation-settings";
import { engine } from "../../helpers/engine";
import { sessionCookie, staffRequest } from "../../helpers/session";
import { buildWorkflowWorld } from "../../helpers/world";
import { buildStaff } from "../moderation/moderation-helpers";

type World = Awaited<ReturnType<typeof buildWorkflowWorld>>;

let ipCounter = 0;
/** A public "report this comment" request from its own address (the rate limit keys on it). */
const flag = (consultationId: number | string, commentId: number | string, body: unknown, ip?: string) =>
  flagRoute(
    new NextRequest(
      new URL(`http://localhost/api/consultations/${consultationId}/comments/${commentId}/abuse`),
      {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": ip ?? `203.0.113.${++ipCounter}` },
        body: JSON.stringify(body),
      },
    ),
    { params: Promise.resolve({ id: String(consultationId), commentId: String(commentId) }) },
  );

describe(`consultation comments under moderation on the ${engine} engine`, () => {
  let world: World;
  let other: World;
  let officer: SessionUser;
  let desk: SessionUser;
  let orgModerator: SessionUser;
  let otherModerator: SessionUser;
  let citizen: SessionUser;

  const openWithComment = async (body: string) => {
    const { id } = await asStaff(officer.claims, (db) =>
      createConsultation({
        db,
        user: officer,
        consultation: {
          title: `Trg ${body.slice(0, 20)}`,
          question: "Šta mislite?",
          closesOn: "2099-12-31",
          open: true,
        },
      }),
    );
    const comment = await addConsultationComment({
      db: await getDb(),
      consultationId: id,
      comment: { body },
      locale: "sr-Latn",
    });
    expect(comment.state).toBe("published");
    return { consultationId: id, commentId: comment.id };
  };

  const decide = async (user: SessionUser, consultationId: number, commentId: number, step: unknown) =>
    moderationRoute(
      staffRequest(`/api/staff/consultations/${consultationId}/comments/${commentId}/moderation`, {
        method: "POST",
        cookie: await sessionCookie(user),
        body: step,
      }),
      { params: Promise.resolve({ id: String(consultationId), commentId: String(commentId) }) },
    );

  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 20.4, south: 44.6 });
    other = await buildWorkflowWorld({ west: 20.9, south: 44.9 });
    await saveModerationSettings({
      db: await getDb(),
      municipalityId: world.municipality.id,
      settings: { heldWords: [], commentModeration: "post" },
    });
    officer = await buildStaff({
      municipalityId: world.municipality.id,
      organisationId: null,
      role: "permit_officer",
    });
    desk = await buildStaff({
      municipalityId: world.municipality.id,
      organisationId: world.contactCentre.id,
      role: "agent",
      name: "Dragana Dežurna",
    });
    // The roads organisation was granted moderation: its inspector moderates in its municipality.
    await (
      await getDb()
    )
      .update(t.organisations)
      .set({ canModerate: true })
      .where(eq(t.organisations.id, world.roads.id));
    orgModerator = await buildStaff({
      municipalityId: world.municipality.id,
      organisationId: world.roads.id,
      role: "inspector",
      name: "Milan Putar",
    });
    otherModerator = await buildStaff({
      municipalityId: other.municipality.id,
      organisationId: other.contactCentre.id,
      role: "agent",
    });
    citizen = await buildStaff({
      municipalityId: world.municipality.id,
      organisationId: null,
      role: "citizen",
    });
  });

  it("takes 'report this comment' on a shown comment into the moderation queue once, and refuses unknown, hidden, foreign and over-long input", async () => {
    const { consultationId, commentId } = await openWithComment("Ovaj komentar vređa komšije");
    const before = await countModerationQueue({ db: await getDb(), user: desk });

    const first = await flag(consultationId, commentId, { reason: "offensive", note: "vređa" });
    expect(first.status).toBe(201);
    const { flagId } = (await first.json()) as { flagId: number };
    // Replayed (the same or another visitor): the open flag answers, nothing piles up.
    const replay = await flag(consultationId, commentId, { reason: "offensive", note: "vređa" });
    expect(replay.status).toBe(200);
    expect(((await replay.json()) as { flagId: number }).flagId).toBe(flagId);
    const stored = await queryRows<{
      report_id: number | null;
      consultation_comment_id: number;
      source: string;
    }>(
      await getDb(),
      sql`select report_id, consultation_comment_id, source from moderation_flags where consultation_comment_id = ${commentId}`,
    );
    expect(stored).toEqual([{ report_id: null, consultation_comment_id: commentId, source: "public" }]);

    // The queue: the desk and the granted organisation see it; the other municipality does not.
    expect(await countModerationQueue({ db: await getDb(), user: desk })).toBe(before! + 1);
    const queued = await listFlaggedConsultationComments({ db: await getDb(), user: orgModerator });
    expect(queued.find((c) => c.id === commentId)).toMatchObject({
      consultationId,
      body: "Ovaj komentar vređa komšije",
      state: "published",
      hidden: false,
      flags: [{ id: flagId, reason: "offensive", note: "vređa", source: "public" }],
    });
    expect(
      (await listFlaggedConsultationComments({ db: await getDb(), user: otherModerator })).map((c) => c.id),
    ).not.toContain(commentId);
    // The moderator's page shows the flag under row-level security; the permits office's does not.
    const seen = await asStaff(desk.claims, (db) => getStaffConsultation({ db, id: consultationId }));
    expect(seen?.comments[0]?.flags).toMatchObject([{ id: flagId, reason: "offensive" }]);
    const office = await asStaff(officer.claims, (db) => getStaffConsultation({ db, id: consultationId }));
    expect(office?.comments[0]?.flags).toEqual([]);

    // Hostile input changes nothing.
    expect((await flag(consultationId, 99_999_999, { reason: "spam" })).status).toBe(404);
    expect((await flag(consultationId, "1;drop table users", { reason: "spam" })).status).toBe(404);
    expect((await flag(consultationId + 1_000_000, commentId, { reason: "spam" })).status).toBe(404);
    expect((await flag(consultationId, commentId, { reason: "spam", note: "x".repeat(1001) })).status).toBe(
      422,
    );
    expect((await flag(consultationId, commentId, { reason: "because" })).status).toBe(422);
    expect((await flag(consultationId, commentId, null)).status).toBe(422);

    // Hidden by a moderator: no longer shown, so no longer flaggable; the decision closed the flag.
    expect(
      (await decide(desk, consultationId, commentId, { action: "hide", reason: "offensive" })).status,
    ).toBe(200);
    expect((await flag(consultationId, commentId, { reason: "spam" })).status).toBe(404);
    const open = await queryOne<{ n: number }>(
      await getDb(),
      sql`select count(*)::int as n from moderation_flags where consultation_comment_id = ${commentId} and resolved_at is null`,
    );
    expect(open!.n).toBe(0);
    expect(await countModerationQueue({ db: await getDb(), user: desk })).toBe(before);

    // A held comment is not public: it cannot be flagged either.
    await saveModerationSettings({
      db: await getDb(),
      municipalityId: world.municipality.id,
      settings: { heldWords: [], commentModeration: "pre" },
    });
    const held = await addConsultationComment({
      db: await getDb(),
      consultationId,
      comment: { body: "Čeka moderatora" },
      locale: "sr-Latn",
    });
    await saveModerationSettings({
      db: await getDb(),
      municipalityId: world.municipality.id,
      settings: { heldWords: [], commentModeration: "post" },
    });
    expect(held.state).toBe("held");
    expect((await flag(consultationId, held.id, { reason: "spam" })).status).toBe(404);
  });

  it("limits 'report this comment' per address like the other public submissions", async () => {
    const { consultationId, commentId } = await openWithComment("Komentar za proveru ograničenja");
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await flag(consultationId, commentId, { reason: "spam" }, "198.51.100.77")).status);
    expect(statuses.slice(0, 10).every((s) => s === 201 || s === 200)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it("keeps every decision on a comment with who, when, why and the state before and after", async () => {
    const { consultationId, commentId } = await openWithComment("Komentar koji se krije pa vraća");
    await flag(consultationId, commentId, { reason: "personal_data" });
    const steps = [
      { user: desk, step: { action: "dismiss", reason: "other", note: "u redu je" } },
      { user: orgModerator, step: { action: "hide", reason: "personal_data", note: "ime suseda" } },
      { user: desk, step: { action: "show", reason: "other", note: "ime uklonjeno" } },
    ];
    for (const { user, step } of steps)
      expect((await decide(user, consultationId, commentId, step)).status).toBe(200);
    // The same decision twice is a conflict and adds no entry.
    expect((await decide(desk, consultationId, commentId, { action: "show", reason: "other" })).status).toBe(
      409,
    );

    const staff = await asStaff(officer.claims, (db) => getStaffConsultation({ db, id: consultationId }));
    const history = staff!.comments[0]!.history;
    expect(history.map((h) => [h.kind, h.reason, h.note, h.actor])).toEqual([
      ["dismiss_flag", "other", "u redu je", "Dragana Dežurna"],
      ["hide_comment", "personal_data", "ime suseda", "Milan Putar"],
      ["show_comment", "other", "ime uklonjeno", "Dragana Dežurna"],
    ]);
    expect(history.map((h) => [h.before, h.after])).toEqual([
      [
        { state: "published", hidden: false, openFlags: 1 },
        { state: "published", hidden: false, openFlags: 0 },
      ],
      [
        { state: "published", hidden: false, openFlags: 0 },
        { state: "published", hidden: true, openFlags: 0 },
      ],
      [
        { state: "published", hidden: true, openFlags: 0 },
        { state: "published", hidden: false, openFlags: 0 },
      ],
    ]);
    expect(history.every((h, i) => i === 0 || h.createdAt >= history[i - 1]!.createdAt)).toBe(true);
    // The public reads the comment again.
    expect(
      (await asPublic((db) => getPublicConsultation({ db, id: consultationId })))?.comments[0],
    ).toMatchObject({ hidden: false, body: "Komentar koji se krije pa vraća" });
    // Nobody rewrites the history, whatever their rights.
    await expect(
      asStaff(desk.claims, (db) =>
        db.execute(
          sql`update consultation_comment_moderations set note = 'x' where comment_id = ${commentId}`,
        ),
      ),
    ).rejects.toThrow();
    await expect(
      asStaff(desk.claims, (db) =>
        db.execute(sql`delete from consultation_comment_moderations where comment_id = ${commentId}`),
      ),
    ).rejects.toThrow();
  });

  it("lets exactly the moderators of the consultation's municipality decide: the desk and a granted organisation, not the permits office, another municipality or a citizen", async () => {
    const { consultationId, commentId } = await openWithComment("Komentar za matricu ovlašćenja");
    // The permission table decides, the database agrees through the `moderate` claim.
    expect(hasPermission(orgModerator, "moderator")).toBe(true);
    expect(orgModerator.claims.moderate).toEqual([world.municipality.id]);
    expect(hasPermission(officer, "moderator")).toBe(false);
    expect(officer.claims.moderate).toEqual([]);

    const hide = { action: "hide", reason: "offensive" };
    const show = { action: "show", reason: "other" };
    expect((await decide(officer, consultationId, commentId, hide)).status).toBe(403);
    expect((await decide(citizen, consultationId, commentId, hide)).status).toBe(403);
    // Another municipality's moderator does not even see the comment.
    expect((await decide(otherModerator, consultationId, commentId, hide)).status).toBe(404);
    expect((await decide(desk, consultationId, commentId, hide)).status).toBe(200);
    expect((await decide(orgModerator, consultationId, commentId, show)).status).toBe(200);
    const anonymous = await moderationRoute(
      staffRequest(`/api/staff/consultations/${consultationId}/comments/${commentId}/moderation`, {
        method: "POST",
        body: hide,
      }),
      { params: Promise.resolve({ id: String(consultationId), commentId: String(commentId) }) },
    );
    expect(anonymous.status).toBe(401);
    const entries = await queryRows<{ actor_user_id: number }>(
      await getDb(),
      sql`select actor_user_id from consultation_comment_moderations where comment_id = ${commentId} order by id`,
    );
    expect(entries.map((e) => e.actor_user_id)).toEqual([desk.id, orgModerator.id]);

    // Withdrawn from the organisation: its staff no longer moderate, on the next request.
    await (
      await getDb()
    )
      .update(t.organisations)
      .set({ canModerate: false })
      .where(eq(t.organisations.id, world.roads.id));
    expect((await decide(orgModerator, consultationId, commentId, hide)).status).toBe(403);
    await (
      await getDb()
    )
      .update(t.organisations)
      .set({ canModerate: true })
      .where(eq(t.organisations.id, world.roads.id));

    // Row-level security on its own refuses a decision from the permits office's claims.
    await expect(
      asStaff(officer.claims, (db) =>
        db.execute(
          sql`insert into consultation_comment_moderations (municipality_id, consultation_id, comment_id, kind, reason, actor_user_id)
              values (${world.municipality.id}, ${consultationId}, ${commentId}, 'hide_comment', 'other', ${officer.id})`,
        ),
      ),
    ).rejects.toThrow();
    // …and the lib function refuses the same moderator outside their municipality.
    await expect(
      asStaff(otherModerator.claims, (db) =>
        moderateConsultationComment({ db, moderator: otherModerator, consultationId, commentId, step: hide }),
      ),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
