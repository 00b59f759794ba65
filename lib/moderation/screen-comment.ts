import "server-only";
import type { Database } from "../../db/client";
import { getModerationSettings } from "./moderation-settings";
import { screenText } from "./screen-text";

export type CommentScreening = {
  /** What the public may read once the comment is published (contacts masked). */
  publicText: string;
  /** published: public at once; held: waits for a moderator (pre-moderation, or a listed word). */
  status: "published" | "held";
  /** Put a flag in the moderation queue (contacts masked, a listed word, or pre-moderation). */
  flag: boolean;
  /** Why the flag is raised: a listed word, masked contacts, or the municipality reads every comment first. */
  reason: "contact_details" | "held_word" | "pre_moderation" | null;
};

/**
 * How a citizen's comment on a report is published, by the municipality's settings: under
 * pre-moderation every comment waits for a moderator; under post-moderation it is public at once
 * unless a listed word holds it. Contacts are always masked. The comments flows (reports and
 * consultations) call it before they store a comment: `publicText` beside the original, and a flag.
 */
export async function screenComment(input: {
  db: Database;
  municipalityId: number;
  text: string;
}): Promise<CommentScreening> {
  const settings = await getModerationSettings({ db: input.db, municipalityId: input.municipalityId });
  const s = screenText({ text: input.text, heldWords: settings.heldWords });
  const held = s.hold || settings.commentModeration === "pre";
  return {
    publicText: s.publicText,
    status: held ? "held" : "published",
    flag: s.flag || held,
    reason: s.hold ? "held_word" : s.masked ? "contact_details" : held ? "pre_moderation" : null,
  };
}
