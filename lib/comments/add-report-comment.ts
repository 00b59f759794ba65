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

export const MAX_COMMENT_LENGTH = 2000;

export const commentSchema = z.object({
  body: z.string().trim().min(1).max(MAX_COMMENT_LENGTH),
});

/**
 * The reporter or a follower adds an update to a report: text and up to three photos. It is held
 * until staff publish it (the photos too: they stay private until then), so nothing a citizen
 * writes reaches the public page unread.
 */
export async function addReportComment(input: {
  db: Database;
  code: string;
  citizen: { userId: number; email: string };
  body: unknown;
  photos?: Buffer[];
  storage?: Storage;
  now?: Date;
}): Promise<{ id: number; state: "held"; photos: number }> {
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
      const row = await queryOne<{ id: number }>(
        tx,
        sql`insert into report_comments (report_id, municipality_id, user_id, body, state, created_at)
            values (${target.id}, ${target.municipalityId}, ${input.citizen.userId}, ${body}, 'held', ${now.toISOString()}::timestamptz)
            returning id`,
      );
      await stored.insert(tx, {
        reportId: target.id,
        municipalityId: target.municipalityId,
        commentId: row!.id,
        isPublic: false,
      });
      return { id: row!.id, state: "held" as const, photos: processed.length };
    });
  } catch (err) {
    await stored.remove();
    throw err;
  }
}
