import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { queryOne, queryRows } from "../../../db/query";
import { userSeeds } from "../../../db/seed/cuprija";
import { seedDemo } from "../../../db/seed/seed-demo";
import { hasPermission, permissions, type Permission } from "../../../lib/auth/permissions";
import { loadSessionUser, verifyCredentials, type SessionUser } from "../../../lib/auth/staff-user";
import { engine } from "../../helpers/engine";
import { sessionCookie, staffRequest } from "../../helpers/session";

const root = path.resolve(__dirname, "..", "..", "..");
const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route handler under app/api/staff, found on disk: a new route joins the matrix by existing. */
function staffRouteFiles(): string[] {
  const dir = path.join(root, "app", "api", "staff");
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith("route.ts")).map((f) => path.join(dir, f));
}

/** Every staff page on disk, with the permission it asks for (`staffWithPermission("…")`). */
function staffPagePermissions(): Array<{ page: string; permission: string | null }> {
  const dir = path.join(root, "app", "(staff)", "staff");
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith("page.tsx"))
    .map((f) => {
      const source = fs.readFileSync(path.join(dir, f), "utf8");
      return { page: f, permission: /staffWithPermission\("([^"]+)"\)/.exec(source)?.[1] ?? null };
    });
}

type Handler = ((req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>) & { permission?: Permission };

describe(`the staff authorisation matrix on the ${engine} engine`, () => {
  const users = new Map<string, SessionUser>();
  let reportId: number;

  beforeAll(async () => {
    const db = await getDb();
    await seedDemo(db, { reportCount: 40, permitCount: 2 });
    for (const seed of userSeeds) {
      const row = await queryOne<{ id: number }>(db, sql`select id from users where email = ${seed.email}`);
      users.set(seed.role, (await loadSessionUser(db, row!.id))!);
    }
    reportId = (await queryOne<{ id: number }>(db, sql`select min(id)::int as id from reports`))!.id;
  });

  it("has a permission rule on every staff route handler", async () => {
    const files = staffRouteFiles();
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const mod = (await import(file)) as Record<string, Handler>;
      for (const method of methods) {
        if (!mod[method]) continue;
        expect(mod[method]!.permission, `${path.relative(root, file)} ${method}`).toBeDefined();
        expect(Object.keys(permissions)).toContain(mod[method]!.permission);
      }
    }
  });

  it("has a permission from the table on every staff page but the workspace's front door", () => {
    const pages = staffPagePermissions();
    expect(pages.map((p) => p.page)).toEqual(expect.arrayContaining(["analytics/page.tsx", "analytics/summary/page.tsx", "queue/page.tsx"]));
    for (const { page, permission } of pages) {
      if (page === "page.tsx") continue; // only redirects to a page that checks
      expect(Object.keys(permissions), page).toContain(permission);
    }
    expect(pages.find((p) => p.page === "analytics/page.tsx")?.permission).toBe("analytics.view");
    expect(permissions["analytics.view"]).toEqual(["planner", "org_admin", "admin"]);
  });

  it("allows exactly the roles the permission table names, and nobody without a session", async () => {
    for (const file of staffRouteFiles()) {
      const mod = (await import(file)) as Record<string, Handler>;
      const urlPath = "/" + path.relative(path.join(root, "app"), path.dirname(file)).replaceAll("[id]", String(reportId)).replaceAll(path.sep, "/");
      for (const method of methods) {
        const handler = mod[method];
        if (!handler) continue;
        const ctx = { params: Promise.resolve({ id: String(reportId) }) };
        const body = method === "GET" ? undefined : {};
        const anonymous = await handler(staffRequest(urlPath, { method, body }), ctx);
        expect(anonymous.status, `${method} ${urlPath} without a session`).toBe(401);
        for (const [role, user] of users) {
          const response = await handler(staffRequest(urlPath, { method, body, cookie: await sessionCookie(user) }), ctx);
          const allowed = hasPermission(user.roles, handler.permission!);
          // Streams (server-sent events) stay open until the reader goes away.
          await response.body?.cancel();
          if (allowed) expect([401, 403], `${method} ${urlPath} as ${role}`).not.toContain(response.status);
          else expect(response.status, `${method} ${urlPath} as ${role}`).toBe(403);
        }
      }
    }
  });

  it("refuses a change sent from another site even with a valid session", async () => {
    const { POST } = (await import("../../../app/api/staff/reports/[id]/actions/route")) as unknown as Record<string, Handler>;
    const admin = users.get("admin")!;
    const response = await POST!(
      staffRequest(`/api/staff/reports/${reportId}/actions`, {
        method: "POST",
        cookie: await sessionCookie(admin),
        origin: "https://evil.example",
        body: { expectedVersion: 1, action: { type: "note", internalNote: "x" } },
      }),
      { params: Promise.resolve({ id: String(reportId) }) },
    );
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("forbidden");
  });

  it("checks passwords without saying whether the email exists", async () => {
    const db = await getDb();
    expect((await verifyCredentials(db, "agent@cuprija.example", "demo-agent"))?.roles).toEqual(["agent"]);
    expect(await verifyCredentials(db, "AGENT@cuprija.example", "wrong")).toBeNull();
    expect(await verifyCredentials(db, "nobody@cuprija.example", "demo-agent")).toBeNull();
    const hashes = await queryRows<{ password_hash: string }>(db, sql`select password_hash from users`);
    expect(hashes.every((h) => h.password_hash.startsWith("$2"))).toBe(true);
  });
});
