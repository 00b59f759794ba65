import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { organisations } from "../../db/schema";
import { AppError } from "../errors";
import { getOrganisationInScope, scopeMunicipalityId, type AdminScope } from "./admin-scope";
import { organisationSchema } from "./organisation-schema";
import { recordAdminChange } from "./record-admin-change";
import { transaction } from "../../db/transaction";

const fields = (o: typeof organisations.$inferSelect) => ({
  code: o.code,
  name: o.name,
  kind: o.kind,
  sector: o.sector,
  email: o.email,
  phone: o.phone,
  active: o.active,
});

/**
 * Creates an organisation (no `organisationId`) or changes one: names, kind and sector, contact,
 * active. Deactivating one stops routing new reports to it; reports it holds stay with it.
 * Admin only (the caller checks admin.manage); recorded in the admin audit.
 */
export async function saveOrganisation(input: {
  db: Database;
  scope: AdminScope;
  actorUserId: number;
  organisationId?: number;
  organisation: unknown;
}): Promise<{ id: number; created: boolean }> {
  const data = organisationSchema.parse(input.organisation);
  const existing =
    input.organisationId === undefined
      ? null
      : await getOrganisationInScope({
          db: input.db,
          scope: input.scope,
          organisationId: input.organisationId,
        });
  const municipalityId = existing?.municipalityId ?? scopeMunicipalityId(input.scope);
  return transaction(input.db, async (tx) => {
    const [clash] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.code, data.code), eq(organisations.municipalityId, municipalityId)));
    if (clash && clash.id !== existing?.id) {
      throw new AppError({ code: "conflict", messageKey: "codeTaken", details: { code: data.code } });
    }
    if (!existing) {
      const [row] = await tx
        .insert(organisations)
        .values({ ...data, municipalityId })
        .returning();
      await recordAdminChange({
        tx,
        actorUserId: input.actorUserId,
        municipalityId,
        entity: "organisation",
        entityId: row!.id,
        action: "created",
        before: null,
        after: fields(row!),
      });
      return { id: row!.id, created: true };
    }
    const [before] = await tx
      .select()
      .from(organisations)
      .where(eq(organisations.id, existing.id))
      .for("update");
    const [after] = await tx
      .update(organisations)
      .set(data)
      .where(eq(organisations.id, existing.id))
      .returning();
    await recordAdminChange({
      tx,
      actorUserId: input.actorUserId,
      municipalityId,
      entity: "organisation",
      entityId: existing.id,
      action: "updated",
      before: fields(before!),
      after: fields(after!),
    });
    return { id: existing.id, created: false };
  });
}
