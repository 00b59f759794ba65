import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { reportEvents } from "../../../db/schema";
import { buildCategory, buildMunicipality, buildReport } from "../../helpers/builders";
import { engine } from "../../helpers/engine";

describe(`the audit trail on the ${engine} engine`, () => {
  let eventId: number;

  beforeAll(async () => {
    const db = await getDb();
    const m = await buildMunicipality();
    const c = await buildCategory({ municipalityId: m.id });
    const r = await buildReport({ municipalityId: m.id, categoryId: c.id, position: [20.05, 44.05] });
    const [e] = await db
      .insert(reportEvents)
      .values({ reportId: r.id, municipalityId: m.id, kind: "created", toStatus: "received" })
      .returning({ id: reportEvents.id });
    eventId = e!.id;
  });

  it("refuses to update a written event", async () => {
    const db = await getDb();
    await expect(
      db.update(reportEvents).set({ publicText: "rewritten" }).where(eq(reportEvents.id, eventId)),
    ).rejects.toThrow();
    const [row] = await db.select().from(reportEvents).where(eq(reportEvents.id, eventId));
    expect(row!.publicText).toBeNull();
  });

  it("refuses to delete or truncate events", async () => {
    const db = await getDb();
    await expect(db.delete(reportEvents).where(eq(reportEvents.id, eventId))).rejects.toThrow();
    await expect(db.execute(sql`truncate report_events cascade`)).rejects.toThrow();
    const rows = await db.select().from(reportEvents).where(eq(reportEvents.id, eventId));
    expect(rows).toHaveLength(1);
  });
});
