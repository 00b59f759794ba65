import "server-only";
import type { Database } from "../../db/client";
import { adminAudit } from "../../db/schema";

export type AdminEntity =
  | "organisation"
  | "service_area"
  | "category"
  | "user"
  | "calendar_override"
  | "open311_endpoint"
  | "open311_key_request"
  | "data_protection";

/** Writes one audit row; call it inside the transaction that made the change, so both or neither stay. */
export async function recordAdminChange(input: {
  tx: Database;
  actorUserId: number;
  municipalityId: number | null;
  entity: AdminEntity;
  entityId: number;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}): Promise<void> {
  await input.tx.insert(adminAudit).values({
    actorUserId: input.actorUserId,
    municipalityId: input.municipalityId,
    entity: input.entity,
    entityId: input.entityId,
    action: input.action,
    before: input.before,
    after: input.after,
  });
}
