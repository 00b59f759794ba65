import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import * as t from "../../../db/schema";
import type { SessionUser } from "../../../lib/auth/staff-user";
import { canModerate } from "../../../lib/moderation/can-moderate";
import { flagReport } from "../../../lib/moderation/flag-report";
import { listModerationHistory } from "../../../lib/moderation/list-moderation-history";
import { countModerationQueue, listModerationQueue } from "../../../lib/moderation/list-moderation-queue";
import { moderateReport } from "../../../lib/moderation/moderate-report";
import { saveModerationSettings } from "../../../lib/moderation/moderation-settings";
import { screenComment } from "../../../lib/moderation/screen-comment";
import { CONTACT_MASK } from "../../../lib/moderation/mask-contacts";
import { fileReport } from "../../../lib/reports/file-report";
import { getPublicAttachment, getPublicReport } from "../../../lib/reports/get-public-report";
import { getStaffReport } from "../../../lib/reports/get-staff-report";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";
import { buildPhoto, buildStaff } from "./moderation-helpers";

describe(`moderation on the ${engine} engine`, () => {
  let world: Awaited<ReturnType<typeof buildWorkflowWorld>>;
  let desk: SessionUser;
  let operator: SessionUser;
  let admin: SessionUser;

  const file = async (description: string, i = 0) => {
    const filed = await fileReport({
      db: await getDb(),
      report: {
        serviceCode: world.category.serviceCode,
        position: [world.inside[0] + i * 0.0002, world.inside[1]],
        description,
      },
    });
    return filed;
  };

  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 21.3, south: 43.9 });
    desk = await buildStaff({
      municipalityId: world.municipality.id,
      organisationId: world.contactCentre.id,
      role: "agent",
      name: "Dragana Dispečer",
    });
    operator = await buildStaff({
      municipalityId: world.municipality.id,
      organisationId: world.roads.id,
      role: "utility_operator",
    });
    admin = await buildStaff({ municipalityId: world.municipality.id, organisationId: null, role: "admin" });
  });

  it("lets the desk and admins moderate, and an organisation's staff only once it is granted", async () => {
    const db = await getDb();
    const municipalityId = world.municipality.id;
    expect(await canModerate({ db, user: desk, municipalityId })).toBe(true);
    expect(await canModerate({ db, user: admin, municipalityId })).toBe(true);
    expect(await canModerate({ db, user: operator, municipalityId })).toBe(false);
    expect(await canModerate({ db, user: desk, municipalityId: municipalityId + 10_000 })).toBe(false);
    await db.update(t.organisations).set({ canModerate: true }).where(eq(t.organisations.id, world.roads.id));
    expect(await canModerate({ db, user: operator, municipalityId })).toBe(true);
    await db
      .update(t.organisations)
      .set({ canModerate: false })
      .where(eq(t.organisations.id, world.roads.id));
    const filed = await file("Rupa na putu");
    await expect(
      moderateReport({
        db,
        moderator: operator,
        reportId: filed.id,
        step: { type: "hide_report", reason: "spam" },
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("redacts the public description and address and keeps the original for staff, with the history", async () => {
    const db = await getDb();
    const filed = await file("Komšija Petar Perić iz broja 5 stalno baca smeće ovde");
    await moderateReport({
      db,
      moderator: desk,
      reportId: filed.id,
      step: {
        type: "redact_report",
        reason: "personal_data",
        note: "ime komšije",
        description: "Neko stalno baca smeće ovde",
        address: "Ulica Karađorđeva",
      },
    });
    const pub = await getPublicReport({ db, code: filed.trackingCode, locale: "sr-Latn" });
    expect(pub?.description).toBe("Neko stalno baca smeće ovde");
    expect(pub?.address).toBe("Ulica Karađorđeva");
    expect(pub?.moderated).toBe(true);
    const staff = await getStaffReport({ db, id: filed.id, user: desk, locale: "sr-Latn" });
    expect(staff?.description).toBe("Komšija Petar Perić iz broja 5 stalno baca smeće ovde");
    const history = await listModerationHistory({ db, reportId: filed.id });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      kind: "redact_report",
      reason: "personal_data",
      note: "ime komšije",
      actor: "Dragana Dispečer",
      before: { publicDescription: null, publicAddress: null },
      after: { publicDescription: "Neko stalno baca smeće ovde", publicAddress: "Ulica Karađorđeva" },
    });
  });

  it("hides a report from the public and shows it again as public as it was", async () => {
    const db = await getDb();
    const filed = await file("Uvreda za uvredom");
    const step = { reason: "offensive" as const };
    await moderateReport({ db, moderator: desk, reportId: filed.id, step: { type: "hide_report", ...step } });
    expect(await getPublicReport({ db, code: filed.trackingCode, locale: "en" })).toBeNull();
    expect(await getStaffReport({ db, id: filed.id, user: desk, locale: "en" })).not.toBeNull();
    await expect(
      moderateReport({ db, moderator: desk, reportId: filed.id, step: { type: "hide_report", ...step } }),
    ).rejects.toMatchObject({ code: "conflict" });
    await moderateReport({
      db,
      moderator: admin,
      reportId: filed.id,
      step: { type: "show_report", ...step },
    });
    expect(await getPublicReport({ db, code: filed.trackingCode, locale: "en" })).not.toBeNull();
    const kinds = (await listModerationHistory({ db, reportId: filed.id })).map((h) => h.kind);
    expect(kinds).toEqual(["hide_report", "show_report"]);
  });

  it("hides a photo from the public while staff keep it, and shows it again", async () => {
    const db = await getDb();
    const filed = await file("Slika lica na fotografiji");
    const photo = await buildPhoto({ reportId: filed.id, municipalityId: world.municipality.id });
    const other = await buildPhoto({ reportId: filed.id, municipalityId: world.municipality.id });
    await moderateReport({
      db,
      moderator: desk,
      reportId: filed.id,
      step: { type: "hide_photo", attachmentId: photo.id, reason: "personal_data", note: "lice deteta" },
    });
    expect((await getPublicReport({ db, code: filed.trackingCode, locale: "en" }))?.photoIds).toEqual([
      other.id,
    ]);
    expect(await getPublicAttachment({ db, id: photo.id })).toBeNull();
    expect((await getStaffReport({ db, id: filed.id, user: desk, locale: "en" }))?.photoIds).toEqual([
      photo.id,
      other.id,
    ]);
    await moderateReport({
      db,
      moderator: desk,
      reportId: filed.id,
      step: { type: "show_photo", attachmentId: photo.id, reason: "other" },
    });
    expect(await getPublicAttachment({ db, id: photo.id })).not.toBeNull();
  });

  it("masks a phone number in a new report's public description and flags it, keeping the original", async () => {
    const db = await getDb();
    const filed = await file("Ne radi svetiljka. Zovite me na 063 123 4567 ili pera@mail.rs");
    const pub = await getPublicReport({ db, code: filed.trackingCode, locale: "sr-Latn" });
    expect(pub?.description).toBe(`Ne radi svetiljka. Zovite me na ${CONTACT_MASK} ili ${CONTACT_MASK}`);
    expect(pub?.moderated).toBe(true);
    const staff = await getStaffReport({ db, id: filed.id, user: desk, locale: "sr-Latn" });
    expect(staff?.description).toContain("063 123 4567");
    const queue = await listModerationQueue({ db, user: desk, locale: "sr-Latn" });
    const item = queue.find((q) => q.reportId === filed.id);
    expect(item?.flags.map((f) => [f.source, f.reason])).toEqual([["automatic", "contact_details"]]);
    expect(item?.hidden).toBe(false);
  });

  it("holds a report with a listed word until a moderator shows it", async () => {
    const db = await getDb();
    await saveModerationSettings({
      db,
      municipalityId: world.municipality.id,
      settings: { heldWords: ["Budal", " kreten "], commentModeration: "post" },
    });
    const filed = await file("Ovo je napravila neka budaletina", 3);
    expect(await getPublicReport({ db, code: filed.trackingCode, locale: "en" })).toBeNull();
    const item = (await listModerationQueue({ db, user: desk, locale: "en" })).find(
      (q) => q.reportId === filed.id,
    );
    expect(item).toMatchObject({
      hidden: true,
      flags: [{ source: "automatic", reason: "held_word", note: "budal" }],
    });
    await moderateReport({
      db,
      moderator: desk,
      reportId: filed.id,
      step: { type: "show_report", reason: "other" },
    });
    expect(await getPublicReport({ db, code: filed.trackingCode, locale: "en" })).not.toBeNull();
    await saveModerationSettings({
      db,
      municipalityId: world.municipality.id,
      settings: { heldWords: [], commentModeration: "post" },
    });
  });

  it("puts a public abuse report in the queue, counts it, and clears it with the moderator's step", async () => {
    const db = await getDb();
    const filed = await file("Sasvim običan opis rupe", 5);
    const before = (await countModerationQueue({ db, user: desk })) ?? 0;
    await flagReport({ db, code: filed.trackingCode, reason: "defamation", note: "laž o komšiji" });
    await flagReport({ db, code: filed.trackingCode.toLowerCase(), reason: "spam" });
    expect(await countModerationQueue({ db, user: desk })).toBe(before + 1);
    expect(await countModerationQueue({ db, user: operator })).toBeNull();
    const item = (await listModerationQueue({ db, user: desk, locale: "en" })).find(
      (q) => q.reportId === filed.id,
    );
    expect(item?.flags.map((f) => f.reason)).toEqual(["defamation", "spam"]);
    await moderateReport({
      db,
      moderator: desk,
      reportId: filed.id,
      step: { type: "dismiss_flags", reason: "other" },
    });
    expect(await countModerationQueue({ db, user: desk })).toBe(before);
    await moderateReport({
      db,
      moderator: desk,
      reportId: filed.id,
      step: { type: "hide_report", reason: "spam" },
    });
    await expect(flagReport({ db, code: filed.trackingCode, reason: "spam" })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("screens a comment by the municipality's pre- or post-moderation setting", async () => {
    const db = await getDb();
    const municipalityId = world.municipality.id;
    expect(await screenComment({ db, municipalityId, text: "Hvala, popravljeno je." })).toEqual({
      publicText: "Hvala, popravljeno je.",
      status: "published",
      flag: false,
      reason: null,
    });
    expect(await screenComment({ db, municipalityId, text: "Zovite 064 1234567" })).toEqual({
      publicText: `Zovite ${CONTACT_MASK}`,
      status: "published",
      flag: true,
      reason: "contact_details",
    });
    await saveModerationSettings({
      db,
      municipalityId,
      settings: { heldWords: ["budal"], commentModeration: "pre" },
    });
    expect(await screenComment({ db, municipalityId, text: "Hvala" })).toMatchObject({
      status: "held",
      flag: true,
    });
    expect(await screenComment({ db, municipalityId, text: "budala" })).toMatchObject({
      status: "held",
      reason: "held_word",
    });
    await saveModerationSettings({
      db,
      municipalityId,
      settings: { heldWords: [], commentModeration: "post" },
    });
  });
});
