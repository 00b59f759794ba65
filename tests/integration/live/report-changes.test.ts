import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import {
  notifyReportChange,
  subscribeReportChanges,
  type ReportChange,
} from "../../../lib/live/report-changes";
import { fileReport } from "../../../lib/reports/file-report";
import { performReportAction } from "../../../lib/workflow/perform-report-action";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe(`live report changes (LISTEN/NOTIFY) on the ${engine} engine`, () => {
  it("announces filed and changed reports after commit, and nothing for a rolled-back change", async () => {
    const world = await buildWorkflowWorld({ west: 20.5, south: 44.5 });
    const heard: ReportChange[] = [];
    const stop = await subscribeReportChanges((c) => heard.push(c));
    try {
      const db = await getDb();
      const filed = await fileReport({
        db,
        report: { serviceCode: world.category.serviceCode, position: world.inside, description: "Uživo." },
      });
      await until(() => heard.some((c) => c.code === filed.trackingCode));
      expect(heard.find((c) => c.code === filed.trackingCode)).toEqual({
        reportId: filed.id,
        code: filed.trackingCode,
        status: "received",
        organisationId: world.water.id,
        municipalityId: world.municipality.id,
        updatedAt: expect.any(String),
      });
      await performReportAction({
        db,
        reportId: filed.id,
        expectedVersion: 1,
        actor: world.actors.waterOperator,
        action: { type: "transition", to: "in_progress" },
      });
      await until(() => heard.some((c) => c.reportId === filed.id && c.status === "in_progress"));

      const count = heard.length;
      await db
        .transaction(async (tx) => {
          await notifyReportChange(tx as never, filed.id);
          throw new Error("roll back");
        })
        .catch(() => undefined);
      await db.execute(sql`select 1`);
      await new Promise((r) => setTimeout(r, 300));
      expect(heard.length).toBe(count);
    } finally {
      stop();
    }
  });
});
