import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { organisations } from "../../db/schema";
import { getOrganisationInScope, type AdminScope } from "./admin-scope";
import { checkServiceArea } from "./check-service-area";
import { recordAdminChange } from "./record-admin-change";
import { transaction } from "../../db/transaction";

/**
 * Replaces an organisation's service area, or clears it (`geojson` null: the whole municipality).
 * Routing reads the area when a report is filed, so only new reports follow the change; reports
 * already routed stay where they are. Bad input throws before anything is written.
 */
export async function setServiceArea(input: {
  db: Database;
  scope: AdminScope;
  actorUserId: number;
  organisationId: number;
  geojson: unknown;
}): Promise<{ vertices: number; areaSquareMetres: number | null }> {
  const org = await getOrganisationInScope({
    db: input.db,
    scope: input.scope,
    organisationId: input.organisationId,
  });
  const checked =
    input.geojson === null
      ? null
      : await checkServiceArea({ db: input.db, municipalityId: org.municipalityId, geojson: input.geojson });
  await transaction(input.db, async (tx) => {
    const [before] = await tx
      .select({ serviceArea: organisations.serviceArea })
      .from(organisations)
      .where(eq(organisations.id, org.id))
      .for("update");
    await tx
      .update(organisations)
      .set({ serviceArea: checked?.area ?? null })
      .where(eq(organisations.id, org.id));
    await recordAdminChange({
      tx,
      actorUserId: input.actorUserId,
      municipalityId: org.municipalityId,
      entity: "service_area",
      entityId: org.id,
      action: checked ? "updated" : "cleared",
      before: { serviceArea: before?.serviceArea ?? null },
      after: { serviceArea: checked?.area ?? null },
    });
  });
  return { vertices: checked?.vertices ?? 0, areaSquareMetres: checked?.areaSquareMetres ?? null };
}
