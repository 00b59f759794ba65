import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { asPublic, asStaff } from "../../../lib/auth/db-scope";
import type { SessionUser } from "../../../lib/auth/staff-user";
import { addConsultationComment } from "../../../lib/consultations/add-consultation-comment";
import { answerConsultationComment } from "../../../lib/consultations/answer-consultation-comment";
import { createConsultation } from "../../../lib/consultations/create-consultation";
import { getConsultationSummary } from "../../../lib/consultations/get-public-consultation";
import { getStaffConsultation } from "../../../lib/consultations/get-staff-consultation";
import { setConsultationCommentTheme } from "../../../lib/consultations/set-consultation-comment-theme";
import { saveModerationSettings } from "../../../lib/moderation/moderation-settings";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";
import { buildStaff } from "../moderation/moderation-helpers";

describe(`consultation comments by theme on the ${engine} engine`, () => {
  let officer: SessionUser;
  let operator: SessionUser;
  let consultationId: number;
  const comments: number[] = [];

  const theme = (commentId: number, value: string, user = officer, id = consultationId) =>
    asStaff(user.claims, (db) =>
      setConsultationCommentTheme({ db, consultationId: id, commentId, theme: { theme: value } }),
    );

  beforeAll(async () => {
    const world = await buildWorkflowWorld({ west: 19.9, south: 45.3 });
    officer = await buildStaff({
      municipalityId: world.municipality.id,
      organisationId: null,
      role: "admin",
    });
    operator = await buildStaff({
      municipalityId: world.municipality.id,
      organisationId: world.water.id,
      role: "utility_operator",
    });
    await saveModerationSettings({
      db: await getDb(),
      municipalityId: world.municipality.id,
      settings: { heldWords: [], commentModeration: "post" },
    });
    ({ id: consultationId } = await asStaff(officer.claims, (db) =>
      createConsultation({
        db,
        user: officer,
        consultation: {
          title: "Nova pešačka zona",
          question: "Šta mislite?",
          closesOn: "2099-12-31",
          open: true,
        },
      }),
    ));
    const db = await getDb();
    for (const body of ["Previše automobila.", "Gde ćemo parkirati?", "Sačuvajte lipe.", "Super ideja."])
      comments.push(
        (await addConsultationComment({ db, consultationId, comment: { body }, locale: "sr-Latn" })).id,
      );
  });

  it("files comments under themes, reusing an existing theme's spelling, and offers the themes so far", async () => {
    expect(await theme(comments[0]!, "Saobraćaj")).toEqual({ theme: "Saobraćaj" });
    // Typed differently: the consultation's existing theme wins, so the group stays one.
    expect(await theme(comments[1]!, "  saobraćaj ")).toEqual({ theme: "Saobraćaj" });
    expect(await theme(comments[2]!, "Drveće")).toEqual({ theme: "Drveće" });
    const staff = await asStaff(officer.claims, (db) => getStaffConsultation({ db, id: consultationId }));
    expect(staff?.themes).toEqual(["Drveće", "Saobraćaj"]);
    expect(staff?.comments.map((c) => c.theme)).toEqual(["Saobraćaj", "Saobraćaj", "Drveće", null]);
  });

  it("groups the public summary by theme with counts and answers, the largest first and unthemed last", async () => {
    await asStaff(officer.claims, (db) =>
      answerConsultationComment({
        db,
        consultationId,
        commentId: comments[1]!,
        answer: { answer: "Garaža kod pijace ostaje." },
        staffUserId: officer.id,
      }),
    );
    const summary = await asPublic((db) => getConsultationSummary({ db, id: consultationId }));
    expect(summary?.themes.map((g) => ({ theme: g.theme, count: g.count, answered: g.answered }))).toEqual([
      { theme: "Saobraćaj", count: 2, answered: 1 },
      { theme: "Drveće", count: 1, answered: 0 },
      { theme: null, count: 1, answered: 0 },
    ]);
    expect(summary?.themes[0]?.comments.map((c) => [c.body, c.answer])).toEqual([
      ["Previše automobila.", null],
      ["Gde ćemo parkirati?", "Garaža kod pijace ostaje."],
    ]);
  });

  it("clears a theme when it is emptied", async () => {
    expect(await theme(comments[2]!, "")).toEqual({ theme: null });
    const summary = await asPublic((db) => getConsultationSummary({ db, id: consultationId }));
    expect(summary?.themes.map((g) => [g.theme, g.count])).toEqual([
      ["Saobraćaj", 2],
      [null, 2],
    ]);
  });

  it("refuses a too long theme, another consultation's comment, or staff outside the permits office, and changes nothing", async () => {
    await expect(theme(comments[3]!, "x".repeat(61))).rejects.toMatchObject({ name: "ZodError" });
    await expect(theme(comments[3]!, "Buka", officer, consultationId + 1000)).rejects.toMatchObject({
      code: "not_found",
    });
    // Row-level security: a utility operator may read but not change the consultation's comments.
    await expect(theme(comments[3]!, "Buka", operator)).rejects.toMatchObject({ code: "not_found" });
    const staff = await asStaff(officer.claims, (db) => getStaffConsultation({ db, id: consultationId }));
    expect(staff?.comments[3]?.theme).toBeNull();
  });
});
