import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { asPublic } from "../../../lib/auth/db-scope";
import { getCharter } from "../../../lib/workflow/get-charter";
import { buildReport } from "../../helpers/builders";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";

describe(`the customer charter on the ${engine} engine`, () => {
  const now = new Date("2026-11-20T12:00:00Z");
  let world: Awaited<ReturnType<typeof buildWorkflowWorld>>;

  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 22.7, south: 42.7 });
    const db = await getDb();
    const make = async (dueDaysAgo: number, resolvedDaysAgo: number | null, status = "resolved") => {
      const r = await buildReport({
        municipalityId: world.municipality.id,
        categoryId: world.category.id,
        position: world.inside,
      });
      const due = new Date(now.getTime() - dueDaysAgo * 86_400_000);
      const resolved =
        resolvedDaysAgo === null ? null : new Date(now.getTime() - resolvedDaysAgo * 86_400_000);
      await db.execute(
        sql`update reports set due_at = ${due.toISOString()}::timestamptz, resolved_at = ${resolved?.toISOString() ?? null}::timestamptz,
                               status = ${status}::report_status where id = ${r.id}`,
      );
    };
    await make(10, 12); // on time
    await make(20, 21); // on time
    await make(30, 25); // late
    await make(5, null, "in_progress"); // open past its due date: late
    await make(40, null, "rejected"); // not counted
    await make(120, 125); // outside the 90 days
    await make(-3, null, "assigned"); // not yet due
  });

  it("shows the promise and the share handled on time among reports due in the last 90 days", async () => {
    // As the page reads it: the public role, which reads no report table, gets the counts.
    const groups = await asPublic((db) =>
      getCharter({ db, municipalityId: world.municipality.id, locale: "en", now }),
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]!.categories).toEqual([
      {
        serviceCode: world.category.serviceCode,
        name: "Water leak",
        slaWorkingDays: 2,
        pausesWhenScheduled: false,
        dueTotal: 4,
        onTime: 2,
      },
    ]);
  });
});
