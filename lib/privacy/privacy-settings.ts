import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";

export type PrivacySettingsView = { contactRetentionMonths: number; photoRetentionMonths: number };

/** Without a row: contacts and followers' e-mails kept 24 months after closing, photos 24 months. */
export const defaultPrivacySettings: PrivacySettingsView = {
  contactRetentionMonths: 24,
  photoRetentionMonths: 24,
};

export async function getPrivacySettings(input: {
  db: Database;
  municipalityId: number;
}): Promise<PrivacySettingsView> {
  const [row] = await input.db
    .select({
      contactRetentionMonths: t.privacySettings.contactRetentionMonths,
      photoRetentionMonths: t.privacySettings.photoRetentionMonths,
    })
    .from(t.privacySettings)
    .where(eq(t.privacySettings.municipalityId, input.municipalityId));
  return row ?? defaultPrivacySettings;
}

export async function savePrivacySettings(input: {
  db: Database;
  municipalityId: number;
  settings: PrivacySettingsView;
  now?: Date;
}): Promise<void> {
  const values = { ...input.settings, updatedAt: input.now ?? new Date() };
  await input.db
    .insert(t.privacySettings)
    .values({ municipalityId: input.municipalityId, ...values })
    .onConflictDoUpdate({ target: t.privacySettings.municipalityId, set: values });
}
