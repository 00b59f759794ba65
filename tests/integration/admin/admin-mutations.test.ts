import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteOverride } from "../../../app/api/admin/calendar/[id]/route";
import { POST as addOverride } from "../../../app/api/admin/calendar/route";
import { PUT as putCategory } from "../../../app/api/admin/categories/[id]/route";
import { POST as postCategory } from "../../../app/api/admin/categories/route";
import { PUT as putEndpoint } from "../../../app/api/admin/open311-endpoints/[id]/route";
import { POST as postEndpoint } from "../../../app/api/admin/open311-endpoints/route";
import { PUT as putOrganisation } from "../../../app/api/admin/organisations/[id]/route";
import { POST as postOrganisation } from "../../../app/api/admin/organisations/route";
import { POST as resetPassword } from "../../../app/api/admin/users/[id]/password/route";
import { PUT as putUser } from "../../../app/api/admin/users/[id]/route";
import { POST as postUser } from "../../../app/api/admin/users/route";
import { POST as changePassword } from "../../../app/api/staff/account/password/route";
import { getDb } from "../../../db/client";
import { queryOne, queryRows } from "../../../db/query";
import * as t from "../../../db/schema";
import { loadAdminScope } from "../../../lib/admin/admin-scope";
import { listAdminChanges } from "../../../lib/admin/list-admin-changes";
import { listAdminUsers } from "../../../lib/admin/list-admin-users";
import { listOpen311Endpoints } from "../../../lib/admin/list-open311-endpoints";
import { loadSessionUser, verifyCredentials } from "../../../lib/auth/staff-user";
import { addWorkingDays } from "../../../lib/calendar/working-days";
import { loadCalendar } from "../../../lib/workflow/load-calendar";
import { listCategories } from "../../../lib/reports/list-categories";
import { buildAdminWorld, buildStaff, callAs } from "../../helpers/admin-world";
import { buildReport } from "../../helpers/builders";
import { engine } from "../../helpers/engine";

const auditCount = async () =>
  (await queryOne<{ n: number }>(await getDb(), sql`select count(*)::int as n from admin_audit`))!.n;

describe(`administration changes on the ${engine} engine`, () => {
  let world: Awaited<ReturnType<typeof buildAdminWorld>>;
  let groupId: number;

  beforeAll(async () => {
    world = await buildAdminWorld({ west: 24, south: 43 });
    groupId = world.category.groupId;
  });

  describe("organisations", () => {
    const organisation = {
      code: "rasveta",
      name: { "sr-Latn": "JKP Rasveta Ćuprija", en: "Public Lighting Company" },
      kind: "utility_company",
      sector: "lighting",
      email: "rasveta@cuprija.example",
      phone: "+381 35 123 456",
      active: true,
    };

    it("creates an organisation with its names in three scripts and records who did it", async () => {
      const res = await callAs(postOrganisation, world.admin, {
        method: "POST",
        path: "/api/admin/organisations",
        body: organisation,
      });
      expect(res.status).toBe(201);
      const [row] = await (
        await getDb()
      )
        .select()
        .from(t.organisations)
        .where(eq(t.organisations.id, res.body.id as number));
      expect(row).toMatchObject({
        code: "rasveta",
        sector: "lighting",
        municipalityId: world.municipality.id,
        serviceArea: null,
      });
      expect(row!.name).toEqual({
        "sr-Latn": "JKP Rasveta Ćuprija",
        "sr-Cyrl": "ЈКП Расвета Ћуприја",
        en: "Public Lighting Company",
      });
      const changes = await listAdminChanges({
        db: await getDb(),
        scope: await loadAdminScope({ db: await getDb(), user: world.admin }),
        entities: ["organisation"],
      });
      expect(changes[0]).toMatchObject({
        entity: "organisation",
        entityId: row!.id,
        action: "created",
        actorName: "Ana Administrator",
      });
    });

    it("changes an organisation and refuses a duplicate code, bad fields and non-admins without changing anything", async () => {
      const id = world.roads.id;
      const ok = await callAs(putOrganisation, world.admin, {
        method: "PUT",
        path: `/api/admin/organisations/${id}`,
        id,
        body: { ...organisation, code: world.roads.code, sector: "roads", active: false },
      });
      expect(ok.status).toBe(200);
      const [after] = await (await getDb()).select().from(t.organisations).where(eq(t.organisations.id, id));
      expect(after).toMatchObject({ active: false, email: "rasveta@cuprija.example" });
      const before = await auditCount();
      const duplicate = await callAs(putOrganisation, world.admin, {
        method: "PUT",
        path: `/api/admin/organisations/${id}`,
        id,
        body: { ...organisation },
      });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.error?.message).toBe("The code rasveta is already in use.");
      const bad = await callAs(postOrganisation, world.admin, {
        method: "POST",
        path: "/api/admin/organisations",
        body: { ...organisation, code: "Bad Code!", email: "not-an-email" },
      });
      expect(bad.status).toBe(422);
      expect((bad.body.error?.details?.fields as Array<{ path: string }>).map((f) => f.path).sort()).toEqual([
        "code",
        "email",
      ]);
      for (const user of [world.waterAdmin, world.agent]) {
        const denied = await callAs(putOrganisation, user, {
          method: "PUT",
          path: `/api/admin/organisations/${world.water.id}`,
          id: world.water.id,
          body: { ...organisation, code: world.water.code },
        });
        expect(denied.status).toBe(403);
      }
      expect(await auditCount()).toBe(before);
      const [water] = await (
        await getDb()
      )
        .select()
        .from(t.organisations)
        .where(eq(t.organisations.id, world.water.id));
      expect(water!.email).not.toBe("rasveta@cuprija.example");
    });
  });

  describe("categories", () => {
    const category = () => ({
      serviceCode: "broken_bench",
      groupId,
      name: { "sr-Latn": "Polomljena klupa", en: "Broken bench" },
      description: { "sr-Latn": "Klupa u parku", en: "A park bench" },
      responsibleKind: "utility_company",
      responsibleSector: "roads",
      slaWorkingDays: 7,
      pauseSlaWhenScheduled: true,
      duplicateRadiusMetres: 30,
      questions: [
        {
          code: "park",
          type: "string",
          label: { "sr-Latn": "Koji park?", en: "Which park?" },
          required: true,
        },
        {
          code: "danger",
          type: "single_choice",
          label: { "sr-Latn": "Da li je opasno?", en: "Is it dangerous?" },
          required: false,
          options: [
            { value: "no", label: { "sr-Latn": "Ne", en: "No" } },
            {
              value: "injured",
              label: { "sr-Latn": "Neko je povređen", en: "Someone is injured" },
              stop: { "sr-Latn": "Pozovite 194.", en: "Call 194." },
            },
          ],
        },
      ],
      locationPrecisionMetres: null,
      checksPermitCoverage: false,
      isPublic: true,
      active: true,
      sortOrder: 5,
    });

    it("creates a category with extra questions the citizens' form understands", async () => {
      const res = await callAs(postCategory, world.admin, {
        method: "POST",
        path: "/api/admin/categories",
        body: category(),
      });
      expect(res.status).toBe(201);
      const [row] = await (
        await getDb()
      )
        .select()
        .from(t.serviceCategories)
        .where(eq(t.serviceCategories.id, res.body.id as number));
      expect(row).toMatchObject({
        serviceCode: "broken_bench",
        slaWorkingDays: 7,
        duplicateRadiusMetres: 30,
        pauseSlaWhenScheduled: true,
      });
      expect(row!.questions[1]!.options![1]!.stop).toEqual({
        "sr-Latn": "Pozovite 194.",
        "sr-Cyrl": "Позовите 194.",
        en: "Call 194.",
      });
      expect(row!.questions[0]!.options).toBeUndefined();
      const offered = await listCategories({
        db: await getDb(),
        municipalityId: world.municipality.id,
        locale: "en",
      });
      expect(JSON.stringify(offered)).toContain("broken_bench");
    });

    it("refuses a radius outside 5–500 m, a choice without options, duplicate question codes and a foreign group, changing nothing", async () => {
      const before = await auditCount();
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ duplicateRadiusMetres: 4 }, "duplicateRadiusMetres"],
        [{ duplicateRadiusMetres: 501 }, "duplicateRadiusMetres"],
        [{ slaWorkingDays: 0 }, "slaWorkingDays"],
        [
          {
            questions: [
              { code: "a", type: "single_choice", label: { "sr-Latn": "A", en: "A" }, required: true },
            ],
          },
          "questions.0.options",
        ],
        [
          {
            questions: [
              { code: "a", type: "string", label: { "sr-Latn": "A", en: "A" }, required: true },
              { code: "a", type: "number", label: { "sr-Latn": "B", en: "B" }, required: false },
            ],
          },
          "questions",
        ],
        [
          { questions: [{ code: "a", type: "colour", label: { "sr-Latn": "A", en: "A" }, required: true }] },
          "questions.0.type",
        ],
        [{ name: { "sr-Latn": "", en: "Bench" } }, "name.sr-Latn"],
      ];
      for (const [patch, path] of cases) {
        const res = await callAs(postCategory, world.admin, {
          method: "POST",
          path: "/api/admin/categories",
          body: { ...category(), serviceCode: "other_bench", ...patch },
        });
        expect(res.status, path).toBe(422);
        expect(
          (res.body.error?.details?.fields as Array<{ path: string }>).map((f) => f.path),
          path,
        ).toContain(path);
      }
      const foreign = await callAs(postCategory, world.admin, {
        method: "POST",
        path: "/api/admin/categories",
        body: { ...category(), serviceCode: "other_bench", groupId: 999_999 },
      });
      expect(foreign.status).toBe(422);
      const denied = await callAs(postCategory, world.waterAdmin, {
        method: "POST",
        path: "/api/admin/categories",
        body: { ...category(), serviceCode: "other_bench" },
      });
      expect(denied.status).toBe(403);
      expect(await auditCount()).toBe(before);
      const n = await queryOne<{ n: number }>(
        await getDb(),
        sql`select count(*)::int as n from service_categories where service_code = 'other_bench'`,
      );
      expect(n!.n).toBe(0);
    });

    it("deactivating a category hides it from new reports and keeps it on reports already filed", async () => {
      const id = world.category.id;
      const report = await buildReport({
        municipalityId: world.municipality.id,
        categoryId: id,
        position: world.inside,
      });
      const [current] = await (
        await getDb()
      )
        .select()
        .from(t.serviceCategories)
        .where(eq(t.serviceCategories.id, id));
      const body = { ...category(), serviceCode: current!.serviceCode, questions: [], active: false };
      const res = await callAs(putCategory, world.admin, {
        method: "PUT",
        path: `/api/admin/categories/${id}`,
        id,
        body,
      });
      expect(res.status).toBe(200);
      const offered = await listCategories({
        db: await getDb(),
        municipalityId: world.municipality.id,
        locale: "en",
      });
      expect(JSON.stringify(offered)).not.toContain(current!.serviceCode);
      const [after] = await (
        await getDb()
      )
        .select()
        .from(t.serviceCategories)
        .where(eq(t.serviceCategories.id, id));
      expect(after).toMatchObject({ id, active: false, serviceCode: current!.serviceCode });
      const [kept] = await (
        await getDb()
      )
        .select({ categoryId: t.reports.categoryId })
        .from(t.reports)
        .where(eq(t.reports.id, report.id));
      expect(kept!.categoryId).toBe(id);
      const audit = await queryOne<{ before: { active: boolean }; after: { active: boolean } }>(
        await getDb(),
        sql`select before, after from admin_audit where entity = 'category' and entity_id = ${id} order by id desc limit 1`,
      );
      expect(audit).toMatchObject({ before: { active: true }, after: { active: false } });
    });
  });

  describe("users and roles", () => {
    const newUser = (email: string, memberships: unknown[]) => ({
      email,
      name: "Jelena Nova",
      locale: "sr-Latn",
      memberships,
      initialPassword: "pocetna-lozinka-1",
    });

    it("creates a user with a role who can sign in, must change the password first, and then works with the new one", async () => {
      const res = await callAs(postUser, world.admin, {
        method: "POST",
        path: "/api/admin/users",
        body: newUser("Jelena.Nova@Cuprija.example", [
          { role: "inspector", organisationId: world.roads.id, isLead: true },
        ]),
      });
      expect(res.status).toBe(201);
      const db = await getDb();
      const signedIn = await verifyCredentials(db, "jelena.nova@cuprija.example", "pocetna-lozinka-1");
      expect(signedIn).toMatchObject({
        roles: ["inspector"],
        organisationIds: [world.roads.id],
        mustChangePassword: true,
      });
      const [hash] = await db
        .select({ h: t.users.passwordHash })
        .from(t.users)
        .where(eq(t.users.id, res.body.id as number));
      expect(hash!.h).toMatch(/^\$2[aby]\$10\$/);
      const lead = await queryOne<{ is_lead: boolean }>(
        db,
        sql`select is_lead from memberships where user_id = ${res.body.id as number}`,
      );
      expect(lead!.is_lead).toBe(true);

      const wrong = await callAs(changePassword, signedIn, {
        method: "POST",
        path: "/api/staff/account/password",
        body: { currentPassword: "nije-ta", newPassword: "moja-nova-lozinka" },
      });
      expect(wrong.status).toBe(422);
      const changed = await callAs(changePassword, signedIn, {
        method: "POST",
        path: "/api/staff/account/password",
        body: { currentPassword: "pocetna-lozinka-1", newPassword: "moja-nova-lozinka" },
      });
      expect(changed.status).toBe(200);
      expect(await verifyCredentials(db, "jelena.nova@cuprija.example", "pocetna-lozinka-1")).toBeNull();
      expect(await verifyCredentials(db, "jelena.nova@cuprija.example", "moja-nova-lozinka")).toMatchObject({
        mustChangePassword: false,
      });

      const again = await callAs(postUser, world.admin, {
        method: "POST",
        path: "/api/admin/users",
        body: newUser("jelena.nova@cuprija.example", [{ role: "planner", organisationId: null }]),
      });
      expect(again.status).toBe(409);
    });

    it("deactivates a user, who can no longer sign in nor use a session already open", async () => {
      const operator = await buildStaff({
        municipalityId: world.municipality.id,
        roles: [{ role: "utility_operator", organisationId: world.water.id }],
      });
      const db = await getDb();
      await db
        .update(t.users)
        .set({ passwordHash: "$2a$10$CwTycUXWue0Thq9StjUM0uJ8.V4p5K6y9FJ3nQCQ7jYx1qO6G9q2y" })
        .where(eq(t.users.id, operator.id));
      const res = await callAs(putUser, world.admin, {
        method: "PUT",
        path: `/api/admin/users/${operator.id}`,
        id: operator.id,
        body: {
          name: operator.name,
          locale: "en",
          active: false,
          memberships: [{ role: "utility_operator", organisationId: world.water.id, isLead: false }],
        },
      });
      expect(res.status).toBe(200);
      expect(await loadSessionUser(db, operator.id)).toBeNull();
      // The session cookie still carries the user; the server reloads them and finds nobody.
      const stale = await callAs(changePassword, operator, {
        method: "POST",
        path: "/api/staff/account/password",
        body: { currentPassword: "x", newPassword: "yyyyyyyyyyyy" },
      });
      expect(stale.status).toBe(401);
      const audit = await queryOne<{ action: string }>(
        db,
        sql`select action from admin_audit where entity = 'user' and entity_id = ${operator.id} order by id desc limit 1`,
      );
      expect(audit!.action).toBe("deactivated");
    });

    it("does not let an admin remove their own last admin role or deactivate themselves", async () => {
      const before = await auditCount();
      const drop = await callAs(putUser, world.admin, {
        method: "PUT",
        path: `/api/admin/users/${world.admin.id}`,
        id: world.admin.id,
        body: {
          name: "Ana Administrator",
          locale: "en",
          active: true,
          memberships: [{ role: "planner", organisationId: null, isLead: false }],
        },
      });
      expect(drop.status).toBe(422);
      expect(drop.body.error?.message).toBe(
        "You cannot remove your own administrator role. Ask another administrator.",
      );
      const off = await callAs(putUser, world.admin, {
        method: "PUT",
        path: `/api/admin/users/${world.admin.id}`,
        id: world.admin.id,
        body: {
          name: "Ana Administrator",
          locale: "en",
          active: false,
          memberships: [{ role: "admin", organisationId: null, isLead: false }],
        },
      });
      expect(off.status).toBe(422);
      expect((await loadSessionUser(await getDb(), world.admin.id))!.roles).toEqual(["admin"]);
      expect(await auditCount()).toBe(before);
    });

    it("lets an organisation's admin manage their own staff only, with staff roles only", async () => {
      const own = await callAs(postUser, world.waterAdmin, {
        method: "POST",
        path: "/api/admin/users",
        body: newUser("monter@vodovod.example", [
          { role: "utility_operator", organisationId: world.water.id },
        ]),
      });
      expect(own.status).toBe(201);
      const visible = await listAdminUsers({
        db: await getDb(),
        scope: await loadAdminScope({ db: await getDb(), user: world.waterAdmin }),
      });
      expect(visible.map((u) => u.email)).toContain("monter@vodovod.example");
      expect(visible.map((u) => u.email)).not.toContain(world.agent.email);
      for (const memberships of [
        [{ role: "admin", organisationId: null }],
        [{ role: "utility_operator", organisationId: world.roads.id }],
        [{ role: "planner", organisationId: null }],
      ]) {
        const res = await callAs(postUser, world.waterAdmin, {
          method: "POST",
          path: "/api/admin/users",
          body: newUser("drugi@vodovod.example", memberships),
        });
        expect(res.status, JSON.stringify(memberships)).toBe(403);
      }
      const other = await callAs(resetPassword, world.waterAdmin, {
        method: "POST",
        path: `/api/admin/users/${world.agent.id}/password`,
        id: world.agent.id,
        body: { temporaryPassword: "privremena-123" },
      });
      expect(other.status).toBe(404);
      const agent = await callAs(postUser, world.agent, {
        method: "POST",
        path: "/api/admin/users",
        body: newUser("treci@vodovod.example", [{ role: "agent", organisationId: world.contactCentre.id }]),
      });
      expect(agent.status).toBe(403);
      const n = await queryOne<{ n: number }>(
        await getDb(),
        sql`select count(*)::int as n from users where email in ('drugi@vodovod.example', 'treci@vodovod.example')`,
      );
      expect(n!.n).toBe(0);
    });

    it("resets a password to a temporary one the user must change, and never audits the hash", async () => {
      const res = await callAs(resetPassword, world.admin, {
        method: "POST",
        path: `/api/admin/users/${world.agent.id}/password`,
        id: world.agent.id,
        body: { temporaryPassword: "privremena-123" },
      });
      expect(res.status).toBe(200);
      const db = await getDb();
      expect(await verifyCredentials(db, world.agent.email, "privremena-123")).toMatchObject({
        mustChangePassword: true,
      });
      const short = await callAs(resetPassword, world.admin, {
        method: "POST",
        path: `/api/admin/users/${world.agent.id}/password`,
        id: world.agent.id,
        body: { temporaryPassword: "kratka" },
      });
      expect(short.status).toBe(422);
      const audit = await queryRows<{ row: string }>(
        db,
        sql`select row_to_json(a)::text as row from admin_audit a where entity = 'user'`,
      );
      expect(audit.map((a) => a.row).join("\n")).not.toMatch(/\$2[aby]\$|privremena|pocetna/);
    });
  });

  describe("calendar overrides", () => {
    it("adds a local holiday that moves new due dates, refuses a second entry for the day, and deletes it", async () => {
      const db = await getDb();
      // Wednesday 2027-03-10: a report filed on Tuesday with 1 working day is due Wednesday, with the holiday Thursday.
      expect(
        addWorkingDays({
          from: "2027-03-09",
          days: 1,
          overrides: await loadCalendar(db, world.municipality.id),
        }),
      ).toBe("2027-03-10");
      const res = await callAs(addOverride, world.admin, {
        method: "POST",
        path: "/api/admin/calendar",
        body: { date: "2027-03-10", isWorking: false, reason: "Dan opštine" },
      });
      expect(res.status).toBe(201);
      expect(
        addWorkingDays({
          from: "2027-03-09",
          days: 1,
          overrides: await loadCalendar(db, world.municipality.id),
        }),
      ).toBe("2027-03-11");
      const twice = await callAs(addOverride, world.admin, {
        method: "POST",
        path: "/api/admin/calendar",
        body: { date: "2027-03-10", isWorking: true, reason: "Radna subota" },
      });
      expect(twice.status).toBe(409);
      for (const body of [
        { date: "2027-02-30", isWorking: false, reason: "Nema" },
        { date: "2027-03-11", isWorking: false, reason: "" },
        { date: "2027-03-11", reason: "Bez vrste" },
      ]) {
        expect(
          (await callAs(addOverride, world.admin, { method: "POST", path: "/api/admin/calendar", body }))
            .status,
        ).toBe(422);
      }
      expect(
        (
          await callAs(addOverride, world.waterAdmin, {
            method: "POST",
            path: "/api/admin/calendar",
            body: { date: "2027-03-12", isWorking: false, reason: "Vodovod" },
          })
        ).status,
      ).toBe(403);
      expect(await loadCalendar(db, world.municipality.id)).toEqual([
        { date: "2027-03-10", isWorking: false },
      ]);
      // The agent's password was reset above: the session it had is revoked (401), and a new one
      // (signed in again) still may not change the calendar (403).
      const stale = await callAs(deleteOverride, world.agent, {
        method: "DELETE",
        path: `/api/admin/calendar/${res.body.id}`,
        id: res.body.id as number,
      });
      expect(stale.status).toBe(401);
      const denied = await callAs(deleteOverride, (await loadSessionUser(db, world.agent.id))!, {
        method: "DELETE",
        path: `/api/admin/calendar/${res.body.id}`,
        id: res.body.id as number,
      });
      expect(denied.status).toBe(403);
      const deleted = await callAs(deleteOverride, world.admin, {
        method: "DELETE",
        path: `/api/admin/calendar/${res.body.id}`,
        id: res.body.id as number,
      });
      expect(deleted.status).toBe(200);
      expect(await loadCalendar(db, world.municipality.id)).toEqual([]);
      const actions = await queryRows<{ action: string }>(
        db,
        sql`select action from admin_audit where entity = 'calendar_override' and entity_id = ${res.body.id as number} order by id`,
      );
      expect(actions.map((a) => a.action)).toEqual(["created", "deleted"]);
    });
  });

  describe("Open311 systems", () => {
    it("registers a system with its rules, never shows the key back, keeps it when the edit leaves it empty", async () => {
      const body = {
        organisationId: world.water.id,
        name: "Vodovod WO",
        baseUrl: "https://wo.vodovod.example/open311/v2/",
        apiKey: "tajni-kljuc-vodovoda-9876",
        jurisdictionId: "",
        active: true,
        rules: [{ categoryId: world.category.id, externalServiceCode: "LEAK" }],
      };
      const res = await callAs(postEndpoint, world.admin, {
        method: "POST",
        path: "/api/admin/open311-endpoints",
        body,
      });
      expect(res.status).toBe(201);
      const db = await getDb();
      const listed = await listOpen311Endpoints({
        db,
        scope: await loadAdminScope({ db, user: world.admin }),
      });
      expect(listed).toEqual([
        expect.objectContaining({
          baseUrl: "https://wo.vodovod.example/open311/v2",
          apiKeyMasked: "••••9876",
          rules: [{ categoryId: world.category.id, externalServiceCode: "LEAK" }],
        }),
      ]);
      expect(JSON.stringify(listed)).not.toContain("tajni-kljuc");
      const edit = await callAs(putEndpoint, world.admin, {
        method: "PUT",
        path: `/api/admin/open311-endpoints/${res.body.id}`,
        id: res.body.id as number,
        body: { ...body, apiKey: "", name: "Vodovod radni nalozi", rules: [] },
      });
      expect(edit.status).toBe(200);
      const [stored] = await db
        .select()
        .from(t.open311Endpoints)
        .where(eq(t.open311Endpoints.id, res.body.id as number));
      expect(stored).toMatchObject({ name: "Vodovod radni nalozi", apiKey: "tajni-kljuc-vodovoda-9876" });
      expect(
        await db.select().from(t.open311ForwardRules).where(eq(t.open311ForwardRules.endpointId, stored!.id)),
      ).toEqual([]);
      const audit = await queryRows<{ row: string }>(
        db,
        sql`select row_to_json(a)::text as row from admin_audit a where entity = 'open311_endpoint'`,
      );
      expect(audit).toHaveLength(2);
      expect(audit.map((a) => a.row).join()).not.toContain("tajni-kljuc");
      const noKey = await callAs(postEndpoint, world.admin, {
        method: "POST",
        path: "/api/admin/open311-endpoints",
        body: { ...body, baseUrl: "https://other.example/open311/v2", apiKey: "" },
      });
      expect(noKey.status).toBe(422);
      const denied = await callAs(postEndpoint, world.waterAdmin, {
        method: "POST",
        path: "/api/admin/open311-endpoints",
        body: { ...body, baseUrl: "https://other.example/open311/v2" },
      });
      expect(denied.status).toBe(403);
      expect(
        await db
          .select()
          .from(t.open311Endpoints)
          .where(eq(t.open311Endpoints.municipalityId, world.municipality.id)),
      ).toHaveLength(1);
    });
  });
});
