import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as chooseMunicipality } from "../../../app/api/admin/municipality/route";
import { POST as postOrganisation } from "../../../app/api/admin/organisations/route";
import { getDb } from "../../../db/client";
import { queryOne } from "../../../db/query";
import * as t from "../../../db/schema";
import {
  adminMunicipalityCookie,
  loadAdminScope,
  scopeInRememberedMunicipality,
} from "../../../lib/admin/admin-scope";
import { listAdminOrganisations } from "../../../lib/admin/list-admin-organisations";
import { loadSessionUser, type SessionUser } from "../../../lib/auth/staff-user";
import { buildAdminWorld, buildStaff } from "../../helpers/admin-world";
import { uniqueCode } from "../../helpers/builders";
import { engine } from "../../helpers/engine";
import { sessionCookie, staffRequest } from "../../helpers/session";
import { buildWorkflowWorld } from "../../helpers/world";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a route handler as the user, with the switcher's cookie when given. */
async function call(
  handler: unknown,
  user: SessionUser,
  input: { path: string; body: unknown; chosenMunicipality?: string },
) {
  const cookies = [await sessionCookie(user)];
  if (input.chosenMunicipality !== undefined)
    cookies.push(`${adminMunicipalityCookie}=${input.chosenMunicipality}`);
  const req = staffRequest(`${input.path}?lang=en`, {
    method: "POST",
    body: input.body,
    cookie: cookies.join("; "),
  });
  const res = await (handler as Handler)(req, { params: Promise.resolve({}) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

const organisation = (code: string) => ({
  code,
  name: { "sr-Latn": "JKP Zelenilo", en: "Parks Company" },
  kind: "utility_company",
  sector: "parks",
  active: true,
});

const municipalityOf = async (code: string) =>
  (
    await queryOne<{ municipality_id: number }>(
      await getDb(),
      sql`select municipality_id from organisations where code = ${code}`,
    )
  )?.municipality_id;

describe(`the administration's municipality switcher on the ${engine} engine`, () => {
  let first: Awaited<ReturnType<typeof buildAdminWorld>>;
  let second: Awaited<ReturnType<typeof buildWorkflowWorld>>;
  /** Admin of both municipalities (a regional administrator). */
  let regional: SessionUser;

  beforeAll(async () => {
    first = await buildAdminWorld({ west: 25.1, south: 44.1 });
    second = await buildWorkflowWorld({ west: 25.4, south: 44.4 });
    const db = await getDb();
    const staff = await buildStaff({
      municipalityId: first.municipality.id,
      roles: [{ role: "admin" }],
      name: "Jelena Regionalna",
    });
    await db.insert(t.memberships).values({
      userId: staff.id,
      municipalityId: second.municipality.id,
      organisationId: null,
      role: "admin",
    });
    regional = (await loadSessionUser(db, staff.id))!;
  });

  it("lets an admin of two municipalities choose the second and remembers it in a cookie", async () => {
    const res = await call(chooseMunicipality, regional, {
      path: "/api/admin/municipality",
      body: { municipalityId: second.municipality.id },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ municipalityId: second.municipality.id });
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toContain(`${adminMunicipalityCookie}=${second.municipality.id}`);
    expect(cookie.toLowerCase()).toContain("httponly");
  });

  it("refuses a municipality's admin who picks another municipality, and remembers nothing", async () => {
    const res = await call(chooseMunicipality, first.admin, {
      path: "/api/admin/municipality",
      body: { municipalityId: second.municipality.id },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("creates records in the chosen municipality and lists that municipality's organisations", async () => {
    const code = uniqueCode("zelenilo");
    const res = await call(postOrganisation, regional, {
      path: "/api/admin/organisations",
      body: organisation(code),
      chosenMunicipality: String(second.municipality.id),
    });
    expect(res.status).toBe(201);
    expect(await municipalityOf(code)).toBe(second.municipality.id);

    const db = await getDb();
    const scope = scopeInRememberedMunicipality(
      await loadAdminScope({ db, user: regional }),
      String(second.municipality.id),
    );
    const listed = await listAdminOrganisations({ db, scope });
    expect(listed.map((o) => o.code)).toContain(code);
    expect(new Set(listed.map((o) => o.municipalityId))).toEqual(new Set([second.municipality.id]));
    const firstListed = await listAdminOrganisations({
      db,
      scope: await loadAdminScope({ db, user: regional }),
    });
    expect(firstListed.map((o) => o.code)).not.toContain(code);
    expect(new Set(firstListed.map((o) => o.municipalityId))).toEqual(new Set([first.municipality.id]));
  });

  it("lets a request's municipalityId win over the remembered choice", async () => {
    const code = uniqueCode("zelenilo");
    const res = await call(postOrganisation, regional, {
      path: "/api/admin/organisations",
      body: { ...organisation(code), municipalityId: first.municipality.id },
      chosenMunicipality: String(second.municipality.id),
    });
    expect(res.status).toBe(201);
    expect(await municipalityOf(code)).toBe(first.municipality.id);
  });

  it("refuses a request naming a municipality outside the admin's own and creates nothing", async () => {
    const code = uniqueCode("zelenilo");
    const res = await call(postOrganisation, first.admin, {
      path: "/api/admin/organisations",
      body: { ...organisation(code), municipalityId: second.municipality.id },
    });
    expect(res.status).toBe(403);
    expect(await municipalityOf(code)).toBeUndefined();
  });

  it("ignores a cookie changed to name a foreign municipality: the record goes to the admin's own", async () => {
    for (const tampered of [String(second.municipality.id), "abc", "-1"]) {
      const code = uniqueCode("zelenilo");
      const res = await call(postOrganisation, first.admin, {
        path: "/api/admin/organisations",
        body: organisation(code),
        chosenMunicipality: tampered,
      });
      expect(res.status).toBe(201);
      expect(await municipalityOf(code)).toBe(first.municipality.id);
    }
    const db = await getDb();
    const own = await db
      .select({ id: t.organisations.id })
      .from(t.organisations)
      .where(eq(t.organisations.municipalityId, second.municipality.id));
    const scope = scopeInRememberedMunicipality(
      await loadAdminScope({ db, user: first.admin }),
      String(second.municipality.id),
    );
    const listed = await listAdminOrganisations({ db, scope });
    expect(listed.some((o) => own.some((x) => x.id === o.id))).toBe(false);
  });
});
