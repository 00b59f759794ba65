import "server-only";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { queryOne } from "../../db/query";
import { asStaff } from "./db-scope";
import { AppError } from "../errors";
import { withApi, type RouteContext } from "../http";
import type { Locale } from "../i18n/config";
import type { CitizenSession } from "./email-link";
import { authOptions } from "./options";
import { actorOfUser } from "./actor";
import { permissionRefusal, type Permission } from "./permissions";
import type { Actor } from "./roles";
import { authSecret } from "./secret";
import { loadSessionUser, type SessionUser } from "./staff-user";

/**
 * The signed-in staff member of an API request, reloaded from the database: a user deactivated
 * or moved to another organisation loses the old rights at once, not when the session expires.
 */
export async function staffFromRequest(req: NextRequest): Promise<SessionUser | null> {
  const token = await getToken({ req, secret: authSecret() });
  return currentStaff(token?.staff as SessionUser | undefined);
}

/**
 * The user a session names, if the session is still good: the account is active and the session
 * carries the user's current session version (sign-out and an administrator's change of roles or
 * password bump it, so a copied cookie stops working at once).
 */
async function currentStaff(claimed: Pick<SessionUser, "id" | "sessionVersion"> | undefined) {
  const id = Number(claimed?.id);
  if (!Number.isInteger(id)) return null;
  // Inside a request's staff scope this reads through it (a user always sees their own row).
  const user = await loadSessionUser(await getDb(), id);
  if (!user || user.sessionVersion !== Number(claimed?.sessionVersion ?? 1)) return null;
  return user;
}

/**
 * The signed-in staff member of a page or a form action if they may use the permission now (held,
 * and no temporary password waiting to be changed); null otherwise.
 */
export async function staffWithPermission(permission: Permission): Promise<SessionUser | null> {
  const user = await staffForPage();
  return user && permissionRefusal(user, permission) === null ? user : null;
}

/** The same for a server-rendered page. */
export async function staffForPage(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  return currentStaff((session as unknown as { staff?: SessionUser } | null)?.staff);
}

/** The citizen signed in by e-mail link on a page ("My reports"), or null. */
export async function citizenForPage(): Promise<CitizenSession | null> {
  const session = await getServerSession(authOptions());
  return currentCitizen((session as unknown as { citizen?: CitizenSession } | null)?.citizen);
}

/** The citizen signed in by e-mail link who sent an API request, or null. */
export async function citizenFromRequest(req: NextRequest): Promise<CitizenSession | null> {
  const token = await getToken({ req, secret: authSecret() });
  return currentCitizen(token?.citizen as CitizenSession | undefined);
}

/**
 * The citizen a session names, if the session is still good, as for staff: the account exists and
 * is active, and the session carries its current version (sign-out bumps it). Called before a
 * request opens its scope: the application's connection reads the account.
 */
async function currentCitizen(claimed: CitizenSession | undefined): Promise<CitizenSession | null> {
  if (!claimed || !Number.isInteger(claimed.userId)) return null;
  const account = await queryOne<{ session_version: number; active: boolean }>(
    await getDb(),
    sql`select session_version, active from users where id = ${claimed.userId}`,
  );
  if (!account?.active || account.session_version !== Number(claimed.sessionVersion ?? 1)) return null;
  return claimed;
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

async function authorise(req: NextRequest, permission: Permission): Promise<SessionUser> {
  const user = await staffFromRequest(req);
  if (!user) throw new AppError({ code: "unauthorized", messageKey: "signInRequired" });
  checkSameOrigin(req);
  const refusal = permissionRefusal(user, permission);
  if (refusal) throw new AppError({ code: "forbidden", messageKey: refusal });
  return user;
}

/**
 * A staff route handler: signed in (401), same-origin for changes (403), holding the permission
 * (403). The whole handler runs in one transaction under the staff role with the user's claims
 * (lib/auth/db-scope.ts): every read it makes goes through row-level security.
 */
export function withStaff<P = Record<string, string>>(permission: Permission, handler: StaffHandler<P>) {
  const wrapped = withApi<P>(async (req, ctx) => {
    const user = await authorise(req, permission);
    return asStaff(user.claims, () => handler(req, { ...ctx, user, actor: actorOfUser(user) }));
  });
  return Object.assign(wrapped, { permission });
}

/**
 * The same for a handler whose answer outlives it (a stream: CSV export, server-sent events): no
 * transaction around the handler; each read it makes opens its own with `asStaff(user.claims, …)`.
 */
export function withStaffStream<P = Record<string, string>>(
  permission: Permission,
  handler: StaffHandler<P>,
) {
  const wrapped = withApi<P>(async (req, ctx) => {
    const user = await authorise(req, permission);
    return handler(req, { ...ctx, user, actor: actorOfUser(user) });
  });
  return Object.assign(wrapped, { permission });
}

/**
 * An administration handler (accounts, roles, organisations, categories, imports): no staff-role
 * transaction, because administration creates and changes the very accounts and memberships the
 * staff role's policies are built from. Who may change what is the admin scope's rule
 * (lib/admin/admin-scope.ts), and the database refuses a desk role outside a contact centre
 * (migration 0019) whoever writes it.
 */
export const withAdmin = withStaffStream;

/**
 * Renders a staff page inside the signed-in user's staff scope: every read the page makes goes
 * through row-level security, as an API handler's does. Without a user the page renders as it
 * would (its own check shows the sign-in or "no access" answer).
 */
export async function inStaffScope<T>(render: () => Promise<T>): Promise<T> {
  const user = await staffForPage();
  return user ? asStaff(user.claims, render) : render();
}
