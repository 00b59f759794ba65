import { and, eq } from "drizzle-orm";
import { publicReports } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { respond } from "@/lib/open311/format";
import { open311Route } from "@/lib/open311/route";
import { normaliseTrackingCode } from "@/lib/reports/tracking-code";

export const dynamic = "force-dynamic";

/**
 * GET tokens/{token}. Requests are created at once, so the token a client holds is the request id
 * itself; this answers it for clients that always ask.
 */
export const GET = open311Route<{ token: string }>(
  "token",
  async (_req, { format, name, db, municipalityId }) => {
    const code = normaliseTrackingCode(name);
    const [row] = code
      ? await db
          .select({ code: publicReports.trackingCode })
          .from(publicReports)
          .where(and(eq(publicReports.trackingCode, code), eq(publicReports.municipalityId, municipalityId)))
      : [];
    if (!row) throw new AppError({ code: "not_found", messageKey: "open311NotFound" });
    return respond({
      format,
      root: "service_requests",
      body: [{ service_request_id: row.code, token: name }],
    });
  },
);
