import { NextResponse } from "next/server";
import { z } from "zod";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { queryRows } from "@/db/query";
import { withStaff } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { performReportAction } from "@/lib/workflow/perform-report-action";
import { readJson } from "@/lib/request/read-body";

export const dynamic = "force-dynamic";

const bulkSchema = z.object({
  items: z
    .array(z.object({ id: z.number().int().positive(), expectedVersion: z.number().int().positive() }))
    .min(1)
    .max(100),
  organisationId: z.number().int().positive(),
  internalNote: z.string().max(4_000).optional(),
});

/**
 * Assign or forward many reports at once (the triage desk). Each report is its own transaction with
 * its own version check: one that changed meanwhile is reported back, the others go through.
 */
export const POST = withStaff("reports.intake", async (req, { actor, user }) => {
  const body = bulkSchema.parse(await readJson(req));
  const db = await getDb();
  // Only reports of the desk's own municipalities (a training desk never reaches real reports).
  const own = new Set(
    (
      await queryRows<{ id: number }>(
        db,
        sql`select id from reports where id in ${body.items.map((i) => i.id)} and municipality_id in ${user.municipalityIds.length ? user.municipalityIds : [-1]}`,
      )
    ).map((r) => r.id),
  );
  const results = [];
  for (const item of body.items) {
    if (!own.has(item.id)) {
      results.push({ id: item.id, ok: false as const, code: "not_found", messageKey: "reportNotFound" });
      continue;
    }
    try {
      const { state } = await performReportAction({
        db,
        reportId: item.id,
        expectedVersion: item.expectedVersion,
        actor,
        action: { type: "assign", organisationId: body.organisationId, internalNote: body.internalNote },
      });
      results.push({ id: item.id, ok: true as const, version: state.version });
    } catch (err) {
      if (!isAppError(err)) throw err;
      results.push({ id: item.id, ok: false as const, code: err.code, messageKey: err.messageKey });
    }
  }
  return NextResponse.json({ results });
});
