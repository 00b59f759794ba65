import "server-only";
import { eq } from "drizzle-orm";
import { reports } from "../../db/schema";
import { asStaff } from "../auth/db-scope";
import type { AccessClaims } from "../auth/claims";
import type { ReportChange } from "./report-changes";

/**
 * Whether a staff member may hear of a change: the report is visible to them under row-level
 * security — the same rule as every other read, not a copy of it.
 */
export async function isChangeVisible(claims: AccessClaims, change: ReportChange): Promise<boolean> {
  return asStaff(claims, async (db) => {
    const rows = await db.select({ id: reports.id }).from(reports).where(eq(reports.id, change.reportId));
    return rows.length > 0;
  });
}
