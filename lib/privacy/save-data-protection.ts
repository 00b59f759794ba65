import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { transaction } from "../../db/transaction";
import { recordAdminChange } from "../admin/record-admin-change";
import {
  getModerationSettings,
  saveModerationSettings,
  type ModerationSettingsView,
} from "../moderation/moderation-settings";
import { setOrganisationModeration } from "../moderation/set-organisation-moderation";
import { getPrivacySettings, savePrivacySettings, type PrivacySettingsView } from "./privacy-settings";

async function moderatingOrganisations(db: Database, municipalityId: number): Promise<number[]> {
  const rows = await db
    .select({ id: t.organisations.id })
    .from(t.organisations)
    .where(and(eq(t.organisations.municipalityId, municipalityId), eq(t.organisations.canModerate, true)))
    .orderBy(t.organisations.id);
  return rows.map((r) => r.id);
}

/**
 * A municipality's data protection page, saved whole: retention, the moderation word list and
 * comment mode, and which organisations moderate, with the audit entry of what it was and what it
 * became, in one transaction (all of it stays, or none).
 */
export async function saveDataProtection(input: {
  db: Database;
  municipalityId: number;
  actorUserId: number;
  retention: PrivacySettingsView;
  moderation: ModerationSettingsView;
  granted: number[];
}): Promise<void> {
  const { municipalityId } = input;
  await transaction(input.db, async (tx) => {
    const before = {
      ...(await getPrivacySettings({ db: tx, municipalityId })),
      ...(await getModerationSettings({ db: tx, municipalityId })),
      moderatingOrganisations: await moderatingOrganisations(tx, municipalityId),
    };
    await savePrivacySettings({ db: tx, municipalityId, settings: input.retention });
    const moderation = await saveModerationSettings({ db: tx, municipalityId, settings: input.moderation });
    await setOrganisationModeration({ db: tx, municipalityId, granted: input.granted });
    await recordAdminChange({
      tx,
      actorUserId: input.actorUserId,
      municipalityId,
      entity: "data_protection",
      entityId: municipalityId,
      action: "update",
      before,
      after: {
        ...input.retention,
        ...moderation,
        moderatingOrganisations: await moderatingOrganisations(tx, municipalityId),
      },
    });
  });
}
