import "server-only";
import type { Database } from "../../db/client";
import type { SessionUser } from "../auth/staff-user";
import { AppError } from "../errors";
import { getDefaultMunicipality } from "../places/get-municipality";

/** The municipality a staff member's analytics cover: their own (first membership), else the one the site serves. */
export async function analyticsMunicipalityId(input: { db: Database; user: SessionUser }): Promise<number> {
  const own = input.user.municipalityIds[0];
  if (own !== undefined) return own;
  const fallback = await getDefaultMunicipality({ db: input.db });
  if (!fallback) throw new AppError({ code: "not_found", messageKey: "municipalityNotFound" });
  return fallback.id;
}
