import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import { AppError } from "../errors";
import { normaliseTrackingCode } from "../reports/tracking-code";

export type CommentTarget = {
  id: number;
  municipalityId: number;
  status: string;
  version: number;
  resolvedAt: Date | null;
  isReporter: boolean;
  isFollower: boolean;
};

/**
 * The public report a signed-in citizen writes about, and how they relate to it: the reporter
 * (by account or by the address they filed with) or a follower. Others may not add to it.
 */
export async function getCommentTargetOrThrow(input: {
  db: Database;
  code: string;
  citizen: { userId: number; email: string };
}): Promise<CommentTarget> {
  const code = normaliseTrackingCode(input.code);
  const notFound = new AppError({ code: "not_found", messageKey: "reportNotFound" });
  if (!code) throw notFound;
  const email = input.citizen.email.toLowerCase();
  const row = await queryOne<{
    id: number;
    municipality_id: number;
    status: string;
    version: number;
    resolved_at: string | Date | null;
    is_reporter: boolean;
    is_follower: boolean;
  }>(
    input.db,
    sql`select r.id, r.municipality_id, r.status, r.version, r.resolved_at,
               exists (select 1 from report_contacts c where c.report_id = r.id
                        and (c.user_id = ${input.citizen.userId} or lower(c.email) = ${email})) as is_reporter,
               exists (select 1 from report_followers f where f.report_id = r.id
                        and (f.user_id = ${input.citizen.userId} or lower(f.email) = ${email})) as is_follower
        from reports r
        -- Only a report the public may see takes comments (the public_reports view's rule).
        where r.id = (select p.id from public_reports p where p.tracking_code = ${code})`,
  );
  if (!row) throw notFound;
  return {
    id: row.id,
    municipalityId: row.municipality_id,
    status: row.status,
    version: row.version,
    resolvedAt: row.resolved_at === null ? null : new Date(row.resolved_at),
    isReporter: row.is_reporter,
    isFollower: row.is_follower,
  };
}
