import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { localDate } from "../calendar/working-days";
import { AppError } from "../errors";
import { enqueuePermitNotifications } from "../notifications/enqueue-permit-notifications";
import { lockPermit } from "./lock-permit";
import { checkPermitTransition, type PermitStatus } from "./permit-states";
import { transaction } from "../../db/transaction";

/**
 * Moves a permit one step along its procedure (permit-states.ts), records the step in its history
 * and tells the applicant, in one transaction. 409 when the step is not allowed or the permit
 * changed since `expectedVersion`.
 */
export async function changePermitStatus(input: {
  db: Database;
  permitId: number;
  expectedVersion: number;
  to: PermitStatus;
  reason?: string | null;
  actorUserId: number;
  municipalityIds: readonly number[];
  now?: Date;
}): Promise<{ version: number; status: PermitStatus }> {
  const now = input.now ?? new Date();
  return transaction(input.db, async (tx) => {
    const permit = await lockPermit(tx, input);
    const check = checkPermitTransition({
      from: permit.status,
      to: input.to,
      today: localDate(now),
      validFrom: permit.valid_from,
      validTo: permit.valid_to,
      reason: input.reason,
    });
    if (!check.ok) {
      throw new AppError({
        code: check.problem === "reason_required" ? "unprocessable" : "conflict",
        messageKey: `permit_${check.problem}`,
        details: { permitFrom: permit.status, permitTo: input.to },
      });
    }
    await tx.execute(
      sql`update permits set status = ${input.to}, version = version + 1, updated_at = ${now.toISOString()}::timestamptz where id = ${permit.id}`,
    );
    const [event] = await tx
      .insert(t.permitEvents)
      .values({
        permitId: permit.id,
        kind: "status_changed",
        fromStatus: permit.status,
        toStatus: input.to,
        actorUserId: input.actorUserId,
        note: input.reason?.trim() || null,
        createdAt: now,
      })
      .returning({ id: t.permitEvents.id });
    await enqueuePermitNotifications(tx, { permitId: permit.id, eventId: event!.id });
    return { version: permit.version + 1, status: input.to };
  });
}
