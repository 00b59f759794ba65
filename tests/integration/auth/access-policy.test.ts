import { sql } from "drizzle-orm";
import bcrypt from "bcryptjs";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { queryOne, queryRows } from "../../../db/query";
import * as t from "../../../db/schema";
import { loadAdminScope } from "../../../lib/admin/admin-scope";
import { createUser } from "../../../lib/admin/save-user";
import { actorOfUser } from "../../../lib/auth/actor";
import { asPublic, asStaff } from "../../../lib/auth/db-scope";
import { loadSessionUser, type SessionUser } from "../../../lib/auth/staff-user";
import { performReportAction } from "../../../lib/workflow/perform-report-action";
import {
  box,
  buildCategory,
  buildMunicipality,
  buildOrganisation,
  buildReport,
  uniqueCode,
} from "../../helpers/builders";
import { engine } from "../../helpers/engine";
import { sessionCookie, sessionUserOf, staffRequest } from "../../helpers/session";
import { hasPermission } from "../../../lib/auth/permissions";
import { GET as exportGET } from "../../../app/api/staff/analytics/export/route";
import { isChangeVisible } from "../../../lib/live/visible-change";
import { drawDistrictMap } from "../../../lib/analytics/draw-district-map";
import { defaultAnalyticsFilters } from "../../../lib/analytics/filters";
import { getAnalyticsOverview } from "../../../lib/analytics/get-analytics-overview";
import { listFilterChoices } from "../../../lib/analytics/list-filter-choices";
import { getPublicReport } from "../../../lib/reports/get-public-report";
import { listPublicReports } from "../../../lib/reports/list-public-reports";
import { listRequests } from "../../../lib/open311/requests";

/**
 * The access policy as the database enforces it (migration 0019), on both engines: each staff
 * member's claims are set as a request would set them, and raw reads of the policy-bearing tables
 * return only what the policy table below says. The table is the test's oracle, written from the
 * issue's rules, not from the migration.
 */
type Relation =
  "held" | "previously_held" | "other_org" | "private_category" | "anonymous" | "other_municipality";
type Role = "agent" | "agent_elsewhere" | "operator" | "org_admin" | "other_operator" | "planner" | "admin";

// What each role may read of a report in each relation to it: report row, reporter's contact.
const expected: Record<Role, Record<Relation, { report: boolean; contact: boolean }>> = {
  // The contact centre: every report of its municipality, with contacts.
  agent: {
    held: { report: true, contact: true },
    previously_held: { report: true, contact: true },
    other_org: { report: true, contact: true },
    private_category: { report: true, contact: true },
    anonymous: { report: true, contact: true },
    other_municipality: { report: false, contact: false },
  },
  // A contact centre of another municipality sees nothing here.
  agent_elsewhere: {
    held: { report: false, contact: false },
    previously_held: { report: false, contact: false },
    other_org: { report: false, contact: false },
    private_category: { report: false, contact: false },
    anonymous: { report: false, contact: false },
    other_municipality: { report: true, contact: true },
  },
  // The water utility: what it holds (contact unless anonymous) and what it held before (no contact).
  operator: {
    held: { report: true, contact: true },
    previously_held: { report: true, contact: false },
    other_org: { report: false, contact: false },
    private_category: { report: false, contact: false },
    anonymous: { report: true, contact: false },
    other_municipality: { report: false, contact: false },
  },
  org_admin: {
    held: { report: true, contact: true },
    previously_held: { report: true, contact: false },
    other_org: { report: false, contact: false },
    private_category: { report: false, contact: false },
    anonymous: { report: true, contact: false },
    other_municipality: { report: false, contact: false },
  },
  // The roads utility holds the private-category report and the forwarded one.
  other_operator: {
    held: { report: false, contact: false },
    previously_held: { report: true, contact: true },
    other_org: { report: true, contact: true },
    private_category: { report: true, contact: true },
    anonymous: { report: false, contact: false },
    other_municipality: { report: false, contact: false },
  },
  // Planners: every report of the municipality for statistics, never a contact.
  planner: {
    held: { report: true, contact: false },
    previously_held: { report: true, contact: false },
    other_org: { report: true, contact: false },
    private_category: { report: true, contact: false },
    anonymous: { report: true, contact: false },
    other_municipality: { report: false, contact: false },
  },
  admin: {
    held: { report: true, contact: true },
    previously_held: { report: true, contact: true },
    other_org: { report: true, contact: true },
    private_category: { report: true, contact: true },
    anonymous: { report: true, contact: true },
    other_municipality: { report: false, contact: false },
  },
};

async function orgMunicipality(organisationId: number): Promise<number | undefined> {
  const [o] = await (
    await getDb()
  )
    .select()
    .from(t.organisations)
    .where(sql`${t.organisations.id} = ${organisationId}`);
  return o?.municipalityId;
}

describe(`the access policy enforced by PostgreSQL on the ${engine} engine`, () => {
  const users = {} as Record<Role, SessionUser>;
  const reportOf = {} as Record<Relation, number>;
  const codeOf = {} as Record<Relation, string>;
  let waterId: number;
  let roadsId: number;
  let leakId: number;
  let precisionReportCode: string;
  let exactPosition: [number, number];
  let municipalityA: number;
  let deskBId: number;

  beforeAll(async () => {
    const db = await getDb();
    const a = await buildMunicipality({ boundary: box(21.3, 43.9, 21.5, 44.0) });
    const b = await buildMunicipality({ boundary: box(21.6, 43.9, 21.8, 44.0) });
    const desk = await buildOrganisation({ municipalityId: a.id, kind: "contact_centre", sector: null });
    const deskB = await buildOrganisation({ municipalityId: b.id, kind: "contact_centre", sector: null });
    const water = await buildOrganisation({ municipalityId: a.id, sector: "water" });
    const roads = await buildOrganisation({ municipalityId: a.id, sector: "roads" });
    const waterB = await buildOrganisation({ municipalityId: b.id, sector: "water" });
    waterId = water.id;
    roadsId = roads.id;
    municipalityA = a.id;
    deskBId = deskB.id;
    const leak = await buildCategory({ municipalityId: a.id });
    leakId = leak.id;
    const noise = await buildCategory({ municipalityId: a.id, isPublic: false });
    const leakB = await buildCategory({ municipalityId: b.id });
    const construction = await buildCategory({ municipalityId: a.id });
    await db
      .update(t.serviceCategories)
      .set({ locationPrecisionMetres: 200 })
      .where(sql`${t.serviceCategories.id} = ${construction.id}`);

    const member = async (
      role: SessionUser["roles"][number],
      municipalityId: number,
      organisationId: number | null,
    ) => {
      const [u] = await db
        .insert(t.users)
        .values({
          email: `${uniqueCode(role)}@policy.example`,
          name: role,
          passwordHash: await bcrypt.hash("x", 4),
        })
        .returning();
      await db.insert(t.memberships).values({ userId: u!.id, municipalityId, organisationId, role });
      return (await loadSessionUser(db, u!.id))!;
    };
    users.agent = await member("agent", a.id, desk.id);
    users.agent_elsewhere = await member("agent", b.id, deskB.id);
    users.operator = await member("utility_operator", a.id, water.id);
    users.org_admin = await member("org_admin", a.id, water.id);
    users.other_operator = await member("utility_operator", a.id, roads.id);
    users.planner = await member("planner", a.id, null);
    users.admin = await member("admin", a.id, null);

    const contact = { name: "Petar Prijavić", email: "petar@example.org", phone: "+381 64 123 4567" };
    const report = async (
      municipalityId: number,
      categoryId: number,
      organisationId: number,
      anonymous = false,
    ) => {
      const r = await buildReport({
        municipalityId,
        categoryId,
        position: [21.4 + Math.random() / 50, 43.95],
        contact,
      });
      await db.execute(
        sql`update reports set assigned_organisation_id = ${organisationId} where id = ${r.id}`,
      );
      if (anonymous)
        await db.execute(sql`update report_contacts set anonymous = true where report_id = ${r.id}`);
      return r;
    };
    reportOf.held = (await report(a.id, leak.id, water.id)).id;
    reportOf.anonymous = (await report(a.id, leak.id, water.id, true)).id;
    reportOf.other_org = (await report(a.id, leak.id, roads.id)).id;
    reportOf.private_category = (await report(a.id, noise.id, roads.id)).id;
    reportOf.other_municipality = (await report(b.id, leakB.id, waterB.id)).id;
    // Forwarded by the water utility to the roads utility: the water utility held it before.
    const forwarded = await report(a.id, leak.id, roads.id);
    reportOf.previously_held = forwarded.id;
    await db.insert(t.reportEvents).values({
      reportId: forwarded.id,
      municipalityId: a.id,
      kind: "forwarded",
      fromOrganisationId: water.id,
      toOrganisationId: roads.id,
    });
    for (const [relation, id] of Object.entries(reportOf) as Array<[Relation, number]>) {
      const [row] = await db
        .select()
        .from(t.reports)
        .where(sql`${t.reports.id} = ${id}`);
      codeOf[relation] = row!.trackingCode;
    }
    for (const id of Object.values(reportOf)) {
      const [r] = await db
        .select()
        .from(t.reports)
        .where(sql`${t.reports.id} = ${id}`);
      await db
        .insert(t.reportEvents)
        .values({ reportId: id, municipalityId: r!.municipalityId, kind: "created" });
      await db.execute(
        sql`insert into report_comments (report_id, municipality_id, body, state)
            values (${id}, ${r!.municipalityId}, 'I dalje curi.', 'held')`,
      );
    }
    exactPosition = [21.43217, 43.95123];
    const precise = await buildReport({
      municipalityId: a.id,
      categoryId: construction.id,
      position: exactPosition,
    });
    await db.execute(sql`update reports set address = 'Karađorđeva 17, Ćuprija' where id = ${precise.id}`);
    precisionReportCode = precise.trackingCode;
  });

  const ids = (rows: Array<{ id: number }>) => new Set(rows.map((r) => Number(r.id)));

  for (const role of Object.keys(expected) as Role[]) {
    it(`lets ${role} read exactly the reports, contacts and trails the policy table names`, async () => {
      const all = Object.values(reportOf);
      const seen = await asStaff(users[role].claims, async (db) => ({
        reports: ids(await queryRows<{ id: number }>(db, sql`select id from reports where id in ${all}`)),
        contacts: ids(
          await queryRows<{ id: number }>(
            db,
            sql`select report_id as id from report_contacts where report_id in ${all}`,
          ),
        ),
        events: ids(
          await queryRows<{ id: number }>(
            db,
            sql`select report_id as id from report_events where report_id in ${all}`,
          ),
        ),
        comments: ids(
          await queryRows<{ id: number }>(
            db,
            sql`select report_id as id from report_comments where report_id in ${all}`,
          ),
        ),
      }));
      for (const [relation, reportId] of Object.entries(reportOf) as Array<[Relation, number]>) {
        const want = expected[role][relation];
        expect(seen.reports.has(reportId), `${role} / ${relation}: report`).toBe(want.report);
        expect(seen.events.has(reportId), `${role} / ${relation}: trail`).toBe(want.report);
        expect(seen.comments.has(reportId), `${role} / ${relation}: citizens' comments`).toBe(want.report);
        expect(seen.contacts.has(reportId), `${role} / ${relation}: contact`).toBe(want.contact);
      }
    });
  }

  it("gives the public role no contact column, no report table, only the public views", async () => {
    // drizzle wraps the driver's error; PostgreSQL's own message is its cause.
    const refusal = (run: Promise<unknown>) =>
      run.then(
        () => "allowed",
        (err: Error & { cause?: Error }) => String(err.cause?.message ?? err.message),
      );
    expect(
      await refusal(asPublic((db) => queryRows(db, sql`select email from report_contacts limit 1`))),
    ).toMatch(/permission denied/);
    expect(await refusal(asPublic((db) => queryRows(db, sql`select * from reports limit 1`)))).toMatch(
      /permission denied/,
    );
    expect(await refusal(asPublic((db) => queryRows(db, sql`select email from permit_applicants`)))).toMatch(
      /permission denied/,
    );
    const visible = await asPublic((db) =>
      queryRows<{ id: number }>(
        db,
        sql`select id from public_reports where id in ${Object.values(reportOf)}`,
      ),
    );
    // Private categories are not public; every other report is, in its public projection.
    expect(ids(visible).has(reportOf.private_category)).toBe(false);
    expect(ids(visible).has(reportOf.held)).toBe(true);
  });

  it("ends the claims with the transaction: the next one on the same connection sees nothing as staff", async () => {
    await asStaff(users.operator.claims, async () => undefined);
    const db = await getDb();
    const [row] = await queryRows<{ role: string; claim: string | null }>(
      db,
      sql`select current_user as role, current_setting('civic.orgs', true) as claim`,
    );
    expect(row!.role).not.toBe("civic_staff");
    expect(row!.claim ?? "").toBe("");
  });

  it("lets staff add an event only to a report they can see, refusing it at once and keeping nothing", async () => {
    const db = await getDb();
    const events = async (reportId: number) =>
      (
        await queryRows<{ n: number }>(
          db,
          sql`select count(*)::int as n from report_events where report_id = ${reportId}`,
        )
      )[0]!.n;
    // The report named by id and municipality, as a handler that forgot its own check would; a
    // forged first event as well as a note.
    const add = async (reportId: number, kind: "internal_note" | "created") => {
      const [report] = await queryRows<{ municipality_id: number }>(
        db,
        sql`select municipality_id from reports where id = ${reportId}`,
      );
      return asStaff(users.operator.claims, (tx) =>
        tx.execute(
          sql`insert into report_events (report_id, municipality_id, kind, internal_note)
              values (${reportId}, ${report!.municipality_id}, ${kind}::report_event_kind, 'Ekipa je na terenu.')`,
        ),
      ).then(
        () => "allowed",
        (err: Error & { cause?: Error }) => String(err.cause?.message ?? err.message),
      );
    };
    const before = await events(reportOf.other_org);
    // The roads utility's report, which the water utility's operator cannot see.
    expect(await add(reportOf.other_org, "internal_note")).toMatch(/row-level security/);
    expect(await add(reportOf.other_org, "created")).toMatch(/row-level security/);
    expect(await events(reportOf.other_org)).toBe(before);
    const held = await events(reportOf.held);
    expect(await add(reportOf.held, "internal_note")).toBe("allowed");
    expect(await events(reportOf.held)).toBe(held + 1);
  });

  it("takes a created event without looking the report up only in the statement that files the report", async () => {
    // A water crew files a problem the roads utility handles (the insert policy allows it in their
    // municipality); they cannot see it afterwards. The report written by one statement and its
    // first event by the next is checked for visibility like any event, though its id is the one
    // this session just drew; written together, the event is the filing's own.
    const municipalityId = (await queryOne<{ id: number }>(
      await getDb(),
      sql`select municipality_id as id from reports where id = ${reportOf.held}`,
    ))!.id;
    const insertReport = (code: string) =>
      sql`insert into reports (tracking_code, municipality_id, category_id, location, description, channel, assigned_organisation_id)
          values (${code}, ${municipalityId}, ${leakId}, ST_SetSRID(ST_MakePoint(21.41, 43.95), 4326),
                  'Udarna rupa kod šahta.', 'field', ${roadsId})`;
    const separate = uniqueCode("SEP");
    const refused = await asStaff(users.operator.claims, async (tx) => {
      await tx.execute(insertReport(separate));
      await tx.execute(
        sql`insert into report_events (report_id, municipality_id, kind)
            values (currval('reports_id_seq'), ${municipalityId}, 'created')`,
      );
    }).then(
      () => "allowed",
      (err: Error & { cause?: Error }) => String(err.cause?.message ?? err.message),
    );
    expect(refused).toMatch(/row-level security/);
    const together = uniqueCode("ONE");
    await asStaff(users.operator.claims, (tx) =>
      tx.execute(
        sql`with filed as (${insertReport(together)} returning true)
            insert into report_events (report_id, municipality_id, kind, actor_user_id)
            select currval('reports_id_seq'), ${municipalityId}, 'created', ${users.operator.id} from filed`,
      ),
    );
    const written = await queryRows<{ code: string; events: number }>(
      await getDb(),
      sql`select r.tracking_code as code, (select count(*)::int from report_events e where e.report_id = r.id) as events
          from reports r where r.tracking_code in (${separate}, ${together})`,
    );
    expect(written).toEqual([{ code: together, events: 1 }]);
  });

  it("gives a permit holder's notice address to staff of the permit's municipality only, for a permit in the public record", async () => {
    const db = await getDb();
    const municipalityId = (await queryOne<{ id: number }>(
      db,
      sql`select municipality_id as id from reports where id = ${reportOf.held}`,
    ))!.id;
    const permit = async (status: "active" | "applied") => {
      const [row] = await db
        .insert(t.permits)
        .values({
          municipalityId,
          reference: uniqueCode("352"),
          kind: "excavation",
          status,
          holderName: "Petar Investitor",
          holderIsCompany: false,
          worksDescription: "Priključak",
          site: { type: "MultiPolygon", coordinates: [box(21.41, 43.94, 21.411, 43.941).coordinates] },
          validFrom: "2026-01-01",
          validTo: "2099-12-31",
        })
        .returning({ id: t.permits.id });
      await db
        .insert(t.permitApplicants)
        .values({ permitId: row!.id, name: "Petar Investitor", email: `holder-${row!.id}@example.org` });
      return row!.id;
    };
    const active = await permit("active");
    const applied = await permit("applied");
    const noticeTo = (id: number) => sql`select civic_permit_holder_notice_to(${id})->>'email' as email`;
    const asUser = async (role: Role, id: number) =>
      (await asStaff(users[role].claims, (tx) => queryOne<{ email: string | null }>(tx, noticeTo(id))))!
        .email;
    // A crew of the municipality, which cannot read applicants, gets the address for the notice.
    expect(
      await asStaff(users.operator.claims, (tx) =>
        queryRows(tx, sql`select email from permit_applicants where permit_id = ${active}`),
      ),
    ).toEqual([]);
    expect(await asUser("operator", active)).toBe(`holder-${active}@example.org`);
    // Not for an application still in the office, not to another municipality's staff, not to the public.
    expect(await asUser("operator", applied)).toBeNull();
    expect(await asUser("agent_elsewhere", active)).toBeNull();
    const publicAnswer = await asPublic((tx) =>
      queryOne<{ email: string | null }>(tx, noticeTo(active)),
    ).then(
      (row) => row?.email ?? null,
      () => null,
    );
    expect(publicAnswer).toBeNull();
  });

  it("refuses desk rights outside a contact centre, whoever writes the membership", async () => {
    const db = await getDb();
    await expect(
      db.insert(t.memberships).values({
        userId: users.org_admin.id,
        municipalityId: users.org_admin.memberships[0]!.municipalityId,
        organisationId: waterId,
        role: "agent",
      }),
    ).rejects.toThrow();
    const agentRoles = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from memberships where user_id = ${users.org_admin.id} and role = 'agent'`,
    );
    expect(agentRoles[0]!.n).toBe(0);
  });

  it("does not let an organisation's administrator give the contact-centre role, even to their own staff", async () => {
    const db = await getDb();
    const scope = await loadAdminScope({ db, user: users.org_admin });
    await expect(
      createUser({
        db,
        scope,
        actorUserId: users.org_admin.id,
        user: {
          email: `${uniqueCode("new")}@policy.example`,
          name: "Novi Agent",
          locale: "sr-Latn",
          initialPassword: "privremena-lozinka-123",
          memberships: [{ role: "agent", organisationId: waterId, isLead: false }],
        },
      }),
    ).rejects.toMatchObject({
      messageKey: expect.stringMatching(/roleNotGrantable|agentOutsideContactCentre/),
    });
  });

  it("keeps the permits office's role to the municipality or a department, whoever grants it", async () => {
    const db = await getDb();
    const municipalityId = users.org_admin.memberships[0]!.municipalityId;
    // The water utility's administrator cannot make their staff read every applicant of the municipality …
    const scope = await loadAdminScope({ db, user: users.org_admin });
    const email = `${uniqueCode("dozvole")}@policy.example`;
    await expect(
      createUser({
        db,
        scope,
        actorUserId: users.org_admin.id,
        user: {
          email,
          name: "Lažni Referent",
          locale: "sr-Latn",
          initialPassword: "privremena-lozinka-123",
          memberships: [{ role: "permit_officer", organisationId: waterId, isLead: false }],
        },
      }),
    ).rejects.toMatchObject({ messageKey: "permitOfficerOutsideDepartment" });
    expect(await queryOne(db, sql`select id from users where email = ${email}`)).toBeUndefined();
    // … nor can anyone write such a membership past the application.
    await expect(
      db.insert(t.memberships).values({
        userId: users.operator.id,
        municipalityId,
        organisationId: waterId,
        role: "permit_officer",
      }),
    ).rejects.toThrow();
    // A row from before the rule grants nothing: no permits claim, no permit register.
    const held = sessionUserOf({
      id: users.operator.id,
      memberships: [{ role: "permit_officer", organisationId: waterId, municipalityId }],
    });
    expect(held.claims.permits).toEqual([]);
    expect(hasPermission(held, "permits.manage")).toBe(false);
    // Municipality-wide, the permits office's role holds as before.
    const office = sessionUserOf({
      id: users.operator.id,
      memberships: [{ role: "permit_officer", organisationId: null, municipalityId }],
    });
    expect(office.claims.permits).toEqual([municipalityId]);
    expect(hasPermission(office, "permits.manage")).toBe(true);
  });

  it("does not let a duplicate point at a report the actor cannot see", async () => {
    const db = await getDb();
    const [held] = await db
      .select()
      .from(t.reports)
      .where(sql`${t.reports.id} = ${reportOf.held}`);
    await expect(
      asStaff(users.operator.claims, (tx) =>
        performReportAction({
          db: tx,
          reportId: reportOf.held,
          expectedVersion: held!.version,
          actor: actorOfUser(users.operator),
          action: { type: "mark_duplicate", duplicateOfId: reportOf.private_category } as never,
        }),
      ),
    ).rejects.toMatchObject({ messageKey: "duplicateTargetNotFound" });
    const [after] = await db
      .select()
      .from(t.reports)
      .where(sql`${t.reports.id} = ${reportOf.held}`);
    expect(after!.duplicateOfId).toBeNull();
    expect(after!.status).toBe(held!.status);
  });

  it("lets a person with roles in two municipalities act in each only with the role held there", async () => {
    const db = await getDb();
    // The contact centre's agent in municipality B also works for the water utility of A.
    const [u] = await db
      .insert(t.users)
      .values({ email: `${uniqueCode("both")}@policy.example`, name: "Dvojna uloga" })
      .returning();
    await db.insert(t.memberships).values([
      { userId: u!.id, municipalityId: municipalityA, organisationId: waterId, role: "utility_operator" },
      {
        userId: u!.id,
        municipalityId: (await orgMunicipality(deskBId))!,
        organisationId: deskBId,
        role: "agent",
      },
    ]);
    const both = (await loadSessionUser(db, u!.id))!;
    const leakInA = await buildReport({
      municipalityId: municipalityA,
      categoryId: leakId,
      position: [21.41, 43.95],
    });
    await db.execute(sql`update reports set assigned_organisation_id = ${waterId} where id = ${leakInA.id}`);
    const act = (action: object) =>
      asStaff(both.claims, async (tx) => {
        const [r] = await tx
          .select()
          .from(t.reports)
          .where(sql`${t.reports.id} = ${leakInA.id}`);
        return performReportAction({
          db: tx,
          reportId: leakInA.id,
          expectedVersion: r!.version,
          actor: actorOfUser(both),
          action: action as never,
        });
      });
    const status = async () =>
      (
        await db
          .select()
          .from(t.reports)
          .where(sql`${t.reports.id} = ${leakInA.id}`)
      )[0]!.status;
    // In A they are the water utility's operator: no desk steps (B's desk does not reach A) …
    await expect(act({ type: "transition", to: "triaged" })).rejects.toMatchObject({
      messageKey: "actionNotAllowed",
    });
    expect(await status()).toBe("received");
    // … but what the operator of the holding utility does.
    await act({ type: "transition", to: "in_progress" });
    await act({ type: "transition", to: "resolved", publicText: "Popravljeno." });
    expect(await status()).toBe("resolved");
    await expect(act({ type: "transition", to: "closed" })).rejects.toMatchObject({
      messageKey: "actionNotAllowed",
    });
    expect(await status()).toBe("resolved");
  });

  it("publishes a precision-limited report at the same reduced point, with the street only, on every public read", async () => {
    const [row] = await asPublic((db) =>
      queryRows<{ lng: number; lat: number; address: string | null; exact_lng: number }>(
        db,
        sql`select ST_X(location) as lng, ST_Y(location) as lat, address, 0 as exact_lng
            from public_reports where tracking_code = ${precisionReportCode}`,
      ),
    );
    expect(row!.address).toBe("Karađorđeva");
    // Moved to the centre of a 200 m cell: not the pin, and within the cell.
    const metres = Math.hypot(
      (Number(row!.lng) - exactPosition[0]) * 111_320 * Math.cos((exactPosition[1] * Math.PI) / 180),
      (Number(row!.lat) - exactPosition[1]) * 111_320,
    );
    expect(metres).toBeGreaterThan(1);
    expect(metres).toBeLessThan(200 * Math.SQRT2);
    // Staff see the exact pin.
    const [exact] = await asStaff(users.admin.claims, (db) =>
      queryRows<{ lng: number }>(
        db,
        sql`select ST_X(location) as lng from reports where tracking_code = ${precisionReportCode}`,
      ),
    );
    expect(Number(exact!.lng)).toBeCloseTo(exactPosition[0], 6);
  });

  it("exports for an organisation's administrator only the reports row-level security shows them", async () => {
    const response = await exportGET(
      staffRequest("/api/staff/analytics/export?format=csv", {
        cookie: await sessionCookie(users.org_admin),
      }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(200);
    const csv = await response.text();
    for (const relation of Object.keys(reportOf) as Relation[])
      expect(csv.includes(codeOf[relation]), `export / ${relation}`).toBe(
        expected.org_admin[relation].report,
      );
    expect(csv).not.toContain("Petar Prijavić");
  });

  it("counts in the analytics workspace, for each staff member, the reports row-level security shows them", async () => {
    const counted = async (who: SessionUser) =>
      asStaff(who.claims, async (db) => {
        const now = new Date();
        const overview = await getAnalyticsOverview({
          db,
          municipalityId: municipalityA,
          filters: defaultAnalyticsFilters(now),
          locale: "sr-Latn",
          now,
        });
        // The summary's district map and the filter choices read under the same role.
        await drawDistrictMap({ db, municipalityId: municipalityA });
        await listFilterChoices({ db, municipalityId: municipalityA, locale: "sr-Latn" });
        const visible = await queryOne<{ n: number }>(
          db,
          sql`select count(*)::int as n from reports where municipality_id = ${municipalityA}`,
        );
        return { figures: overview.key.reports, visible: visible!.n };
      });
    const orgAdmin = await counted(users.org_admin);
    const desk = await counted(users.agent);
    expect(orgAdmin.figures).toBe(orgAdmin.visible);
    expect(desk.figures).toBe(desk.visible);
    // The water utility's administrator does not count the roads utility's or the private reports.
    expect(orgAdmin.figures).toBeLessThan(desk.figures);
  });

  it("tells the live queue of a change only those who may read the report", async () => {
    const change = (relation: Relation) => ({
      reportId: reportOf[relation],
      code: codeOf[relation],
      status: "received" as const,
      updatedAt: new Date().toISOString(),
      organisationId: null,
      municipalityId: 0,
    });
    for (const role of ["operator", "agent", "agent_elsewhere"] as Role[])
      for (const relation of ["held", "other_org", "private_category"] as Relation[])
        expect(await isChangeVisible(users[role].claims, change(relation)), `${role} / ${relation}`).toBe(
          expected[role][relation].report,
        );
  });

  it("puts the blurred report at the same point in the map, the report page and Open311", async () => {
    const [view] = await asPublic((db) =>
      queryRows<{ lng: number; lat: number; municipality_id: number }>(
        db,
        sql`select ST_X(location) as lng, ST_Y(location) as lat, municipality_id from public_reports where tracking_code = ${precisionReportCode}`,
      ),
    );
    const page = await asPublic((db) => getPublicReport({ db, code: precisionReportCode, locale: "en" }));
    expect(page!.position[0]).toBeCloseTo(Number(view!.lng), 5);
    expect(page!.position[1]).toBeCloseTo(Number(view!.lat), 5);
    expect(page!.address).toBe("Karađorđeva");
    const map = await asPublic((db) =>
      listPublicReports({
        db,
        bbox: [
          Number(view!.lng) - 0.01,
          Number(view!.lat) - 0.01,
          Number(view!.lng) + 0.01,
          Number(view!.lat) + 0.01,
        ],
        locale: "en",
      }),
    );
    const feature = map.features.find((f) => f.properties.code === precisionReportCode)!;
    expect(feature.geometry.coordinates[0]).toBeCloseTo(Number(view!.lng), 5);
    expect(feature.geometry.coordinates[1]).toBeCloseTo(Number(view!.lat), 5);
    const open311 = await asPublic((db) =>
      listRequests({
        db,
        locale: "en",
        baseUrl: "http://localhost",
        query: {
          municipalityId: view!.municipality_id,
          ids: [precisionReportCode],
          page: 1,
          pageSize: 10,
        } as never,
      }),
    );
    const request = open311[0] as Record<string, unknown>;
    expect(Number(request.long)).toBeCloseTo(Number(view!.lng), 5);
    expect(Number(request.lat)).toBeCloseTo(Number(view!.lat), 5);
    expect(request.address).toBe("Karađorđeva");
  });

  it("lets the permits office read the reports linked to its permits, and no reporter's contact", async () => {
    const db = await getDb();
    const municipalityId = users.operator.memberships[0]!.municipalityId;
    const [officerRow] = await db
      .insert(t.users)
      .values({ email: `${uniqueCode("permits")}@policy.example`, name: "Referent", passwordHash: null })
      .returning();
    await db
      .insert(t.memberships)
      .values({ userId: officerRow!.id, municipalityId, organisationId: null, role: "permit_officer" });
    const officer = (await loadSessionUser(db, officerRow!.id))!;
    const [permit] = await queryRows<{ id: number }>(
      db,
      sql`insert into permits (municipality_id, reference, kind, status, holder_name, works_description, site, valid_from, valid_to)
          values (${municipalityId}, ${uniqueCode("344")}, 'excavation', 'active', 'JKP Vodovod', 'Zamena cevi',
                  ST_Multi(ST_MakeEnvelope(21.3, 43.9, 21.5, 44.0, 4326)), '2026-11-01', '2026-12-31')
          returning id`,
    );
    await db.execute(
      sql`insert into report_permits (report_id, municipality_id, permit_id, distance_metres)
          values (${reportOf.other_org}, ${municipalityId}, ${permit!.id}, 0)`,
    );
    const seen = await asStaff(officer.claims, async (tx) => ({
      reports: ids(
        await queryRows<{ id: number }>(
          tx,
          sql`select id from reports where id in ${Object.values(reportOf)}`,
        ),
      ),
      contacts: ids(
        await queryRows<{ id: number }>(
          tx,
          sql`select report_id as id from report_contacts where report_id in ${Object.values(reportOf)}`,
        ),
      ),
    }));
    expect([...seen.reports]).toEqual([reportOf.other_org]);
    expect(seen.contacts.size).toBe(0);
  });
});
