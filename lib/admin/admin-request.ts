import "server-only";
import type { NextRequest } from "next/server";
import { getDb, type Database } from "../../db/client";
import type { SessionUser } from "../auth/staff-user";
import { AppError } from "../errors";
import {
  adminMunicipalityCookie,
  loadAdminScope,
  scopeInMunicipality,
  scopeInRememberedMunicipality,
  type AdminScope,
} from "./admin-scope";
import { readJson } from "../request/read-body";

/**
 * The database, the caller's administration scope and the JSON body of an admin route handler. The
 * scope works in the municipality the body names (`municipalityId`, checked against the caller's
 * own), else the one the administrator chose in the menu (cookie), else their first.
 */
export async function adminRequest(
  req: NextRequest,
  user: SessionUser,
): Promise<{ db: Database; scope: AdminScope; body: unknown }> {
  const db = await getDb();
  const body = req.method === "GET" || req.method === "DELETE" ? null : await readJson(req);
  if (body === null && req.method !== "GET" && req.method !== "DELETE")
    throw new AppError({ code: "bad_request", messageKey: "invalidJson" });
  const scope = await loadAdminScope({ db, user });
  const named = namedMunicipalityId(body);
  return {
    db,
    scope:
      named === undefined
        ? scopeInRememberedMunicipality(scope, req.cookies.get(adminMunicipalityCookie)?.value)
        : scopeInMunicipality(scope, named),
    body,
  };
}

/** The body's `municipalityId` if it has one; a value that is no id is refused. */
function namedMunicipalityId(body: unknown): number | undefined {
  if (typeof body !== "object" || body === null || !("municipalityId" in body)) return undefined;
  const id = (body as { municipalityId: unknown }).municipalityId;
  if (id === undefined || id === null) return undefined;
  if (typeof id !== "number" || !Number.isInteger(id) || id <= 0)
    throw new AppError({ code: "forbidden", messageKey: "permissionDenied" });
  return id;
}

/** A numeric id from the path; anything else is "not found". */
export async function idParam(params: Promise<{ id?: string }>): Promise<number> {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0)
    throw new AppError({ code: "not_found", messageKey: "adminNotFound" });
  return id;
}
