import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";

export type ModerationSettingsView = { heldWords: string[]; commentModeration: "pre" | "post" };

/** Without a row: no listed words, comments published first and moderated afterwards. */
export const defaultModerationSettings: ModerationSettingsView = { heldWords: [], commentModeration: "post" };

export async function getModerationSettings(input: {
  db: Database;
  municipalityId: number;
}): Promise<ModerationSettingsView> {
  const [row] = await input.db
    .select({
      heldWords: t.moderationSettings.heldWords,
      commentModeration: t.moderationSettings.commentModeration,
    })
    .from(t.moderationSettings)
    .where(eq(t.moderationSettings.municipalityId, input.municipalityId));
  return row ?? defaultModerationSettings;
}

/** Saves a municipality's word list (trimmed, lower case, without repeats) and comment mode. */
export async function saveModerationSettings(input: {
  db: Database;
  municipalityId: number;
  settings: ModerationSettingsView;
  now?: Date;
}): Promise<ModerationSettingsView> {
  const heldWords = [
    ...new Set(input.settings.heldWords.map((w) => w.trim().toLowerCase()).filter((w) => w !== "")),
  ];
  const values = {
    heldWords,
    commentModeration: input.settings.commentModeration,
    updatedAt: input.now ?? new Date(),
  };
  await input.db
    .insert(t.moderationSettings)
    .values({ municipalityId: input.municipalityId, ...values })
    .onConflictDoUpdate({ target: t.moderationSettings.municipalityId, set: values });
  return { heldWords, commentModeration: input.settings.commentModeration };
}
