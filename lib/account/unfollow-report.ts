import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { AppError } from "../errors";
import { normaliseTrackingCode } from "../reports/tracking-code";

/**
 * A signed-in citizen stops following a report: no more messages about it, and it leaves "My
 * reports". Support already given still counts (the problem affected them). The reporter's own
 * report stays theirs; only follows can be undone.
 */
export async function unfollowReport(input: {
  db: Database;
  citizen: { userId: number; email: string };
  code: string;
}): Promise<{ removed: number }> {
  const code = normaliseTrackingCode(input.code);
  if (!code) throw new AppError({ code: "not_found", messageKey: "reportNotFound" });
  const rows = await queryRows<{ id: number }>(
    input.db,
    sql`delete from report_followers f using reports r
        where r.id = f.report_id and r.tracking_code = ${code}
          and (f.user_id = ${input.citizen.userId} or lower(f.email) = ${input.citizen.email.toLowerCase()})
        returning f.id`,
  );
  return { removed: rows.length };
}
