import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { queryOne } from "../../../db/query";
import { seedDemo } from "../../../db/seed/seed-demo";
import { loadSessionUser, type SessionUser } from "../../../lib/auth/staff-user";
import { GET as exportGET } from "../../../app/api/staff/analytics/export/route";
import { GET as figuresGET } from "../../../app/api/staff/analytics/figures/route";
import { GET as mapGET } from "../../../app/api/staff/analytics/map/route";
import { engine } from "../../helpers/engine";
import { sessionCookie, staffRequest } from "../../helpers/session";

const ctx = { params: Promise.resolve({}) };

describe(`the analytics API on the ${engine} engine`, () => {
  let planner: SessionUser;
  const period = "from=2025-11-21&to=2026-11-20";

  beforeAll(async () => {
    const db = await getDb();
    await seedDemo(db, { reportCount: 150, permitCount: 1, today: new Date("2026-11-20T10:00:00Z") });
    const row = await queryOne<{ id: number }>(
      db,
      sql`select id from users where email = 'planner@cuprija.example'`,
    );
    planner = (await loadSessionUser(db, row!.id))!;
  });

  const get = async (handler: typeof figuresGET, path: string) =>
    handler(staffRequest(path, { cookie: await sessionCookie(planner) }), ctx);

  it("seeds a population for every district, so rates per 1,000 inhabitants exist", async () => {
    const response = await get(figuresGET, `/api/staff/analytics/figures?figure=districts&${period}`);
    const table = (await response.json()) as {
      rows: Array<{ population: number | null; reports: number; per_1000_inhabitants: number | null }>;
    };
    expect(table.rows).toHaveLength(18);
    expect(
      table.rows.every((r) => r.population !== null && r.population > 0 && r.per_1000_inhabitants !== null),
    ).toBe(true);
    expect(table.rows.reduce((n, r) => n + r.reports, 0)).toBeGreaterThan(100);
  });

  it("downloads a figure as CSV and the filtered reports with a row count that matches the key figures", async () => {
    const csv = await (
      await get(figuresGET, `/api/staff/analytics/figures?figure=channels&format=csv&${period}`)
    ).text();
    expect(csv.split("\r\n")[0]).toBe("channel,reports");
    const key = (await (
      await get(
        figuresGET,
        `/api/staff/analytics/figures?figure=key-figures&${period}&category=illegal_dumping`,
      )
    ).json()) as { rows: Array<{ reports: number }> };
    const response = await get(
      exportGET,
      `/api/staff/analytics/export?format=csv&${period}&category=illegal_dumping`,
    );
    expect(response.headers.get("x-total-count")).toBe(String(key.rows[0]!.reports));
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines).toHaveLength(key.rows[0]!.reports + 1);
    expect(lines.slice(1).every((l) => l.split(",")[2] === "illegal_dumping")).toBe(true);
  });

  it("serves aggregated map layers, never the reports themselves", async () => {
    const hexagons = (await (
      await get(mapGET, `/api/staff/analytics/map?layer=hexagons&zoom=13&${period}`)
    ).json()) as { features: Array<{ geometry: { type: string }; properties: Record<string, unknown> }> };
    expect(hexagons.features.length).toBeGreaterThan(0);
    expect(
      hexagons.features.every(
        (f) => f.geometry.type === "Polygon" && Object.keys(f.properties).join() === "reports",
      ),
    ).toBe(true);
  });

  it("refuses bad filters with a localized message and bad choices by name", async () => {
    const bad = await get(
      figuresGET,
      `/api/staff/analytics/figures?from=2026-10-01&to=2026-09-01&lang=sr-Latn`,
    );
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toContain("Filter analitike nije ispravan");
    const figure = await get(figuresGET, `/api/staff/analytics/figures?figure=salaries&lang=en`);
    expect(figure.status).toBe(400);
    expect(((await figure.json()) as { error: { message: string } }).error.message).toBe(
      'The parameter "figure" has a value that is not offered.',
    );
    expect((await get(exportGET, `/api/staff/analytics/export?format=xlsx`)).status).toBe(400);
    expect((await get(mapGET, `/api/staff/analytics/map?zoom=99`)).status).toBe(400);
  });
});
