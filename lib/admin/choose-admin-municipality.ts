import "server-only";
import { asc, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { municipalities } from "../../db/schema";
import type { SessionUser } from "../auth/staff-user";
import type { LocalizedText } from "../i18n/config";
import { loadAdminScope, scopeInMunicipality, type AdminScope } from "./admin-scope";

const choiceSchema = z.object({ municipalityId: z.coerce.number().int().positive() });

/**
 * The municipality an administrator of several chose to work in: one of their own (else
 * "forbidden"). The caller remembers it in the `civic-admin-municipality` cookie.
 */
export async function chooseAdminMunicipality(input: {
  db: Database;
  user: SessionUser;
  choice: unknown;
}): Promise<{ municipalityId: number }> {
  const { municipalityId } = choiceSchema.parse(input.choice);
  const scope = scopeInMunicipality(await loadAdminScope({ db: input.db, user: input.user }), municipalityId);
  return { municipalityId: scope.municipalityId! };
}

/** The administrator's municipalities for the menu's switcher, in the order they were set up. */
export async function listAdminMunicipalities(input: {
  db: Database;
  scope: AdminScope;
}): Promise<Array<{ id: number; code: string; name: LocalizedText }>> {
  if (input.scope.municipalityIds.length === 0) return [];
  return input.db
    .select({ id: municipalities.id, code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(inArray(municipalities.id, input.scope.municipalityIds))
    .orderBy(asc(municipalities.id));
}
