import "server-only";
import type { NextRequest } from "next/server";
import { getDb, type Database } from "../../db/client";
import type { SessionUser } from "../auth/staff-user";
import { AppError } from "../errors";
import { loadAdminScope, type AdminScope } from "./admin-scope";
import { readJson } from "../request/read-body";

/** The database, the caller's administration scope and the JSON body of an admin route handler. */
export async function adminRequest(
  req: NextRequest,
  user: SessionUser,
): Promise<{ db: Database; scope: AdminScope; body: unknown }> {
  const db = await getDb();
  const body = req.method === "GET" || req.method === "DELETE" ? null : await readJson(req);
  if (body === null && req.method !== "GET" && req.method !== "DELETE")
    throw new AppError({ code: "bad_request", messageKey: "invalidJson" });
  return { db, scope: await loadAdminScope({ db, user }), body };
}

/** A numeric id from the path; anything else is "not found". */
export async function idParam(params: Promise<{ id?: string }>): Promise<number> {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0)
    throw new AppError({ code: "not_found", messageKey: "adminNotFound" });
  return id;
}
