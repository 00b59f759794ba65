import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { transaction } from "../../db/transaction";

/**
 * Grants or withdraws moderation for the staff of the given organisations of one municipality:
 * exactly the organisations listed in `granted` moderate afterwards.
 */
export async function setOrganisationModeration(input: {
  db: Database;
  municipalityId: number;
  granted: number[];
}): Promise<void> {
  await transaction(input.db, async (tx) => {
    await tx
      .update(t.organisations)
      .set({ canModerate: false })
      .where(eq(t.organisations.municipalityId, input.municipalityId));
    if (input.granted.length > 0)
      await tx
        .update(t.organisations)
        .set({ canModerate: true })
        .where(
          and(
            eq(t.organisations.municipalityId, input.municipalityId),
            inArray(t.organisations.id, input.granted),
          ),
        );
  });
}
