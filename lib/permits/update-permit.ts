import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { AppError } from "../errors";
import { checkPermitSite } from "./check-permit-site";
import { findPermitConflicts, type PermitConflict } from "./find-permit-conflicts";
import { lockPermit } from "./lock-permit";
import { permitFieldsSchema, type PermitFieldsInput } from "./permit-schema";
import { transaction } from "../../db/transaction";

const closed = new Set(["refused", "completed", "revoked"]);

/**
 * Changes what a permit says (holder, works, conditions, site, period) while it is still open,
 * records an `edited` history entry, and returns the permits the new site and period conflict with.
 */
export async function updatePermit(input: {
  db: Database;
  permitId: number;
  expectedVersion: number;
  permit: PermitFieldsInput;
  actorUserId: number;
  municipalityIds: readonly number[];
  now?: Date;
}): Promise<{ version: number; conflicts: PermitConflict[] }> {
  const fields = permitFieldsSchema.parse(input.permit);
  const now = input.now ?? new Date();
  if (fields.validTo < fields.validFrom)
    throw new AppError({ code: "unprocessable", messageKey: "permitPeriodReversed" });
  const { site, municipalityId } = await checkPermitSite({ db: input.db, site: fields.site });
  const version = await transaction(input.db, async (tx) => {
    const permit = await lockPermit(tx, input);
    if (closed.has(permit.status)) throw new AppError({ code: "conflict", messageKey: "permitClosed" });
    if (municipalityId !== permit.municipality_id)
      throw new AppError({ code: "unprocessable", messageKey: "geometry_outside_area" });
    await tx
      .update(t.permits)
      .set({
        kind: fields.kind,
        holderName: fields.holderName,
        holderIsCompany: fields.holderIsCompany,
        contractor: fields.contractor,
        contractorEmail: fields.contractorEmail,
        worksDescription: fields.worksDescription,
        conditions: fields.conditions,
        site,
        validFrom: fields.validFrom,
        validTo: fields.validTo,
        version: permit.version + 1,
        updatedAt: now,
      })
      .where(eq(t.permits.id, permit.id));
    await tx
      .insert(t.permitEvents)
      .values({ permitId: permit.id, kind: "edited", actorUserId: input.actorUserId, createdAt: now });
    return permit.version + 1;
  });
  const conflicts = await findPermitConflicts({
    db: input.db,
    municipalityId,
    kind: fields.kind,
    site,
    validFrom: fields.validFrom,
    validTo: fields.validTo,
    excludePermitId: input.permitId,
  });
  return { version, conflicts };
}
