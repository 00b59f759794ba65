import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { categoryGroups, serviceCategories } from "../../db/schema";
import { AppError } from "../errors";
import { outOfScope, scopeMunicipalityId, type AdminScope } from "./admin-scope";
import { categorySchema } from "./category-schema";
import { recordAdminChange } from "./record-admin-change";
import { transaction } from "../../db/transaction";

const fields = (c: typeof serviceCategories.$inferSelect) => {
  const { id: _id, municipalityId: _m, ...rest } = c;
  return rest as Record<string, unknown>;
};

/**
 * Creates a category (no `categoryId`) or changes one. A deactivated category is no longer
 * offered for new reports (citizens, intake, Open311 services); reports already filed keep it.
 * The SLA applies to reports filed after the change: due dates are set at filing.
 */
export async function saveCategory(input: {
  db: Database;
  scope: AdminScope;
  actorUserId: number;
  categoryId?: number;
  category: unknown;
}): Promise<{ id: number; created: boolean }> {
  const data = categorySchema.parse(input.category);
  const municipalityId = scopeMunicipalityId(input.scope);
  return transaction(input.db, async (tx) => {
    const [group] = await tx
      .select({ id: categoryGroups.id })
      .from(categoryGroups)
      .where(and(eq(categoryGroups.id, data.groupId), eq(categoryGroups.municipalityId, municipalityId)));
    if (!group) throw new AppError({ code: "unprocessable", messageKey: "categoryGroupNotFound" });
    const [clash] = await tx
      .select({ id: serviceCategories.id })
      .from(serviceCategories)
      .where(
        and(
          eq(serviceCategories.serviceCode, data.serviceCode),
          eq(serviceCategories.municipalityId, municipalityId),
        ),
      );
    if (clash && clash.id !== input.categoryId)
      throw new AppError({ code: "conflict", messageKey: "codeTaken", details: { code: data.serviceCode } });
    if (input.categoryId === undefined) {
      const [row] = await tx
        .insert(serviceCategories)
        .values({ ...data, municipalityId })
        .returning();
      await recordAdminChange({
        tx,
        actorUserId: input.actorUserId,
        municipalityId,
        entity: "category",
        entityId: row!.id,
        action: "created",
        before: null,
        after: fields(row!),
      });
      return { id: row!.id, created: true };
    }
    const where = and(
      eq(serviceCategories.id, input.categoryId),
      eq(serviceCategories.municipalityId, municipalityId),
    );
    const [before] = await tx.select().from(serviceCategories).where(where).for("update");
    if (!before) throw outOfScope();
    const [after] = await tx.update(serviceCategories).set(data).where(where).returning();
    await recordAdminChange({
      tx,
      actorUserId: input.actorUserId,
      municipalityId,
      entity: "category",
      entityId: before.id,
      action: "updated",
      before: fields(before),
      after: fields(after!),
    });
    return { id: before.id, created: false };
  });
}
