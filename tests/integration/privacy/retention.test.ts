import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import * as t from "../../../db/schema";
import { listRetentionRuns, runRetention } from "../../../lib/privacy/run-retention";
import { savePrivacySettings } from "../../../lib/privacy/privacy-settings";
import { diskStorage } from "../../../lib/storage/storage";
import { buildCategory, buildMunicipality, buildReport, box } from "../../helpers/builders";
import { engine } from "../../helpers/engine";

const now = new Date("2026-06-15T03:00:00Z");

describe(`personal-data retention on the ${engine} engine`, () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "civic-retention-"));
  const storage = diskStorage(root);
  const ids: Record<string, number> = {};
  const keys: Record<string, string> = {};
  let municipalities: number[] = [];

  async function closedReport(
    name: string,
    municipalityId: number,
    categoryId: number,
    closedAt: string | null,
  ) {
    const db = await getDb();
    const report = await buildReport({
      municipalityId,
      categoryId,
      position: [20.05, 44.05],
      status: closedAt ? "closed" : "in_progress",
      contact: { name: `Građanin ${name}`, email: `${name}@mail.example`, phone: "+381 64 1112223" },
    });
    if (closedAt)
      await db
        .update(t.reports)
        .set({ closedAt: new Date(closedAt) })
        .where(eq(t.reports.id, report.id));
    await db
      .insert(t.reportFollowers)
      .values({ reportId: report.id, municipalityId, email: `follower-${name}@mail.example` });
    const key = `reports/2024/01/${name}.jpg`;
    await storage.put(key, Buffer.from("jpeg"), "image/jpeg");
    await db.insert(t.attachments).values({
      reportId: report.id,
      municipalityId,
      storageKey: key,
      contentType: "image/jpeg",
      byteSize: 4,
      sha256: "0".repeat(64),
    });
    ids[name] = report.id;
    keys[name] = key;
  }

  const commentIds: Record<string, number> = {};

  /** A consultation and one comment with an e-mail (and one without, which stays as it is). */
  async function consultationWithComment(
    name: string,
    municipalityId: number,
    consultation: Partial<typeof t.consultations.$inferInsert>,
  ) {
    const db = await getDb();
    const [c] = await db
      .insert(t.consultations)
      .values({ municipalityId, title: `Rasprava ${name}`, question: "Šta mislite?", ...consultation })
      .returning({ id: t.consultations.id });
    const [withEmail] = await db
      .insert(t.consultationComments)
      .values({
        consultationId: c!.id,
        municipalityId,
        body: "Slažem se.",
        state: "published",
        email: `${name}-commenter@mail.example`,
        answer: "Hvala.",
      })
      .returning({ id: t.consultationComments.id });
    await db
      .insert(t.consultationComments)
      .values({ consultationId: c!.id, municipalityId, body: "Bez adrese.", state: "published" });
    commentIds[name] = withEmail!.id;
  }

  beforeAll(async () => {
    const db = await getDb();
    const a = await buildMunicipality({ boundary: box(20, 44, 20.1, 44.1) });
    const b = await buildMunicipality({ boundary: box(20, 44, 20.1, 44.1) });
    municipalities = [a.id, b.id];
    const catA = await buildCategory({ municipalityId: a.id, sector: "water", slaWorkingDays: 2 });
    const catB = await buildCategory({ municipalityId: b.id, sector: "water", slaWorkingDays: 2 });
    // Municipality A keeps the defaults (24 months); B keeps contacts 6 months and photos 3.
    await savePrivacySettings({
      db,
      municipalityId: b.id,
      settings: { contactRetentionMonths: 6, photoRetentionMonths: 3 },
    });
    await closedReport("due", a.id, catA.id, "2024-06-14T12:00:00Z");
    await closedReport("almost", a.id, catA.id, "2024-06-16T12:00:00Z");
    await closedReport("open", a.id, catA.id, null);
    await closedReport("photoOnly", b.id, catB.id, "2026-01-01T12:00:00Z");
    await closedReport("bothB", b.id, catB.id, "2025-12-01T12:00:00Z");
    // Consultations: closed by staff, or left open past their last day (Belgrade), count from closing.
    await consultationWithComment("closedLongAgo", a.id, {
      status: "closed",
      closesOn: "2024-06-01",
      closedAt: new Date("2024-06-01T10:00:00Z"),
    });
    await consultationWithComment("lapsedLongAgo", a.id, { status: "open", closesOn: "2024-06-10" });
    await consultationWithComment("closedRecently", a.id, {
      status: "closed",
      closedAt: new Date("2024-06-16T10:00:00Z"),
    });
    await consultationWithComment("stillOpen", a.id, { status: "open", closesOn: null });
    await consultationWithComment("closedB", b.id, {
      status: "closed",
      closedAt: new Date("2025-12-10T10:00:00Z"),
    });
  });

  it("anonymises exactly the contacts and followers due, removes exactly the photo files due, and records the counts", async () => {
    const db = await getDb();
    const counts = await runRetention({ db, now, storage });
    const mine = counts.filter((c) => municipalities.includes(c.municipalityId));
    expect(mine).toEqual([
      {
        municipalityId: municipalities[0],
        contactsAnonymised: 1,
        followersRemoved: 1,
        photosRemoved: 1,
        consultationEmailsRemoved: 2,
      },
      {
        municipalityId: municipalities[1],
        contactsAnonymised: 1,
        followersRemoved: 1,
        photosRemoved: 2,
        consultationEmailsRemoved: 1,
      },
    ]);
    const contacts = await db
      .select()
      .from(t.reportContacts)
      .where(inArray(t.reportContacts.reportId, Object.values(ids)));
    const byName = Object.fromEntries(
      Object.entries(ids).map(([name, id]) => [name, contacts.find((c) => c.reportId === id)!]),
    );
    expect(byName.due).toMatchObject({ name: null, email: null, phone: null, userId: null });
    expect(byName.due!.anonymisedAt).not.toBeNull();
    expect(byName.bothB).toMatchObject({ name: null, email: null, phone: null });
    for (const kept of ["almost", "open", "photoOnly"])
      expect(byName[kept], kept).toMatchObject({ email: `${kept}@mail.example`, anonymisedAt: null });
    const followers = await db
      .select({ reportId: t.reportFollowers.reportId })
      .from(t.reportFollowers)
      .where(inArray(t.reportFollowers.reportId, Object.values(ids)));
    expect(followers.map((f) => f.reportId).sort()).toEqual([ids.almost, ids.open, ids.photoOnly].sort());
    for (const [name, key] of Object.entries(keys))
      expect(fs.existsSync(path.join(root, key)), name).toBe(!["due", "photoOnly", "bothB"].includes(name));
    const photos = await db
      .select()
      .from(t.attachments)
      .where(inArray(t.attachments.reportId, [ids.due!, ids.almost!]));
    expect(photos.find((p) => p.reportId === ids.due)).toMatchObject({
      isPublic: false,
      sha256: "0".repeat(64),
    });
    expect(photos.find((p) => p.reportId === ids.almost)).toMatchObject({
      isPublic: true,
      fileRemovedAt: null,
    });
    const comments = await db
      .select()
      .from(t.consultationComments)
      .where(inArray(t.consultationComments.id, Object.values(commentIds)));
    for (const [name, id] of Object.entries(commentIds)) {
      const due = ["closedLongAgo", "lapsedLongAgo", "closedB"].includes(name);
      // The comment and its answer stay; only the e-mail goes.
      expect(
        comments.find((c) => c.id === id),
        name,
      ).toMatchObject({
        email: due ? null : `${name}-commenter@mail.example`,
        body: "Slažem se.",
        answer: "Hvala.",
      });
    }
    const runs = await listRetentionRuns({ db, municipalityIds: [municipalities[1]!] });
    expect(runs[0]).toMatchObject({
      contacts_anonymised: 1,
      followers_removed: 1,
      photos_removed: 2,
      consultation_emails_removed: 1,
    });
  });

  it("changes nothing when run again (idempotent)", async () => {
    const db = await getDb();
    const again = await runRetention({ db, now: new Date(now.getTime() + 3_600_000), storage });
    for (const c of again.filter((c) => municipalities.includes(c.municipalityId)))
      expect(c).toMatchObject({
        contactsAnonymised: 0,
        followersRemoved: 0,
        photosRemoved: 0,
        consultationEmailsRemoved: 0,
      });
    const emails = await db
      .select({ email: t.consultationComments.email })
      .from(t.consultationComments)
      .where(inArray(t.consultationComments.id, Object.values(commentIds)));
    expect(emails.filter((e) => e.email !== null)).toHaveLength(2);
  });
});
