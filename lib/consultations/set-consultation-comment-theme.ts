import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { AppError } from "../errors";
import { consultationThemeSchema } from "./consultation-schema";

/**
 * The permits office files a comment under a theme for the council's summary. A theme the
 * consultation already uses is reused in its existing spelling (case aside), so "Parking" and
 * "parking" stay one group; an empty theme clears it.
 */
export async function setConsultationCommentTheme(input: {
  db: Database;
  consultationId: number;
  commentId: number;
  theme: unknown;
}): Promise<{ theme: string | null }> {
  const { theme: typed } = consultationThemeSchema.parse(input.theme);
  const m = t.consultationComments;
  if (!Number.isInteger(input.commentId) || !Number.isInteger(input.consultationId))
    throw new AppError({ code: "not_found", messageKey: "commentNotFound" });
  let theme = typed;
  if (theme !== null) {
    const [existing] = await input.db
      .select({ theme: m.theme })
      .from(m)
      .where(and(eq(m.consultationId, input.consultationId), sql`lower(${m.theme}) = lower(${theme})`))
      .limit(1);
    theme = existing?.theme ?? theme;
  }
  const updated = await input.db
    .update(m)
    .set({ theme })
    .where(and(eq(m.id, input.commentId), eq(m.consultationId, input.consultationId)))
    .returning({ id: m.id });
  if (updated.length === 0) throw new AppError({ code: "not_found", messageKey: "commentNotFound" });
  return { theme };
}
