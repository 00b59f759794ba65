import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { queryOne } from "../../../db/query";
import * as t from "../../../db/schema";
import { getModerationSettings } from "../../../lib/moderation/moderation-settings";
import { getPrivacySettings } from "../../../lib/privacy/privacy-settings";
import { saveDataProtection } from "../../../lib/privacy/save-data-protection";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";

describe(`a municipality's data protection settings on the ${engine} engine`, () => {
  it("saves retention, moderation and the moderating organisations with the audit of before and after", async () => {
    const world = await buildWorkflowWorld({ west: 18.2, south: 45.2 });
    const db = await getDb();
    const municipalityId = world.municipality.id;
    const actorUserId = (world.actors.agent as { userId: number }).userId;
    await saveDataProtection({
      db,
      municipalityId,
      actorUserId,
      retention: { contactRetentionMonths: 12, photoRetentionMonths: 36 },
      moderation: { heldWords: [" Budala ", "budala", ""], commentModeration: "pre" },
      granted: [world.roads.id],
    });
    expect(await getPrivacySettings({ db, municipalityId })).toEqual({
      contactRetentionMonths: 12,
      photoRetentionMonths: 36,
    });
    expect(await getModerationSettings({ db, municipalityId })).toEqual({
      heldWords: ["budala"],
      commentModeration: "pre",
    });
    const moderating = await db
      .select({ id: t.organisations.id })
      .from(t.organisations)
      .where(and(eq(t.organisations.municipalityId, municipalityId), eq(t.organisations.canModerate, true)));
    expect(moderating.map((o) => o.id)).toEqual([world.roads.id]);

    await saveDataProtection({
      db,
      municipalityId,
      actorUserId,
      retention: { contactRetentionMonths: 6, photoRetentionMonths: 36 },
      moderation: { heldWords: [], commentModeration: "post" },
      granted: [],
    });
    const audit = await queryOne<{ before: Record<string, unknown>; after: Record<string, unknown> }>(
      db,
      sql`select before, after from admin_audit where entity = 'data_protection' and entity_id = ${municipalityId}
          order by id desc limit 1`,
    );
    expect(audit).toEqual({
      before: {
        contactRetentionMonths: 12,
        photoRetentionMonths: 36,
        heldWords: ["budala"],
        commentModeration: "pre",
        moderatingOrganisations: [world.roads.id],
      },
      after: {
        contactRetentionMonths: 6,
        photoRetentionMonths: 36,
        heldWords: [],
        commentModeration: "post",
        moderatingOrganisations: [],
      },
    });
  });

  it("keeps nothing of a save whose audit entry cannot be written", async () => {
    const world = await buildWorkflowWorld({ west: 18.6, south: 45.6 });
    const db = await getDb();
    const municipalityId = world.municipality.id;
    // No such user: the audit row's foreign key fails, after every setting was written in the transaction.
    await expect(
      saveDataProtection({
        db,
        municipalityId,
        actorUserId: 2_000_000_000,
        retention: { contactRetentionMonths: 3, photoRetentionMonths: 3 },
        moderation: { heldWords: ["psovka"], commentModeration: "pre" },
        granted: [world.water.id],
      }),
    ).rejects.toThrow();
    expect(await getPrivacySettings({ db, municipalityId })).toEqual({
      contactRetentionMonths: 24,
      photoRetentionMonths: 24,
    });
    expect(await getModerationSettings({ db, municipalityId })).toEqual({
      heldWords: [],
      commentModeration: "post",
    });
    const granted = await db
      .select({ id: t.organisations.id })
      .from(t.organisations)
      .where(and(eq(t.organisations.municipalityId, municipalityId), eq(t.organisations.canModerate, true)));
    expect(granted).toEqual([]);
  });
});
