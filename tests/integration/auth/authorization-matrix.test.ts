import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { queryOne, queryRows } from "../../../db/query";
import { userSeeds } from "../../../db/seed/cuprija";
import { seedDemo } from "../../../db/seed/seed-demo";
import { adminSections } from "../../../lib/admin/admin-sections";
import { hasPermission, permissions, type Permission } from "../../../lib/auth/permissions";
import { loadSessionUser, verifyCredentials, type SessionUser } from "../../../lib/auth/staff-user";
import { engine } from "../../helpers/engine";
import { sessionCookie, staffRequest } from "../../helpers/session";

const root = path.resolve(__dirname, "..", "..", "..");
const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route handler under app/api/staff and app/api/admin, found on disk: a new route joins the matrix by existing. */
function staffRouteFiles(): string[] {
  return [path.join(root, "app", "api", "staff"), path.join(root, "app", "api", "admin")].flatMap((dir) =>
    (fs.readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => f.endsWith("route.ts"))
      .map((f) => path.join(dir, f)),
  );
}

/** Every staff and administration page on disk, with the permission it asks for (`staffWithPermission("…")`). */
function staffPagePermissions(): Array<{ page: string; permission: string | null }> {
  return [path.join("(staff)", "staff"), path.join("(admin)", "admin")].flatMap((area) => {
    const dir = path.join(root, "app", area);
    return (fs.readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => f.endsWith("page.tsx"))
      .map((f) => {
        const source = fs.readFileSync(path.join(dir, f), "utf8");
        return {
          page: path.join(area, f).replaceAll(path.sep, "/"),
          permission: /staffWithPermission\("([^"]+)"\)/.exec(source)?.[1] ?? null,
        };
      });
  });
}

type Handler = ((req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>) & {
  permission?: Permission;
};

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

  it("renders every staff page that reads data inside the staff member's access policy", () => {
    // The workspace's landing page reads nothing but the session, and sends the user on.
    const readsNothing = ["(staff)/staff/page.tsx"];
    const dir = path.join(root, "app", "(staff)", "staff");
    const pages = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) =>
      f.endsWith("page.tsx"),
    );
    expect(pages.length).toBeGreaterThanOrEqual(15);
    for (const page of pages) {
      const name = path.join("(staff)", "staff", page).replaceAll(path.sep, "/");
      if (readsNothing.includes(name)) continue;
      const source = fs.readFileSync(path.join(dir, page), "utf8");
      expect(source, name).toMatch(/export default async function \w+\([^)]*\) \{\s*return inStaffScope\(/);
    }
  });

  it("has a permission rule on every staff route handler", async () => {
    const files = staffRouteFiles();
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(files.map((f) => path.relative(root, f).replaceAll(path.sep, "/"))).toEqual(
      expect.arrayContaining([
        "app/api/admin/organisations/[id]/service-area/route.ts",
        "app/api/admin/users/route.ts",
        "app/api/admin/calendar/[id]/route.ts",
      ]),
    );
    for (const file of files) {
      const mod = (await import(file)) as Record<string, Handler>;
      for (const method of methods) {
        if (!mod[method]) continue;
        expect(mod[method]!.permission, `${path.relative(root, file)} ${method}`).toBeDefined();
        expect(Object.keys(permissions)).toContain(mod[method]!.permission);
      }
    }
  });

  it("has a permission from the table on every staff and administration page but the front doors", () => {
    const pages = staffPagePermissions();
    expect(pages.map((p) => p.page)).toEqual(
      expect.arrayContaining([
        "(staff)/staff/analytics/page.tsx",
        "(staff)/staff/analytics/summary/page.tsx",
        "(staff)/staff/queue/page.tsx",
        "(admin)/admin/organisations/[id]/page.tsx",
        "(admin)/admin/calendar/page.tsx",
      ]),
    );
    for (const { page, permission } of pages) {
      if (page === "(staff)/staff/page.tsx" || page === "(admin)/admin/page.tsx") continue; // only redirect to a page that checks
      expect(Object.keys(permissions), page).toContain(permission);
    }
    expect(pages.find((p) => p.page === "(staff)/staff/analytics/page.tsx")?.permission).toBe(
      "analytics.view",
    );
    expect(permissions["analytics.view"]).toEqual(["planner", "org_admin", "admin"]);
    expect(permissions["admin.manage"]).toEqual(["admin"]);
    expect(permissions["organisation.manage"]).toEqual(["org_admin", "admin"]);
  });

  it("shows each administration section in the menu to exactly the roles its page lets in", () => {
    const pages = staffPagePermissions();
    for (const section of adminSections) {
      const page = pages.find((p) => `/${p.page.replace("(admin)/", "")}` === `${section.href}/page.tsx`);
      expect(page, section.href).toBeDefined();
      expect(page!.permission, section.href).toBe(section.permission);
    }
  });

  it("allows exactly the roles the permission table names, and nobody without a session", async () => {
    for (const file of staffRouteFiles()) {
      const mod = (await import(file)) as Record<string, Handler>;
      const urlPath =
        "/" +
        path
          .relative(path.join(root, "app"), path.dirname(file))
          .replaceAll("[id]", String(reportId))
          .replaceAll(path.sep, "/");
      for (const method of methods) {
        const handler = mod[method];
        if (!handler) continue;
        const ctx = { params: Promise.resolve({ id: String(reportId) }) };
        const body = method === "GET" ? undefined : {};
        const anonymous = await handler(staffRequest(urlPath, { method, body }), ctx);
        expect(anonymous.status, `${method} ${urlPath} without a session`).toBe(401);
        for (const [role, user] of users) {
          const response = await handler(
            staffRequest(urlPath, { method, body, cookie: await sessionCookie(user) }),
            ctx,
          );
          const allowed = hasPermission(user, handler.permission!);
          // Streams (server-sent events) stay open until the reader goes away.
          await response.body?.cancel();
          if (allowed) expect([401, 403], `${method} ${urlPath} as ${role}`).not.toContain(response.status);
          else expect(response.status, `${method} ${urlPath} as ${role}`).toBe(403);
        }
      }
    }
  });

  it("refuses a change sent from another site even with a valid session", async () => {
    const { POST } = (await import("../../../app/api/staff/reports/[id]/actions/route")) as unknown as Record<
      string,
      Handler
    >;
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
