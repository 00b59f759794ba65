import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import * as t from "../../db/schema";
import { AppError } from "../errors";
import { normaliseTrackingCode } from "../reports/tracking-code";
import type { ModeratorReason } from "./moderation-schema";

/**
 * "Report abuse" on a public report: a flag in the moderation queue. Only a report the public can
 * see can be flagged; several flags on one report wait as one queue entry.
 */
export async function flagReport(input: {
  db: Database;
  code: string;
  reason: ModeratorReason;
  note?: string;
  now?: Date;
}): Promise<{ flagId: number }> {
  const code = normaliseTrackingCode(input.code);
  const report = code
    ? await queryOne<{ id: number; municipality_id: number }>(
        input.db,
        sql`select r.id, r.municipality_id from public_reports r where r.tracking_code = ${code}`,
      )
    : undefined;
  if (!report) throw new AppError({ code: "not_found", messageKey: "reportNotFound" });
  const [flag] = await input.db
    .insert(t.moderationFlags)
    .values({
      municipalityId: report.municipality_id,
      reportId: report.id,
      source: "public",
      reason: input.reason,
      note: input.note || null,
      createdAt: input.now ?? new Date(),
    })
    .returning({ id: t.moderationFlags.id });
  return { flagId: flag!.id };
}
