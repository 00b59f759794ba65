import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { queryOne, queryRows } from "../../../db/query";
import { seedDemo } from "../../../db/seed/seed-demo";
import { categorySeeds, districtSeeds, userSeeds } from "../../../db/seed/cuprija";
import { geocodeAddress } from "../../../lib/places/geocode-address";
import { canTransition, type ReportStatus } from "../../../lib/workflow/states";
import { engine } from "../../helpers/engine";

const today = new Date("2026-11-20T10:00:00Z");

/** A fingerprint of everything the seed writes, to prove a second run changes nothing. */
async function fingerprint() {
  const db = await getDb();
  return queryOne<Record<string, string | number>>(
    db,
    sql`select
          (select count(*)::int from municipalities) as municipalities,
          (select count(*)::int from districts) as districts,
          (select count(*)::int from organisations) as organisations,
          (select count(*)::int from service_categories) as categories,
          (select count(*)::int from users) as users,
          (select count(*)::int from memberships) as memberships,
          (select count(*)::int from reports) as reports,
          (select count(*)::int from report_contacts) as contacts,
          (select count(*)::int from report_events) as events,
          (select count(*)::int from permits) as permits,
          (select md5(string_agg(tracking_code || status || coalesce(assigned_organisation_id, 0) || version, ',' order by id)) from reports) as reports_hash`,
  );
}

describe(`the demo seed on the ${engine} engine`, () => {
  let first: Awaited<ReturnType<typeof fingerprint>>;

  beforeAll(async () => {
    const result = await seedDemo(await getDb(), { today });
    expect(result).toEqual({ created: true, reports: 500, permits: 30 });
    first = await fingerprint();
  });

  it("creates Ćuprija with its districts, organisations, categories and one user per role", () => {
    expect(first).toMatchObject({
      municipalities: 1,
      districts: districtSeeds.length,
      organisations: 11,
      categories: categorySeeds.length,
      users: userSeeds.length,
      reports: 500,
      contacts: 500,
      permits: 30,
    });
    expect(categorySeeds.length).toBeGreaterThanOrEqual(20);
    expect(new Set(userSeeds.map((u) => u.role)).size).toBe(8);
  });

  it("has address points on Karađorđeva, so the geocoder answers house numbers there at precision address", async () => {
    const db = await getDb();
    const found = await geocodeAddress({ db, query: "Karađorđeva 10a, Ćuprija", locale: "sr-Latn" });
    expect(found).toMatchObject({ matched: "Karađorđeva 10a, Ćuprija", precision: "address" });
    const inside = await queryOne<{ inside: boolean }>(
      db,
      sql`select ST_Covers(boundary, ST_SetSRID(ST_MakePoint(${found!.position[0]}, ${found!.position[1]}), 4326)) as inside from municipalities`,
    );
    expect(inside!.inside).toBe(true);
    expect((await geocodeAddress({ db, query: "Karađorđeva 40", locale: "en" }))!.precision).toBe(
      "interpolated",
    );
  });

  it("partitions the municipality into districts without gaps or overlaps", async () => {
    const row = await queryOne<{ boundary_m2: number; districts_m2: number; overlap_m2: number }>(
      await getDb(),
      sql`select ST_Area(m.boundary::geography) as boundary_m2,
                 (select sum(ST_Area(area::geography)) from districts) as districts_m2,
                 (select coalesce(sum(ST_Area(ST_Intersection(a.area, b.area)::geography)), 0)
                    from districts a join districts b on a.id < b.id and ST_Intersects(a.area, b.area)) as overlap_m2
          from municipalities m`,
    );
    expect(Number(row!.districts_m2) / Number(row!.boundary_m2)).toBeCloseTo(1, 4);
    expect(Number(row!.overlap_m2)).toBeLessThan(1);
  });

  it("puts every report inside the municipality and its district", async () => {
    const row = await queryOne<{ outside: number; wrong_district: number }>(
      await getDb(),
      sql`select
            count(*) filter (where not ST_Covers(m.boundary, r.location))::int as outside,
            count(*) filter (where d.id is null or not ST_Covers(d.area, r.location))::int as wrong_district
          from reports r join municipalities m on m.id = r.municipality_id
          left join districts d on d.id = r.district_id`,
    );
    expect(row).toEqual({ outside: 0, wrong_district: 0 });
  });

  it("gives every report an owner, a due date and reports in every status", async () => {
    const db = await getDb();
    const missing = await queryOne<{ n: number }>(
      db,
      sql`select count(*)::int as n from reports where assigned_organisation_id is null or due_at is null`,
    );
    expect(missing!.n).toBe(0);
    const statuses = await queryRows<{ status: string }>(
      db,
      sql`select distinct status from reports order by 1`,
    );
    expect(statuses.map((s) => s.status)).toEqual(
      expect.arrayContaining([
        "received",
        "assigned",
        "in_progress",
        "action_scheduled",
        "resolved",
        "closed",
        "rejected",
        "reopened",
      ]),
    );
  });

  it("writes an audit trail that replays to each report's current status through allowed transitions", async () => {
    const db = await getDb();
    const events = await queryRows<{
      report_id: number;
      kind: string;
      from_status: ReportStatus | null;
      to_status: ReportStatus | null;
    }>(
      db,
      sql`select report_id, kind, from_status, to_status from report_events order by report_id, created_at, id`,
    );
    const reports = await queryRows<{
      id: number;
      status: ReportStatus;
      version: number;
      closed_at: unknown;
    }>(db, sql`select id, status, version, closed_at from reports`);
    const byReport = new Map<number, typeof events>();
    for (const e of events) byReport.set(e.report_id, [...(byReport.get(e.report_id) ?? []), e]);
    for (const report of reports) {
      const trail = byReport.get(report.id) ?? [];
      expect(trail[0]?.kind).toBe("created");
      let state: ReportStatus = trail[0]!.to_status!;
      for (const event of trail.slice(1)) {
        expect(event.from_status).toBe(state);
        if (event.kind === "escalated") continue;
        expect(canTransition(state, event.to_status!)).toBe(true);
        state = event.to_status!;
      }
      expect(state).toBe(report.status);
      expect(report.version).toBe(trail.length);
      if (report.status === "closed") expect(report.closed_at).not.toBeNull();
    }
  });

  it("changes nothing when run a second time", async () => {
    const result = await seedDemo(await getDb(), { today });
    expect(result.created).toBe(false);
    expect(await fingerprint()).toEqual(first);
  });
});

describe(`the demo citizen's reports on the ${engine} engine`, () => {
  it("owns several seeded reports, one of them resolved lately, and follows and supports others", async () => {
    const db = await getDb();
    await seedDemo(db, { today });
    const rows = await queryRows<{ relation: string; status: string }>(
      db,
      sql`select 'filed' as relation, r.status::text as status from report_contacts c join reports r on r.id = c.report_id
            join users u on u.id = c.user_id where u.email = 'citizen@cuprija.example'
          union all
          select case when f.supported then 'supported' else 'following' end, r.status::text from report_followers f
            join reports r on r.id = f.report_id join users u on u.id = f.user_id where u.email = 'citizen@cuprija.example'`,
    );
    const filed = rows.filter((r) => r.relation === "filed");
    expect(filed.length).toBeGreaterThanOrEqual(4);
    expect(filed.map((r) => r.status)).toContain("resolved");
    expect(rows.filter((r) => r.relation === "supported")).toHaveLength(1);
    expect(rows.filter((r) => r.relation === "following")).toHaveLength(2);
  });
});
