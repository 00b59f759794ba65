import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { analyticsMunicipalityId } from "@/lib/analytics/analytics-municipality";
import { buildFigureTable, figureNameSchema } from "@/lib/analytics/build-figure-table";
import { toCsv } from "@/lib/analytics/csv";
import { parseAnalyticsFilters } from "@/lib/analytics/filters";
import { withStaff } from "@/lib/auth/session";
import { badRequest } from "@/lib/http";

/** GET /api/staff/analytics/figures?figure=…&format=csv|json&<filters> — one figure of the workspace as a table. */
export const GET = withStaff("analytics.view", async (req, { user, locale }) => {
  const params = req.nextUrl.searchParams;
  const filters = parseAnalyticsFilters(params);
  const figure = figureNameSchema.safeParse(params.get("figure") ?? "key-figures");
  if (!figure.success) throw badRequest("invalidChoice", { name: "figure" });
  const format = params.get("format") ?? "json";
  if (format !== "csv" && format !== "json") throw badRequest("invalidChoice", { name: "format" });
  const db = await getDb();
  const table = await buildFigureTable({
    db,
    municipalityId: await analyticsMunicipalityId({ db, user }),
    filters,
    locale,
    figure: figure.data,
  });
  if (format === "json")
    return NextResponse.json(table, { headers: { "cache-control": "private, no-store" } });
  return new Response(toCsv(table.columns, table.rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${table.figure}-${filters.from}-${filters.to}.csv"`,
      "cache-control": "private, no-store",
    },
  });
});
