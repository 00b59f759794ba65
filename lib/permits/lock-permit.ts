import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import { AppError } from "../errors";
import type { PermitStatus } from "./permit-states";

export type LockedPermit = {
  id: number;
  municipality_id: number;
  status: PermitStatus;
  version: number;
  valid_from: string;
  valid_to: string;
};

/**
 * Locks a permit for a change inside the caller's transaction: it must exist in one of the
 * staff member's municipalities, and still be at the version the caller saw (else 409).
 */
export async function lockPermit(
  tx: Database,
  input: { permitId: number; expectedVersion: number; municipalityIds: readonly number[] },
): Promise<LockedPermit> {
  const row = await queryOne<LockedPermit>(
    tx,
    sql`select id, municipality_id, status, version, valid_from::text as valid_from, valid_to::text as valid_to
        from permits where id = ${input.permitId} for update`,
  );
  if (!row || !input.municipalityIds.includes(row.municipality_id))
    throw new AppError({ code: "not_found", messageKey: "permitNotFound" });
  if (row.version !== input.expectedVersion) {
    throw new AppError({
      code: "conflict",
      messageKey: "versionConflict",
      details: { version: row.version },
    });
  }
  return row;
}
