import "server-only";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import type { CommentScreening } from "./screen-comment";

/**
 * What the automatic screen did to a citizen's comment on a report, in the comment's transaction:
 * masked contacts go into the report's moderation history (before/after, no actor), and anything
 * the screen noticed — masked contacts, a listed word, a comment held for pre-moderation — waits
 * in the moderation queue as a flag on the comment.
 */
export async function recordCommentScreening(
  tx: Database,
  input: {
    reportId: number;
    municipalityId: number;
    commentId: number;
    /** The comment as written: masking changed it when the public text differs. */
    body: string;
    screening: CommentScreening;
    now: Date;
  },
): Promise<void> {
  const { screening } = input;
  if (!screening.flag || screening.reason === null) return;
  const base = {
    municipalityId: input.municipalityId,
    reportId: input.reportId,
    commentId: input.commentId,
    createdAt: input.now,
  };
  if (screening.publicText !== input.body)
    await tx.insert(t.moderationActions).values({
      ...base,
      kind: "mask_contacts",
      reason: "contact_details",
      before: { publicBody: null },
      after: { publicBody: screening.publicText },
    });
  await tx.insert(t.moderationFlags).values({ ...base, source: "automatic", reason: screening.reason });
}
