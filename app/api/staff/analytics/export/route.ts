import { z } from "zod";
import { analyticsMunicipalityId } from "@/lib/analytics/analytics-municipality";
import { parseAnalyticsFilters } from "@/lib/analytics/filters";
import { countReportExport, exportFormats, streamReportExport } from "@/lib/analytics/stream-report-export";
import { asStaff } from "@/lib/auth/db-scope";
import { withStaffStream } from "@/lib/auth/session";
import { badRequest } from "@/lib/http";

const formatSchema = z.enum(exportFormats);

/**
 * GET /api/staff/analytics/export?format=csv|geojson&<filters> — the filtered reports, streamed.
 * `X-Total-Count` tells the page how many rows to expect, for its progress bar.
 */
export const GET = withStaffStream("analytics.view", async (req, { user, locale }) => {
  const filters = parseAnalyticsFilters(req.nextUrl.searchParams);
  const format = formatSchema.safeParse(req.nextUrl.searchParams.get("format") ?? "csv");
  if (!format.success) throw badRequest("invalidChoice", { name: "format" });
  // Row-level security decides which reports the export holds (an organisation's own, or the
  // municipality's for the desk and planners), in the count and in every batch alike.
  const { municipalityId, total, db } = await asStaff(user.claims, async (db) => {
    const municipalityId = await analyticsMunicipalityId({ db, user });
    return { municipalityId, total: await countReportExport({ db, municipalityId, filters }), db };
  });
  const body = streamReportExport({
    db,
    municipalityId,
    filters,
    locale,
    format: format.data,
    read: (fn) => asStaff(user.claims, fn),
  });
  const extension = format.data === "csv" ? "csv" : "geojson";
  return new Response(body, {
    headers: {
      "content-type":
        format.data === "csv" ? "text/csv; charset=utf-8" : "application/geo+json; charset=utf-8",
      "content-disposition": `attachment; filename="reports-${filters.from}-${filters.to}.${extension}"`,
      "x-total-count": String(total),
      "cache-control": "private, no-store",
    },
  });
});
