import "server-only";
import { cookies } from "next/headers";
import type { Database } from "../../db/client";
import type { SessionUser } from "../auth/staff-user";
import {
  adminMunicipalityCookie,
  loadAdminScope,
  scopeInRememberedMunicipality,
  type AdminScope,
} from "./admin-scope";

/** An admin page's scope: working in the municipality chosen in the menu (cookie), else the first. */
export async function loadAdminPageScope(input: { db: Database; user: SessionUser }): Promise<AdminScope> {
  const scope = await loadAdminScope(input);
  return scopeInRememberedMunicipality(scope, (await cookies()).get(adminMunicipalityCookie)?.value);
}
