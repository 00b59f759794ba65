import "server-only";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { getDb } from "../../db/client";
import { AppError } from "../errors";
import { withApi, type RouteContext } from "../http";
import type { Locale } from "../i18n/config";
import type { CitizenSession } from "./email-link";
import { authOptions } from "./options";
import { actorOfUser } from "./actor";
import { hasPermission, type Permission } from "./permissions";
import type { Actor } from "./roles";
import { authSecret } from "./secret";
import { loadSessionUser, type SessionUser } from "./staff-user";

/**
 * The signed-in staff member of an API request, reloaded from the database: a user deactivated
 * or moved to another organisation loses the old rights at once, not when the session expires.
 */
export async function staffFromRequest(req: NextRequest): Promise<SessionUser | null> {
  const token = await getToken({ req, secret: authSecret() });
  const id = Number((token?.staff as SessionUser | undefined)?.id);
  if (!Number.isInteger(id)) return null;
  return loadSessionUser(await getDb(), id);
}

/** The signed-in staff member of a page if they hold the permission; null otherwise. */
export async function staffWithPermission(permission: Permission): Promise<SessionUser | null> {
  const user = await staffForPage();
  return user && hasPermission(user.roles, permission) ? user : null;
}

/** The same for a server-rendered page. */
export async function staffForPage(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  const id = Number((session as unknown as { staff?: SessionUser } | null)?.staff?.id);
  if (!Number.isInteger(id)) return null;
  return loadSessionUser(await getDb(), id);
}

/** The citizen signed in by e-mail link on a page ("My reports"), or null. */
export async function citizenForPage(): Promise<CitizenSession | null> {
  const session = await getServerSession(authOptions());
  const citizen = (session as unknown as { citizen?: CitizenSession } | null)?.citizen;
  return citizen && Number.isInteger(citizen.userId) ? citizen : null;
}

/** The citizen signed in by e-mail link who sent an API request, or null. */
export async function citizenFromRequest(req: NextRequest): Promise<CitizenSession | null> {
  const token = await getToken({ req, secret: authSecret() });
  const citizen = token?.citizen as CitizenSession | undefined;
  return citizen && Number.isInteger(citizen.userId) ? citizen : null;
}

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Changes made with a session cookie must come from this site's own pages: the browser's Origin
 * header names the page that sent the request, and a page elsewhere cannot forge it.
 */
export function checkSameOrigin(req: NextRequest): void {
  if (!unsafeMethods.has(req.method)) return;
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? req.nextUrl.host;
  // A malformed Origin is not this site either (403, not a parse failure).
  if (!origin || !URL.canParse(origin) || new URL(origin).host !== host)
    throw new AppError({ code: "forbidden", messageKey: "crossSiteRequest" });
}

type StaffHandler<P> = (
  req: NextRequest,
  ctx: RouteContext<P> & { locale: Locale; user: SessionUser; actor: Actor },
) => Promise<Response>;

/** A staff route handler: signed in (401), same-origin for changes (403), holding the permission (403). */
export function withStaff<P = Record<string, string>>(permission: Permission, handler: StaffHandler<P>) {
  const wrapped = withApi<P>(async (req, ctx) => {
    const user = await staffFromRequest(req);
    if (!user) throw new AppError({ code: "unauthorized", messageKey: "signInRequired" });
    checkSameOrigin(req);
    if (!hasPermission(user.roles, permission))
      throw new AppError({ code: "forbidden", messageKey: "permissionDenied" });
    return handler(req, { ...ctx, user, actor: actorOfUser(user) });
  });
  return Object.assign(wrapped, { permission });
}
