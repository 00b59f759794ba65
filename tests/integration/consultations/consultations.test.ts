import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { POST as postComment } from "../../../app/api/consultations/[id]/comments/route";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { queryOne, queryRows } from "../../../db/query";
import { asPublic, asStaff } from "../../../lib/auth/db-scope";
import type { SessionUser } from "../../../lib/auth/staff-user";
import { addConsultationComment } from "../../../lib/consultations/add-consultation-comment";
import { answerConsultationComment } from "../../../lib/consultations/answer-consultation-comment";
import { createConsultation } from "../../../lib/consultations/create-consultation";
import {
  getConsultationSummary,
  getPublicConsultation,
} from "../../../lib/consultations/get-public-consultation";
import { getStaffConsultation } from "../../../lib/consultations/get-staff-consultation";
import {
  listPublicConsultations,
  listStaffConsultations,
} from "../../../lib/consultations/list-consultations";
import { moderateConsultationComment } from "../../../lib/consultations/moderate-consultation-comment";
import { setConsultationStatus } from "../../../lib/consultations/set-consultation-status";
import { CONTACT_MASK } from "../../../lib/moderation/mask-contacts";
import { saveModerationSettings } from "../../../lib/moderation/moderation-settings";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";
import { buildStaff } from "../moderation/moderation-helpers";

type World = Awaited<ReturnType<typeof buildWorkflowWorld>>;

describe(`consultations (e-Participation) on the ${engine} engine`, () => {
  let world: World;
  let officer: SessionUser;
  let desk: SessionUser;
  let operator: SessionUser;

  const setMode = async (commentModeration: "pre" | "post") =>
    saveModerationSettings({
      db: await getDb(),
      municipalityId: world.municipality.id,
      settings: { heldWords: [], commentModeration },
    });

  const open = async (title = "Novi park kod škole") =>
    asStaff(officer.claims, (db) =>
      createConsultation({
        db,
        user: officer,
        consultation: { title, question: "Šta želite u parku?", closesOn: "2099-12-31", open: true },
      }),
    );

  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 19.8, south: 45.2 });
    officer = await buildStaff({
      municipalityId: world.municipality.id,
      organisationId: null,
      role: "admin",
    });
    desk = await buildStaff({
      municipalityId: world.municipality.id,
      organisationId: world.contactCentre.id,
      role: "agent",
    });
    operator = await buildStaff({
      municipalityId: world.municipality.id,
      organisationId: world.water.id,
      role: "utility_operator",
    });
  });

  it("creates a draft the public does not see, opens it, and lists it for the public and the office", async () => {
    const { id } = await asStaff(officer.claims, (db) =>
      createConsultation({
        db,
        user: officer,
        consultation: { title: "Rekonstrukcija mosta", question: "Kada da se radi?", opensOn: "2099-01-01" },
      }),
    );
    expect(await asPublic((db) => getPublicConsultation({ db, id }))).toBeNull();
    await expect(
      asPublic((db) =>
        addConsultationComment({ db, consultationId: id, comment: { body: "rano" }, locale: "sr-Latn" }),
      ),
    ).rejects.toMatchObject({ code: "not_found" });
    await asStaff(officer.claims, (db) => setConsultationStatus({ db, consultationId: id, status: "open" }));
    const shown = await asPublic((db) => getPublicConsultation({ db, id }));
    expect(shown).toMatchObject({
      title: "Rekonstrukcija mosta",
      status: "open",
      isOpen: true,
      comments: [],
    });
    expect((await asPublic((db) => listPublicConsultations({ db }))).map((c) => c.id)).toContain(id);
    expect(
      (await asStaff(officer.claims, (db) => listStaffConsultations({ db }))).map((c) => c.id),
    ).toContain(id);
    await expect(
      asStaff(officer.claims, (db) => setConsultationStatus({ db, consultationId: id, status: "open" })),
    ).rejects.toMatchObject({ code: "conflict" });
    // Bad input changes nothing: a title too short, a permit of no one's.
    const before = await queryOne<{ n: number }>(
      await getDb(),
      sql`select count(*)::int as n from consultations`,
    );
    await expect(
      asStaff(officer.claims, (db) =>
        createConsultation({ db, user: officer, consultation: { title: "x", question: "?" } }),
      ),
    ).rejects.toThrow();
    await expect(
      asStaff(officer.claims, (db) =>
        createConsultation({
          db,
          user: officer,
          consultation: { title: "Sa dozvolom", question: "Pitanje?", permitId: 99_999_999 },
        }),
      ),
    ).rejects.toMatchObject({ code: "not_found" });
    const after = await queryOne<{ n: number }>(
      await getDb(),
      sql`select count(*)::int as n from consultations`,
    );
    expect(after!.n).toBe(before!.n);
    // Who may open one: the permits office's permission, not a utility's operator.
    await expect(
      asStaff(operator.claims, (db) =>
        createConsultation({ db, user: operator, consultation: { title: "Tuđa", question: "Pitanje?" } }),
      ),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("publishes a comment at once with contacts masked under post-moderation, and holds it under pre-moderation until published", async () => {
    await setMode("post");
    const { id } = await open();
    const db = await getDb();
    const posted = await addConsultationComment({
      db,
      consultationId: id,
      comment: { body: "Više klupa. Pozovite me na 064 1234567.", email: "Gradjanin@Example.org" },
      locale: "en",
    });
    expect(posted.state).toBe("published");
    const pub = await asPublic((pdb) => getPublicConsultation({ db: pdb, id }));
    expect(pub?.comments).toMatchObject([
      { body: `Više klupa. Pozovite me na ${CONTACT_MASK}.`, moderated: true },
    ]);

    await setMode("pre");
    const held = await addConsultationComment({
      db,
      consultationId: id,
      comment: { body: "Igralište za decu, molim." },
      locale: "sr-Latn",
    });
    expect(held.state).toBe("held");
    expect((await asPublic((pdb) => getPublicConsultation({ db: pdb, id })))?.comments).toHaveLength(1);
    const staff = await asStaff(officer.claims, (sdb) => getStaffConsultation({ db: sdb, id }));
    expect(staff?.comments.map((c) => [c.state, c.reason])).toEqual([
      ["published", "contact_details"],
      ["held", "pre_moderation"],
    ]);
    // A utility operator holds no moderation in the municipality.
    await expect(
      asStaff(operator.claims, (sdb) =>
        moderateConsultationComment({
          db: sdb,
          moderator: operator,
          consultationId: id,
          commentId: held.id,
          step: { action: "publish" },
        }),
      ),
    ).rejects.toMatchObject({ code: "forbidden" });
    await asStaff(desk.claims, (sdb) =>
      moderateConsultationComment({
        db: sdb,
        moderator: desk,
        consultationId: id,
        commentId: held.id,
        step: { action: "publish" },
      }),
    );
    expect(
      (await asPublic((pdb) => getPublicConsultation({ db: pdb, id })))?.comments.map((c) => c.body),
    ).toEqual([`Više klupa. Pozovite me na ${CONTACT_MASK}.`, "Igralište za decu, molim."]);
    // Hidden: it keeps its place without text.
    await asStaff(desk.claims, (sdb) =>
      moderateConsultationComment({
        db: sdb,
        moderator: desk,
        consultationId: id,
        commentId: held.id,
        step: { action: "hide", reason: "off_topic", note: "nije o parku" },
      }),
    );
    expect((await asPublic((pdb) => getPublicConsultation({ db: pdb, id })))?.comments[1]).toMatchObject({
      hidden: true,
      body: null,
    });
    await setMode("post");
  });

  it("answers a published comment publicly and tells the commenter through the outbox, in their language", async () => {
    await setMode("post");
    const { id } = await open("Biciklistička staza");
    const db = await getDb();
    const c = await addConsultationComment({
      db,
      consultationId: id,
      comment: { body: "Staza uz reku bi bila odlična.", email: "biciklista@example.org" },
      locale: "en",
    });
    const silent = await addConsultationComment({
      db,
      consultationId: id,
      comment: { body: "Slažem se." },
      locale: "sr-Latn",
    });
    await asStaff(officer.claims, (sdb) =>
      answerConsultationComment({
        db: sdb,
        consultationId: id,
        commentId: c.id,
        answer: { answer: "Hvala, staza uz reku je u planu za 2027." },
        staffUserId: officer.id,
      }),
    );
    const outbox = await queryRows<{ recipient: string; template: string; subject: string; body: string }>(
      db,
      sql`select recipient, template, subject, body from outbox_messages where template = 'consultation_answered'
          and payload ->> 'consultationId' = ${String(id)}`,
    );
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      recipient: "biciklista@example.org",
      subject: "Answer to your comment: Biciklistička staza",
    });
    expect(outbox[0]!.body).toContain("Hvala, staza uz reku je u planu za 2027.");
    expect(outbox[0]!.body).toContain(`/consultations/${id}`);
    await asStaff(officer.claims, (sdb) =>
      answerConsultationComment({
        db: sdb,
        consultationId: id,
        commentId: silent.id,
        answer: { answer: "Hvala." },
        staffUserId: officer.id,
      }),
    );
    const all = await queryOne<{ n: number }>(
      db,
      sql`select count(*)::int as n from outbox_messages where payload ->> 'consultationId' = ${String(id)}`,
    );
    expect(all!.n).toBe(1);
    const summary = await asPublic((pdb) => getConsultationSummary({ db: pdb, id }));
    expect(summary).toMatchObject({ published: 2, answered: 2, unanswered: 0, hidden: 0 });
    expect(summary?.consultation.comments[0]?.answer).toBe("Hvala, staza uz reku je u planu za 2027.");
  });

  it("refuses a comment on a closed consultation with 409 and changes nothing; the summary counts stay", async () => {
    await setMode("post");
    const { id } = await open("Zatvaranje ulice");
    const db = await getDb();
    await addConsultationComment({ db, consultationId: id, comment: { body: "Prvi." }, locale: "sr-Latn" });
    const answered = await addConsultationComment({
      db,
      consultationId: id,
      comment: { body: "Drugi." },
      locale: "sr-Latn",
    });
    await asStaff(officer.claims, (sdb) =>
      answerConsultationComment({
        db: sdb,
        consultationId: id,
        commentId: answered.id,
        answer: { answer: "Odgovor." },
        staffUserId: officer.id,
      }),
    );
    await asStaff(officer.claims, (sdb) =>
      setConsultationStatus({ db: sdb, consultationId: id, status: "closed" }),
    );
    const count = async () =>
      (await queryOne<{ n: number }>(
        db,
        sql`select count(*)::int as n from consultation_comments where consultation_id = ${id}`,
      ))!.n;
    const before = await count();
    await expect(
      addConsultationComment({ db, consultationId: id, comment: { body: "Kasno." }, locale: "en" }),
    ).rejects.toMatchObject({ code: "conflict", messageKey: "consultationClosed", status: 409 });
    expect(await count()).toBe(before);
    await expect(
      asStaff(officer.claims, (sdb) =>
        setConsultationStatus({ db: sdb, consultationId: id, status: "closed" }),
      ),
    ).rejects.toMatchObject({ code: "conflict" });
    // Through the route: 409 with the message in the caller's language, and still nothing written.
    for (const [lang, message] of [
      ["en", "This consultation is closed and no longer takes comments."],
      ["sr-Cyrl", "Ова јавна расправа је затворена и више не прима коментаре."],
    ] as const) {
      const res = await postComment(
        new NextRequest(`http://localhost/api/consultations/${id}/comments?lang=${lang}`, {
          method: "POST",
          headers: {
            host: "localhost",
            "content-type": "application/json",
            "x-forwarded-for": "198.51.100.40",
          },
          body: JSON.stringify({ body: "Preko rute." }),
        }),
        { params: Promise.resolve({ id: String(id) }) },
      );
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({ error: { code: "conflict", message } });
    }
    expect(await count()).toBe(before);
    const summary = await asPublic((pdb) => getConsultationSummary({ db: pdb, id }));
    expect(summary).toMatchObject({ published: 2, answered: 1, unanswered: 1 });
    expect(summary?.consultation).toMatchObject({ status: "closed", isOpen: false });
  });

  it("never lets the public read the comment tables, held texts or commenters' addresses", async () => {
    await setMode("pre");
    const { id } = await open("Privatnost");
    const db = await getDb();
    await addConsultationComment({
      db,
      consultationId: id,
      comment: { body: "Tajni komentar koji čeka", email: "tajna@example.org" },
      locale: "sr-Latn",
    });
    const refusal = (run: Promise<unknown>) =>
      run.then(
        () => "allowed",
        (err: Error & { cause?: Error }) => String(err.cause?.message ?? err.message),
      );
    expect(
      await refusal(asPublic((pdb) => queryRows(pdb, sql`select email from consultation_comments limit 1`))),
    ).toMatch(/permission denied/);
    expect(
      await refusal(asPublic((pdb) => queryRows(pdb, sql`select * from consultations limit 1`))),
    ).toMatch(/permission denied/);
    const everything = JSON.stringify(
      await asPublic((pdb) => queryRows(pdb, sql`select * from public_consultation_comments`)),
    );
    expect(everything).not.toContain("Tajni komentar");
    expect(everything).not.toContain("tajna@example.org");
    expect(everything).not.toContain("biciklista@example.org");
    await setMode("post");
  });
});
