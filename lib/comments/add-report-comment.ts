import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import { AppError } from "../errors";
import { MAX_PHOTOS, processPhoto } from "../reports/photos";
import { storePhotos } from "../reports/store-photos";
import type { Storage } from "../storage/storage";
import { getCommentTargetOrThrow } from "./comment-rights";
import { transaction } from "../../db/transaction";
import { recordCommentScreening } from "../moderation/record-comment-screening";
import { screenComment } from "../moderation/screen-comment";

export const MAX_COMMENT_LENGTH = 2000;

export const commentSchema = z.object({
  body: z.string().trim().min(1).max(MAX_COMMENT_LENGTH),
});

/**
 * The reporter or a follower adds an update to a report: text and up to three photos, screened by
 * the municipality's rule (lib/moderation/screen-comment.ts). Under post-moderation it is public at
 * once with contacts masked in its public text; under pre-moderation, or with a listed word, it and
 * its photos wait for a moderator. Anything the screen noticed raises a flag in the moderation queue.
 */
export async function addReportComment(input: {
  db: Database;
  code: string;
  citizen: { userId: number; email: string };
  body: unknown;
  photos?: Buffer[];
  storage?: Storage;
  now?: Date;
}): Promise<{ id: number; state: "held" | "published"; photos: number }> {
  const { body } = commentSchema.parse({ body: input.body });
  const photos = input.photos ?? [];
  if (photos.length > MAX_PHOTOS)
    throw new AppError({ code: "unprocessable", messageKey: "tooManyPhotos", details: { max: MAX_PHOTOS } });
  const target = await getCommentTargetOrThrow(input);
  if (!target.isReporter && !target.isFollower)
    throw new AppError({ code: "forbidden", messageKey: "commentReporterOrFollower" });
  const now = input.now ?? new Date();
  const processed = [];
  for (const photo of photos) processed.push(await processPhoto(photo));
  const stored = await storePhotos({ photos: processed, storage: input.storage, now });
  try {
    return await transaction(input.db, async (tx) => {
      const screening = await screenComment({ db: tx, municipalityId: target.municipalityId, text: body });
      const publicBody = screening.publicText === body ? null : screening.publicText;
      const row = await queryOne<{ id: number }>(
        tx,
        sql`insert into report_comments (report_id, municipality_id, user_id, body, public_body, state, created_at)
            values (${target.id}, ${target.municipalityId}, ${input.citizen.userId}, ${body}, ${publicBody},
                    ${screening.status}, ${now.toISOString()}::timestamptz)
            returning id`,
      );
      await stored.insert(tx, {
        reportId: target.id,
        municipalityId: target.municipalityId,
        commentId: row!.id,
        isPublic: screening.status === "published",
      });
      await recordCommentScreening(tx, {
        reportId: target.id,
        municipalityId: target.municipalityId,
        commentId: row!.id,
        body,
        screening,
        now,
      });
      return { id: row!.id, state: screening.status, photos: processed.length };
    });
  } catch (err) {
    await stored.remove();
    throw err;
  }
}
