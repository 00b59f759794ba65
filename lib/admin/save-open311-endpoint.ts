import "server-only";
import type { Database } from "../../db/client";
import { saveOpen311Endpoint } from "../open311/client/save-endpoint";
import { scopeMunicipalityId, type AdminScope } from "./admin-scope";
import { recordAdminChange } from "./record-admin-change";
import { transaction } from "../../db/transaction";

/** The administration registers or changes an Open311 system in one transaction with its audit row (key masked). */
export async function saveOpen311EndpointAsAdmin(input: {
  db: Database;
  scope: AdminScope;
  actorUserId: number;
  endpointId?: number;
  endpoint: unknown;
}): Promise<{ id: number }> {
  const municipalityId = scopeMunicipalityId(input.scope);
  return transaction(input.db, async (tx) => {
    const saved = await saveOpen311Endpoint({
      tx,
      municipalityId,
      endpointId: input.endpointId,
      endpoint: input.endpoint,
    });
    await recordAdminChange({
      tx,
      actorUserId: input.actorUserId,
      municipalityId,
      entity: "open311_endpoint",
      entityId: saved.id,
      action: saved.before ? "updated" : "created",
      before: saved.before,
      after: saved.after,
    });
    return { id: saved.id };
  });
}
