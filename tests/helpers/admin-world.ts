import { eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import * as t from "../../db/schema";
import type { Role } from "../../lib/auth/roles";
import { loadSessionUser, type SessionUser } from "../../lib/auth/staff-user";
import { uniqueCode } from "./builders";
import { buildWorkflowWorld } from "./world";
import { sessionCookie, staffRequest } from "./session";

/** A staff member with the given roles (each in an organisation or municipality-wide), loaded as a session would. */
export async function buildStaff(input: {
  municipalityId: number;
  roles: Array<{ role: Role; organisationId?: number | null }>;
  name?: string;
}): Promise<SessionUser> {
  const db = await getDb();
  const [user] = await db
    .insert(t.users)
    .values({
      email: `${uniqueCode("staff")}@cuprija.example`,
      name: input.name ?? "Milica Admin",
      locale: "en",
    })
    .returning();
  await db.insert(t.memberships).values(
    input.roles.map((r) => ({
      userId: user!.id,
      municipalityId: input.municipalityId,
      organisationId: r.organisationId ?? null,
      role: r.role,
    })),
  );
  return (await loadSessionUser(db, user!.id))!;
}

/**
 * The workflow world plus its administrators: the municipality's admin, the water utility's
 * org_admin, and an agent (no administration rights).
 */
export async function buildAdminWorld(input: { west: number; south: number }) {
  const world = await buildWorkflowWorld(input);
  const admin = await buildStaff({
    municipalityId: world.municipality.id,
    roles: [{ role: "admin" }],
    name: "Ana Administrator",
  });
  const waterAdmin = await buildStaff({
    municipalityId: world.municipality.id,
    roles: [{ role: "org_admin", organisationId: world.water.id }],
    name: "Vesna Vodovod",
  });
  const agent = await buildStaff({
    municipalityId: world.municipality.id,
    roles: [{ role: "agent", organisationId: world.contactCentre.id }],
    name: "Petar Agent",
  });
  return { ...world, admin, waterAdmin, agent };
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a route handler as a signed-in user from this site (or anonymously with `user` null). */
export async function callAs(
  handler: unknown,
  user: SessionUser | null,
  input: { method: string; path: string; body?: unknown; id?: number; origin?: string },
) {
  const req = staffRequest(input.path + (input.path.includes("?") ? "&" : "?") + "lang=en", {
    method: input.method,
    body: input.body,
    cookie: user ? await sessionCookie(user) : undefined,
    origin: input.origin,
  });
  const res = await (handler as Handler)(req, {
    params: Promise.resolve<Record<string, string>>(input.id === undefined ? {} : { id: String(input.id) }),
  });
  return {
    status: res.status,
    body: (await res.json().catch(() => null)) as Record<string, unknown> & {
      error?: { code: string; message: string; details?: Record<string, unknown> };
    },
  };
}

export async function serviceAreaOf(organisationId: number) {
  const db = await getDb();
  const [row] = await db
    .select({ area: t.organisations.serviceArea })
    .from(t.organisations)
    .where(eq(t.organisations.id, organisationId));
  return row?.area ?? null;
}
