import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { Client } from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { queryOne } from "../../../db/query";
import type { RateLimit } from "../../../lib/abuse/rate-limit";
import { AppError } from "../../../lib/errors";
import { fileReport } from "../../../lib/reports/file-report";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";

/** Rows of every table a filing writes. */
async function written() {
  return queryOne<Record<string, number>>(
    await getDb(),
    sql`select (select count(*)::int from reports) as reports, (select count(*)::int from report_events) as events,
               (select count(*)::int from report_contacts) as contacts, (select count(*)::int from outbox_messages) as outbox,
               (select count(*)::int from report_forwards) as forwards, (select count(*)::int from report_permits) as permit_links,
               (select count(*)::int from moderation_flags) as flags`,
  );
}

/**
 * A change saved by someone else: on the server through a connection of its own (an admin's
 * request in another app process), on the embedded engine through its one connection.
 */
async function elsewhere(statement: string, values: unknown[]): Promise<void> {
  if (engine === "server") {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query(statement, values);
    } finally {
      await client.end();
    }
    return;
  }
  const db = await getDb();
  await db.execute(
    sql.raw(statement.replace(/\$(\d+)/g, (_, n: string) => `'${String(values[Number(n) - 1])}'`)),
  );
}

describe(`a filing's statements on the ${engine} engine`, () => {
  let world: Awaited<ReturnType<typeof buildWorkflowWorld>>;

  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 22.9, south: 42.9 });
  });

  const report = (extra: object = {}) => ({
    serviceCode: world.category.serviceCode,
    position: world.inside,
    description: "Rupa na kolovozu.",
    contact: { email: "replay@mail.example" },
    ...extra,
  });

  it("answers a filing replayed with the same key with the same report, and writes nothing", async () => {
    const db = await getDb();
    const submissionKey = randomUUID();
    const first = await fileReport({ db, report: report({ submissionKey }) });
    expect(first.created).toBe(true);
    const before = await written();
    const again = await fileReport({ db, report: report({ submissionKey, description: "Drugi put." }) });
    expect(again).toMatchObject({
      id: first.id,
      trackingCode: first.trackingCode,
      status: first.status,
      dueAt: first.dueAt,
      assignedOrganisationId: first.assignedOrganisationId,
      created: false,
    });
    expect(await written()).toEqual(before);
  });

  it("sees a category's new service standard and a holiday saved elsewhere just before it", async () => {
    const db = await getDb();
    const now = new Date("2026-11-20T09:00:00Z"); // Friday
    const before = await fileReport({ db, now, report: report() });
    // Two working days: Tuesday 24 November.
    expect(before.dueAt.toISOString()).toBe("2026-11-24T22:59:59.999Z");
    await elsewhere("update service_categories set sla_working_days = 3 where id = $1", [world.category.id]);
    await elsewhere(
      "insert into calendar_overrides (municipality_id, date, is_working, reason) values ($1, $2, false, $3)",
      [world.municipality.id, "2026-11-24", "Test holiday"],
    );
    const after = await fileReport({ db, now, report: report() });
    // Three working days, Tuesday off: Thursday 26 November.
    expect(after.dueAt.toISOString()).toBe("2026-11-26T22:59:59.999Z");
    const stored = await queryOne<{ due_at: Date | string }>(
      db,
      sql`select due_at from reports where id = ${after.id}`,
    );
    expect(new Date(stored!.due_at).toISOString()).toBe("2026-11-26T22:59:59.999Z");
    await elsewhere("update service_categories set sla_working_days = 2 where id = $1", [world.category.id]);
    await elsewhere("delete from calendar_overrides where municipality_id = $1 and date = $2", [
      world.municipality.id,
      "2026-11-24",
    ]);
  });

  it("counts a citizen's submissions in the filing and refuses the one over the limit, writing nothing", async () => {
    const db = await getDb();
    const rule: RateLimit = { name: `filing-test-${randomUUID()}`, limit: 2, windowSeconds: 600 };
    const rateLimits = [{ rule, key: "192.0.2.7" }];
    await fileReport({ db, report: report(), rateLimits });
    await fileReport({ db, report: report(), rateLimits });
    const before = await written();
    const refused = await fileReport({ db, report: report(), rateLimits }).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("rate_limited");
    expect(await written()).toEqual(before);
    const hits = await queryOne<{ count: number }>(
      db,
      sql`select sum(count)::int as count from rate_limit_hits where key = ${`${rule.name}:192.0.2.7`}`,
    );
    expect(hits?.count).toBe(3);
  });

  it("never files past a limit when filings at it race, and counts every attempt", async () => {
    const db = await getDb();
    const rule: RateLimit = { name: `filing-race-${randomUUID()}`, limit: 3, windowSeconds: 600 };
    const rateLimits = [{ rule, key: "192.0.2.8" }];
    const before = (await written())!.reports;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        fileReport({ db, report: report(), rateLimits }).then(
          () => "filed",
          (err: unknown) => (err instanceof AppError ? err.code : String(err)),
        ),
      ),
    );
    expect(answers.filter((a) => a === "filed")).toHaveLength(3);
    expect(answers.filter((a) => a === "rate_limited")).toHaveLength(3);
    expect((await written())!.reports).toBe(before! + 3);
    const hits = await queryOne<{ count: number }>(
      db,
      sql`select sum(count)::int as count from rate_limit_hits where key = ${`${rule.name}:192.0.2.8`}`,
    );
    expect(hits?.count).toBe(6);
  });

  it("counts a refused filing (a category not offered there) against the limits too", async () => {
    const db = await getDb();
    const rule: RateLimit = { name: `filing-refused-${randomUUID()}`, limit: 5, windowSeconds: 600 };
    const refused = await fileReport({
      db,
      report: report({ serviceCode: "not-offered-here" }),
      rateLimits: [{ rule, key: "192.0.2.9" }],
    }).catch((err: unknown) => err);
    expect((refused as AppError).code).toBe("unprocessable");
    const hits = await queryOne<{ count: number }>(
      db,
      sql`select sum(count)::int as count from rate_limit_hits where key = ${`${rule.name}:192.0.2.9`}`,
    );
    expect(hits?.count).toBe(1);
  });
});
